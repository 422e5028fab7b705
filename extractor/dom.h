/* dom.h: a parsed HTML page as a compact read-only tree, and small
 * helpers over it, shared by the modules that look at a page (html.c,
 * content.c, meta.c, jsonld.c).
 *
 * nx_dom_parse runs libxml2's HTML parser with SAX callbacks that build,
 * node for node, the tree libxml2's own tree builder would (SAX2.c), in
 * one arena per page: no malloc per node, attribute or text, and one free
 * for the whole tree. Element names come as the parser gives them: lower
 * case, a prefix split off ("o:p" is "p"), and the names the extractor
 * looks for known by number (enum nx_tag), so testing one is an integer
 * compare. Attribute values and text are as the parser decoded them:
 * UTF-8, entities resolved. Nothing here allocates except where it says
 * so. */
#ifndef NX_DOM_H
#define NX_DOM_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* The element names the extractor tests for, in alphabetical order. */
#define NX_DOM_TAGS(X)                                                         \
  X(A, "a") X(ADDRESS, "address") X(APPLET, "applet") X(ARTICLE, "article")   \
  X(ASIDE, "aside") X(AUDIO, "audio") X(BLOCKQUOTE, "blockquote")             \
  X(BODY, "body") X(BR, "br") X(BUTTON, "button") X(CANVAS, "canvas")         \
  X(CAPTION, "caption") X(CENTER, "center") X(DD, "dd")                       \
  X(DETAILS, "details") X(DIALOG, "dialog") X(DIV, "div") X(DL, "dl")         \
  X(DT, "dt") X(EMBED, "embed") X(FIELDSET, "fieldset")                       \
  X(FIGCAPTION, "figcaption") X(FIGURE, "figure") X(FONT, "font")             \
  X(FOOTER, "footer") X(FORM, "form") X(FRAME, "frame")                       \
  X(FRAMESET, "frameset") X(H1, "h1") X(H2, "h2") X(H3, "h3") X(H4, "h4")     \
  X(H5, "h5") X(H6, "h6") X(HEAD, "head") X(HEADER, "header")                 \
  X(HGROUP, "hgroup") X(HR, "hr") X(HTML, "html") X(IFRAME, "iframe")         \
  X(IMG, "img") X(INPUT, "input") X(LEGEND, "legend") X(LI, "li")             \
  X(LINK, "link") X(MAIN, "main") X(MAP, "map") X(MATH, "math")               \
  X(MENU, "menu") X(META, "meta") X(NAV, "nav") X(NOSCRIPT, "noscript")       \
  X(OBJECT, "object") X(OL, "ol") X(OPTION, "option") X(P, "p")               \
  X(PICTURE, "picture") X(PRE, "pre") X(SCRIPT, "script")                     \
  X(SECTION, "section") X(SELECT, "select") X(SOURCE, "source")               \
  X(SPAN, "span") X(STYLE, "style") X(SUMMARY, "summary") X(SVG, "svg")       \
  X(TABLE, "table") X(TBODY, "tbody") X(TD, "td") X(TEMPLATE, "template")     \
  X(TEXTAREA, "textarea") X(TFOOT, "tfoot") X(TH, "th") X(THEAD, "thead")     \
  X(TIME, "time") X(TITLE, "title") X(TR, "tr") X(TRACK, "track")             \
  X(UL, "ul") X(VIDEO, "video")

#define NX_DOM_TAG_ENUM(id, name) NX_TAG_##id,
enum nx_tag { NX_TAG_OTHER, NX_DOM_TAGS(NX_DOM_TAG_ENUM) NX_TAG_COUNT };
#undef NX_DOM_TAG_ENUM

/* A set of tags, for nx_dom_in: "static const nx_tagset blocks =
 * {[NX_TAG_P] = true, ...};". */
typedef bool nx_tagset[NX_TAG_COUNT];

enum nx_node_type {
  NX_NODE_ELEMENT,
  NX_NODE_TEXT,
  NX_NODE_CDATA,  /* the content of script and style */
  NX_NODE_COMMENT /* a comment or processing instruction; no text kept */
};

struct nx_attr {
  const char *name;  /* lower case */
  const char *value; /* "" for <div hidden>, but "checked" for <input
                        checked> (HTML 4's boolean attributes), as libxml2 */
};

