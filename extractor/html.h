/* html.h: turn an HTML page into a title and paragraphs of visible text.
 *
 * libxml2's HTML parser reads the page in recover mode with network
 * access off. The walk skips what a reader never sees or never reads as
 * the article (script, style, nav, header, footer, aside, form, hidden
 * elements, ...); block elements end paragraphs. */
#ifndef NX_HTML_H
#define NX_HTML_H

#include "rules.h"
#include "text.h"

#include <stdbool.h>

/* True when the first bytes of p look like an HTML page or fragment. */
bool nx_html_sniff(const char *p, size_t len);

/* Parses p[0, len) and replaces the contents of ps with its paragraphs:
 * the main article only when 'main_only' (found with the class/id hint
 * lists of rs, see content.h), else all visible text. The charset comes from the
 * page's <meta charset> or http-equiv; without one the page is read as
 * UTF-8 with invalid bytes replaced by U+FFFD. '*title' receives a new
 * normalised string (caller frees) or NULL when the page has none. */
nx_status nx_html_extract(const char *p, size_t len, const char *name,
                          const nx_ruleset *rs, bool main_only,
                          struct nx_paragraphs *ps, char **title,
                          struct nx_error *err);

#endif /* NX_HTML_H */
