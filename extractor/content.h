/* content.h: find the article in a parsed page.
 *
 * Every element under <body> is measured once (text length, link text,
 * commas, paragraphs, images, form inputs) and its class and id are read
 * against four word lists of the ruleset: content_hints (article, body,
 * story, ...), boilerplate_hints (comment, share, related, newsletter,
 * cookie, ...: removed wherever they appear), negative_hints (meta,
 * sidebar, ...: scored down only) and lead_hints (lead, intro, excerpt:
 * a standfirst, which joins the article even from a cut header). Paragraphs score their ancestors by
 * length and commas (the method of Mozilla's Readability); the best
 * container, scaled by its link density, is the article, and its siblings
 * that score close to it or read as prose join it, and so does a
 * standfirst set above it in a block of its own. Inside the article,
 * blocks that look like boilerplate (link lists, short captions, widgets,
 * form boxes) are left out. The walk is iterative. */
#ifndef NX_CONTENT_H
#define NX_CONTENT_H

#include "dom.h"
#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct nx_content nx_content; /* one page's analysis, opaque */

/* The class/id hint patterns, compiled once from the lists of 'rs' (NULL,
 * or a ruleset without the lists, means no hints). Holds match data, so
 * one per thread. */
typedef struct nx_hints nx_hints;
nx_hints *nx_hints_new(const nx_ruleset *rs);
void nx_hints_free(nx_hints *h); /* NULL is a no-op */
/* How many of the four hint patterns run as JIT code (none after
 * --no-jit). */
size_t nx_hints_jitted(const nx_hints *h);

/* Analyses the tree under 'body' (which must stay alive as long as the
 * result) with 'hints' (may be NULL). Returns a new analysis; free it with
 * nx_content_free. */
nx_content *nx_content_new(const struct nx_node *body, nx_hints *hints);
void nx_content_free(nx_content *c); /* NULL is a no-op */

/* The number of article roots, in document order; nx_content_root(c, i)
 * is the i-th. The article is the text of these subtrees, minus what
 * nx_content_drops says. */
size_t nx_content_nroots(const nx_content *c);
const struct nx_node *nx_content_root(const nx_content *c, size_t i);

/* True when the element n, inside an article root, is to be left out
 * with its whole subtree. */
bool nx_content_drops(const nx_content *c, const struct nx_node *n);

/* From now on leaves out only what is never article text (invisible or
 * cut elements, the headline, figures): the fallback when the cleaned
 * article came out too short. */
void nx_content_relax(nx_content *c);

/* Chooses the article again as Readability does when its first try came
 * out too short: nothing is cut before scoring (the article may sit in a
 * block whose class reads as a widget or sidebar) and class and id hints
 * do not score; a block they mark as boilerplate is still left out unless
 * it holds prose. Cleaning is on again until nx_content_relax. */
void nx_content_widen(nx_content *c);

#endif /* NX_CONTENT_H */
