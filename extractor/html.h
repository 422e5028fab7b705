/* html.h: turn an HTML page into its article's paragraphs and metadata.
 *
 * libxml2's HTML parser reads the page in recover mode with network
 * access off, decoding the charset the page declares. The article comes
 * from the JSON-LD articleBody when the page shows all of it (jsonld.h),
 * else from the tree (content.h); block elements end paragraphs, and a
 * table row is one paragraph with its cells joined by " | ". Every walk
 * is iterative. */
#ifndef NX_HTML_H
#define NX_HTML_H

#include "content.h"
#include "meta.h"
#include "rules.h"
#include "text.h"

#include <stdbool.h>

/* True when the first bytes of p look like an HTML page or fragment. */
bool nx_html_sniff(const char *p, size_t len);

struct nx_html_options {
  nx_hints *hints;     /* class/id hints for finding the article, or NULL */
  bool main_only;      /* the article only, else all visible text */
  const char *charset; /* the transport's charset (an HTTP header), or NULL */
  size_t *replaced;    /* out: bytes of bad UTF-8 that became U+FFFD */
};

/* Parses p[0, len) and replaces the contents of ps with its paragraphs:
 * the main article only when opts->main_only, else all visible text. The
 * charset: a BOM, else the transport's charset when it names one other
 * than UTF-8 (HTTP wins over <meta>, as in browsers), else the page's
 * <meta charset> or http-equiv; without any the page is read as UTF-8 with
 * invalid bytes replaced by U+FFFD (counted in *opts->replaced), or as
 * Windows-1252 when none of its bytes form UTF-8 (browsers' default). Fills
 * the empty fields of 'meta' (see meta.h). */
nx_status nx_html_extract(const char *p, size_t len, const char *name,
                          const struct nx_html_options *opts,
                          struct nx_paragraphs *ps, struct nx_meta *meta,
                          struct nx_error *err);

#endif /* NX_HTML_H */
