/* dom.h: small read-only helpers over a libxml2 HTML tree, shared by the
 * modules that look at a parsed page (html.c, content.c, meta.c,
 * jsonld.c). Nothing here allocates except where it says so. */
#ifndef NX_DOM_H
#define NX_DOM_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* True when n is an element called 'name' (lower case, as libxml2's HTML
 * parser stores it). */
bool nx_dom_is(const xmlNode *n, const char *name);

/* True when n is an element whose name is in the NULL-terminated list. */
bool nx_dom_in(const xmlNode *n, const char *const *names);

/* True when n's attribute 'attr' exists and, unless 'word' is NULL,
 * contains 'word' (lower case) ignoring case. */
bool nx_dom_attr_has(const xmlNode *n, const char *attr, const char *word);

/* True when n's attribute 'attr' equals 'value' ignoring case and
 * surrounding white space. */
bool nx_dom_attr_is(const xmlNode *n, const char *attr, const char *value);

/* True when a reader never sees n or anything under it: script, style,
 * templates, embedded objects, form controls, and elements hidden with
 * the hidden attribute, aria-hidden or an inline display:none. */
bool nx_dom_invisible(const xmlNode *n);

/* True when n is an element that starts and ends a paragraph of text
 * (p, div, li, headings, table rows, ...). */
bool nx_dom_is_block(const xmlNode *n);

/* The next node after n in document order, skipping n's subtree when
 * 'into' is false, without leaving 'root'; NULL at the end. Lets every
 * walk stay iterative, so 100k nested elements cannot overflow the
 * stack. */
xmlNode *nx_dom_next(const xmlNode *root, const xmlNode *n, bool into);

/* The first element under root (root included) called 'name', in
 * document order, or NULL. */
xmlNode *nx_dom_find(xmlNode *root, const char *name);

#endif /* NX_DOM_H */