struct nx_node {
  struct nx_node *parent, *children, *last, *next;
  const char *name;            /* elements: lower case; else NULL */
  const struct nx_attr *attrs; /* elements: 'nattrs' of them, in order */
  const char *content;         /* text and CDATA: NUL-terminated */
  size_t len;                  /* text and CDATA: bytes of content */
  unsigned id;     /* elements: 0, 1, 2, ... in document order */
  unsigned nattrs; /* elements */
  unsigned char type; /* enum nx_node_type */
  unsigned char tag;  /* elements: enum nx_tag (NX_TAG_OTHER for the rest) */
  /* The page closed this element but libxml2 ignored the end tag (2.9
   * does for </noscript> while a <div> opened inside it is open), so the
   * rest of the page is under it: a noscript that overran is not hidden. */
  bool overrun;
};

typedef struct nx_dom nx_dom; /* one parsed page, opaque */

/* Parses p[0, len) with libxml2's HTML parser as htmlReadMemory(p, len,
 * NULL, encoding, options) does, and returns the tree xmlFreeDoc would
 * have freed, with the same nodes, names, attributes and text; free it
 * with nx_dom_free. Returns NULL where htmlReadMemory returns NULL (an
 * empty input). 'options' must not hold HTML_PARSE_NOBLANKS (which
 * blanks it drops depends on libxml2's own tree). libxml2 must be
 * initialised (xmlInitParser). */
nx_dom *nx_dom_parse(const char *p, int len, const char *encoding,
                     int options);
void nx_dom_free(nx_dom *d); /* NULL is a no-op */

/* The first element at the top of the page (xmlDocGetRootElement), or
 * NULL. Content after the root element closed lands in the root, as in
 * libxml2, unless a doctype or comment came first. */
const struct nx_node *nx_dom_root(const nx_dom *d);

/* True when n is the element 'tag'. */
static inline bool nx_dom_is(const struct nx_node *n, enum nx_tag tag)
{
  return n->type == NX_NODE_ELEMENT && n->tag == tag;
}

/* True when n is an element whose tag is in 'set'. */
static inline bool nx_dom_in(const struct nx_node *n, const nx_tagset set)
{
  return n->type == NX_NODE_ELEMENT && set[n->tag];
}

/* The value of n's attribute 'name' (lower case), or NULL when n is not
 * an element or has no such attribute. Points into the tree. */
const char *nx_dom_attr(const struct nx_node *n, const char *name);

/* True when n's attribute 'attr' exists and, unless 'word' is NULL,
 * contains 'word' (lower case) ignoring case. */
bool nx_dom_attr_has(const struct nx_node *n, const char *attr,
                     const char *word);

/* True when n's attribute 'attr' equals 'value' ignoring case and
 * surrounding white space. */
bool nx_dom_attr_is(const struct nx_node *n, const char *attr,
                    const char *value);

/* True when n's attribute 'attr' equals one of the NULL-terminated
 * 'values' as nx_dom_attr_is compares. */
bool nx_dom_attr_in(const struct nx_node *n, const char *attr,
                    const char *const *values);

/* Appends the text of n and its subtree, text and CDATA nodes in document
 * order (libxml2's xmlNodeGetContent), to out. */
nx_status nx_dom_text(const struct nx_node *n, struct nx_buf *out);

/* True when a reader never sees n or anything under it: script, style,
 * templates, embedded objects, form controls, and elements hidden with
 * the hidden attribute, aria-hidden or an inline display:none. Such an
 * element that overran (see nx_node) hides nothing. */
bool nx_dom_invisible(const struct nx_node *n);

/* True when n is an element that starts and ends a paragraph of text
 * (p, div, li, headings, table rows, ...). */
bool nx_dom_is_block(const struct nx_node *n);

/* The next node after n in document order, skipping n's subtree when
 * 'into' is false, without leaving 'root'; NULL at the end. Lets every
 * walk stay iterative, so 100k nested elements cannot overflow the
 * stack. */
const struct nx_node *nx_dom_next(const struct nx_node *root,
                                  const struct nx_node *n, bool into);

/* The first element under root (root included) that is 'tag', in
 * document order, or NULL. Does not look inside svg. */
const struct nx_node *nx_dom_find(const struct nx_node *root,
                                  enum nx_tag tag);

#endif /* NX_DOM_H */
