/* dom.c: see dom.h. The builder follows libxml2 2.9's tree builder
 * (SAX2.c: xmlSAX2StartElement, xmlSAX2EndElement, xmlSAX2Text,
 * xmlSAX2Comment) step by step; each place where it must do what libxml2
 * does, and not the obvious thing, says so. */
#include "dom.h"

#include "arena.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

struct nx_dom {
  struct nx_arena arena; /* holds everything, this struct included */
  struct nx_node top;    /* the document: its children are the top level */
  bool doctype;          /* a doctype was read: it is the first child */
  size_t nelements;
};

#define NX_DOM_TAG_NAME(id, name) name,
static const char *const tag_names[NX_TAG_COUNT] = {
    "", NX_DOM_TAGS(NX_DOM_TAG_NAME)};
#undef NX_DOM_TAG_NAME

/* The tag called 'name', or NX_TAG_OTHER: tag_names is sorted. */
static enum nx_tag tag_of(const char *name)
{
  size_t lo = 1, hi = NX_TAG_COUNT;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int cmp = strcmp(name, tag_names[mid]);
    if (cmp == 0)
      return (enum nx_tag)mid;
    if (cmp < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NX_TAG_OTHER;
}

/* One parse. libxml2 keeps the tree builder's stack of open elements in
 * the parser context (nodePush/nodePop); nodePush enforces the depth
 * limit, and the HTML parser pops the stack itself, with no end-element
 * event, when a start tag runs into the end of the input (HTMLparser.c:
 * htmlParseElementInternal). So that stack stays the truth: we push a
 * placeholder per element, and open[i] is our element at depth i of
 * ctxt->nodeNr. */
struct builder {
  nx_dom *dom;
  bool started; /* libxml2 builds nothing before startDocument */
  /* What ctxt->node points to. The parser reads it only in areBlanks,
   * whose answer changes the tree (an implied <p>) only for text right
   * in html or head, which it decides before looking at the node; with
   * HTML_PARSE_NOBLANKS it would decide which blanks to drop. */
  xmlNode placeholder;
  struct nx_node **open;
  size_t cap;
  /* The parser hands out each element name as one pointer from its
   * dictionary: a cache by pointer saves looking the name up again. */
  struct {
    const xmlChar *key;
    const char *name;
    unsigned char tag;
  } names[64];
};

static struct builder *builder_of(void *ctx)
{
  return ((xmlParserCtxtPtr)ctx)->_private;
}

static struct nx_node *new_node(struct builder *b, enum nx_node_type type)
{
  struct nx_node *n = nx_arena_alloc(&b->dom->arena, sizeof *n);
  memset(n, 0, sizeof *n);
  n->type = (unsigned char)type;
  return n;
}

static void append(struct nx_node *parent, struct nx_node *n)
{
  n->parent = parent;
  if (parent->last)
    parent->last->next = n;
  else
    parent->children = n;
  parent->last = n;
}

/* The element's name as xmlSAX2StartElement stores it, which splits a
 * prefix off even in HTML: "o:p" is "p". A name with a colon goes through
 * libxml2's own xmlSplitQName. */
static void set_name(struct builder *b, xmlParserCtxtPtr ctxt,
                     const xmlChar *fullname, struct nx_node *n)
{
  size_t slot = ((uintptr_t)fullname >> 3) % 64;
  if (b->names[slot].key == fullname) {
    n->name = b->names[slot].name;
    n->tag = b->names[slot].tag;
    return;
  }
  const char *full = (const char *)fullname;
  if (strchr(full, ':')) {
    xmlChar *prefix = NULL;
    xmlChar *local = xmlSplitQName(ctxt, fullname, &prefix);
    const char *name = local ? (const char *)local : full;
    n->tag = (unsigned char)tag_of(name);
    n->name = n->tag ? tag_names[n->tag]
                     : nx_arena_strndup(&b->dom->arena, name, strlen(name));
    xmlFree(local);
    xmlFree(prefix);
    return; /* rare: split again each time, as libxml2 does */
  }
  n->tag = (unsigned char)tag_of(full);
  n->name = n->tag ? tag_names[n->tag]
                   : nx_arena_strndup(&b->dom->arena, full, strlen(full));
  b->names[slot].key = fullname;
  b->names[slot].name = n->name;
  b->names[slot].tag = n->tag;
}

/* xmlSAX2AttributeInternal for HTML: a boolean attribute without a value
 * gets its own name; any other gets no text, which xmlGetProp reads as
 * "". The parser frees the values after the call, so they are copied. */
static void set_attrs(struct builder *b, const xmlChar **atts,
                      struct nx_node *n)
{
  if (atts == NULL)
    return;
  unsigned count = 0;
  while (atts[2 * count])
    count++;
  struct nx_arena *a = &b->dom->arena;
  struct nx_attr *v = nx_arena_alloc(a, count * sizeof *v);
  for (unsigned i = 0; i < count; i++) {
    const char *name = (const char *)atts[2 * i];
    const char *value = (const char *)atts[2 * i + 1];
    v[i].name = nx_arena_strndup(a, name, strlen(name));
    if (value)
      v[i].value = nx_arena_strndup(a, value, strlen(value));
    else
      v[i].value = htmlIsBooleanAttr(atts[2 * i]) ? v[i].name : "";
  }
  n->attrs = v;
  n->nattrs = count;
}

static void start_document(void *ctx)
{
  builder_of(ctx)->started = true;
}

static void internal_subset(void *ctx, const xmlChar *name,
                            const xmlChar *external_id,
                            const xmlChar *system_id)
{
  (void)name, (void)external_id, (void)system_id;
  struct builder *b = builder_of(ctx);
  if (b->started)
    b->dom->doctype = true;
}

/* An end tag libxml2 ignored leaves its error in the context
 * (htmlParseEndTag: "Opening and ending tag mismatch: noscript and div"),
 * naming the element the page closed and the one still open inside it:
 * the first overran. Read at the next event, before the error can be
 * replaced. The same message for elements an end tag did close names one
 * no longer open, so the innermost open element is checked too. */
static void note_overrun(xmlParserCtxtPtr ctxt, struct builder *b)
{
  if (ctxt->lastError.code != XML_ERR_TAG_NAME_MISMATCH)
    return;
  const char *closed = ctxt->lastError.str1, *inner = ctxt->lastError.str2;
  if (closed == NULL || inner == NULL || ctxt->nodeNr <= 0 ||
      b->open[ctxt->nodeNr - 1]->name == NULL ||
      strcmp(b->open[ctxt->nodeNr - 1]->name, inner) != 0)
    closed = NULL;
  for (int i = ctxt->nodeNr - 1; closed && i >= 0; i--)
    if (b->open[i]->name && strcmp(b->open[i]->name, closed) == 0) {
      b->open[i]->overrun = true;
      break;
    }
  xmlResetError(&ctxt->lastError);
}

static void start_element(void *ctx, const xmlChar *fullname,
                          const xmlChar **atts)
{
  xmlParserCtxtPtr ctxt = ctx;
  struct builder *b = builder_of(ctx);
  if (fullname == NULL || !b->started)
    return;
  note_overrun(ctxt, b);
  nx_dom *d = b->dom;
  int depth = ctxt->nodeNr;
  struct nx_node *parent = depth > 0 ? b->open[depth - 1] : &d->top;
  /* With nothing open (content after </html>), libxml2 attaches the
   * element to the document's first child when that is an element (the
   * root), else next to it at the top level. */
  if (depth == 0 && (d->doctype || d->top.children)) {
    struct nx_node *first = d->doctype ? NULL : d->top.children;
    if (first && first->type == NX_NODE_ELEMENT)
      parent = first;
  }
  struct nx_node *n = new_node(b, NX_NODE_ELEMENT);
  set_name(b, ctxt, fullname, n);
  /* Past libxml2's depth limit (without XML_PARSE_HUGE) this halts the
   * parser, and the element is dropped. */
  if (nodePush(ctxt, &b->placeholder) < 0)
    return;
  if ((size_t)depth >= b->cap) {
    b->cap = b->cap ? b->cap * 2 : 64;
    b->open = xrealloc(b->open, b->cap * sizeof *b->open);
  }
  b->open[depth] = n;
  n->id = (unsigned)d->nelements++;
  append(parent, n);
  set_attrs(b, atts, n);
}

static void end_element(void *ctx, const xmlChar *name)
{
  (void)name;
  nodePop(ctx);
}

/* xmlSAX2Text: text goes to the innermost open element, dropped when none
 * is open; it extends the element's last child when that is text of the
 * same kind (so a comment in between splits it), else starts a node. */
static void add_text(void *ctx, const xmlChar *ch, int len,
                     enum nx_node_type type)
{
  xmlParserCtxtPtr ctxt = ctx;
  struct builder *b = builder_of(ctx);
  if (ctxt->nodeNr <= 0)
    return;
  note_overrun(ctxt, b);
  struct nx_node *cur = b->open[ctxt->nodeNr - 1];
  struct nx_node *last = cur->last;
  size_t n = (size_t)len;
  if (last && last->type == type) {
    if (last->len + n > XML_MAX_TEXT_LENGTH &&
        !(ctxt->options & XML_PARSE_HUGE)) {
      /* libxml2 stops there, as if out of memory (xmlSAX2ErrMemory). */
      ctxt->errNo = XML_ERR_NO_MEMORY;
      ctxt->instate = XML_PARSER_EOF;
      ctxt->disableSAX = 1;
      return;
    }
    char *s = nx_arena_grow(&b->dom->arena, (char *)last->content,
                            last->len + 1, last->len + n + 1);
    memcpy(s + last->len, ch, n);
    last->len += n;
    s[last->len] = '\0';
    last->content = s;
    return;
  }
  struct nx_node *t = new_node(b, type);
  t->content = nx_arena_strndup(&b->dom->arena, (const char *)ch, n);
  t->len = n;
  append(cur, t);
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
  add_text(ctx, ch, len, NX_NODE_TEXT);
}

static void cdata_block(void *ctx, const xmlChar *ch, int len)
{
  add_text(ctx, ch, len, NX_NODE_CDATA);
}

/* xmlSAX2Comment and xmlSAX2ProcessingInstruction: a node in the open
 * element, or at the top level. */
static void add_comment(void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  struct builder *b = builder_of(ctx);
  if (!b->started)
    return;
  struct nx_node *parent =
      ctxt->nodeNr > 0 ? b->open[ctxt->nodeNr - 1] : &b->dom->top;
  append(parent, new_node(b, NX_NODE_COMMENT));
}

static void comment(void *ctx, const xmlChar *value)
{
  (void)value;
  add_comment(ctx);
}

static void processing_instruction(void *ctx, const xmlChar *target,
                                   const xmlChar *data)
{
  (void)target, (void)data;
  add_comment(ctx);
}

nx_dom *nx_dom_parse(const char *p, int len, const char *encoding,
                     int options)
{
  /* htmlReadMemory's steps (HTMLparser.c: htmlReadMemory, htmlDoRead)
   * with our callbacks: htmlCtxtReadMemory would reset the context to
   * guess the charset where this one starts in UTF-8, and read some
   * pages differently. */
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(p, len);
  if (ctxt == NULL)
    return NULL;
  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  xmlSAX2InitHtmlDefaultSAXHandler(&sax);
  sax.startDocument = start_document;
  sax.endDocument = NULL;
  sax.internalSubset = internal_subset;
  sax.startElement = start_element;
  sax.endElement = end_element;
  sax.characters = characters;
  sax.cdataBlock = cdata_block;
  sax.comment = comment;
  sax.processingInstruction = processing_instruction;
  /* htmlReadMemory copies only the SAX1 part of its handler too. */
  memcpy(ctxt->sax, &sax, sizeof(xmlSAXHandlerV1));

  struct nx_arena arena;
  nx_arena_init(&arena, (size_t)len * 2);
  nx_dom *d = nx_arena_alloc(&arena, sizeof *d);
  memset(d, 0, sizeof *d);
  d->arena = arena; /* from now on the arena lives in d */
  struct builder b;
  memset(&b, 0, sizeof b);
  b.dom = d;
  b.placeholder.type = XML_ELEMENT_NODE;
  ctxt->_private = &b;

  htmlCtxtUseOptions(ctxt, options);
  ctxt->html = 1;
  if (encoding) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
    if (handler) {
      xmlSwitchToEncoding(ctxt, handler);
      xmlFree((xmlChar *)ctxt->input->encoding);
      ctxt->input->encoding = xmlStrdup((const xmlChar *)encoding);
    }
  }
  htmlParseDocument(ctxt);
  xmlFreeParserCtxt(ctxt);
  free(b.open);
  if (!b.started) {
    nx_dom_free(d);
    return NULL;
  }
  return d;
}

void nx_dom_free(nx_dom *d)
{
  if (d == NULL)
    return;
  struct nx_arena a = d->arena;
  nx_arena_free(&a);
}

const struct nx_node *nx_dom_root(const nx_dom *d)
{
  const struct nx_node *n = d->top.children;
  while (n && n->type != NX_NODE_ELEMENT)
    n = n->next;
  return n;
}

const char *nx_dom_attr(const struct nx_node *n, const char *name)
{
  for (unsigned i = 0; i < n->nattrs; i++)
    if (strcmp(n->attrs[i].name, name) == 0)
      return n->attrs[i].value;
  return NULL;
}

/* Finds 'word' (lower case) in s, ignoring case. */
static bool contains_ci(const char *s, const char *word)
{
  size_t n = strlen(word);
  for (; *s; s++) {
    size_t i = 0;
    while (i < n && s[i] && tolower((unsigned char)s[i]) == word[i])
      i++;
    if (i == n)
      return true;
  }
  return n == 0;
}

bool nx_dom_attr_has(const struct nx_node *n, const char *attr,
                     const char *word)
{
  const char *v = nx_dom_attr(n, attr);
  return v && (word == NULL || contains_ci(v, word));
}

/* s equals 'value' (lower case) ignoring case and surrounding spaces. */
static bool value_is(const char *s, const char *value)
{
  while (isspace((unsigned char)*s))
    s++;
  size_t len = strlen(s), want = strlen(value);
  while (len && isspace((unsigned char)s[len - 1]))
    len--;
  bool same = len == want;
  for (size_t i = 0; same && i < len; i++)
    same = tolower((unsigned char)s[i]) == value[i];
  return same;
}

bool nx_dom_attr_is(const struct nx_node *n, const char *attr,
                    const char *value)
{
  const char *s = nx_dom_attr(n, attr);
  return s && value_is(s, value);
}

bool nx_dom_attr_in(const struct nx_node *n, const char *attr,
                    const char *const *values)
{
  const char *s = nx_dom_attr(n, attr);
  for (; s && *values; values++)
    if (value_is(s, *values))
      return true;
  return false;
}

nx_status nx_dom_text(const struct nx_node *n, struct nx_buf *out)
{
  nx_status st = NX_OK;
  for (const struct nx_node *k = n; k && st == NX_OK;
       k = nx_dom_next(n, k, true))
    if (k->type == NX_NODE_TEXT || k->type == NX_NODE_CDATA)
      st = nx_buf_add(out, k->content, k->len);
  return st;
}

static const nx_tagset unseen = {
    [NX_TAG_SCRIPT] = 1,   [NX_TAG_STYLE] = 1,    [NX_TAG_NOSCRIPT] = 1,
    [NX_TAG_TEMPLATE] = 1, [NX_TAG_SVG] = 1,      [NX_TAG_IFRAME] = 1,
    [NX_TAG_HEAD] = 1,     [NX_TAG_BUTTON] = 1,   [NX_TAG_SELECT] = 1,
    [NX_TAG_TEXTAREA] = 1, [NX_TAG_OBJECT] = 1,   [NX_TAG_CANVAS] = 1,
    [NX_TAG_EMBED] = 1,    [NX_TAG_MATH] = 1,     [NX_TAG_AUDIO] = 1,
    [NX_TAG_VIDEO] = 1,    [NX_TAG_MAP] = 1,      [NX_TAG_DIALOG] = 1,
    [NX_TAG_INPUT] = 1,    [NX_TAG_OPTION] = 1,   [NX_TAG_LINK] = 1,
    [NX_TAG_META] = 1,     [NX_TAG_TITLE] = 1,    [NX_TAG_PICTURE] = 1,
    [NX_TAG_SOURCE] = 1,   [NX_TAG_TRACK] = 1,    [NX_TAG_FRAMESET] = 1,
    [NX_TAG_FRAME] = 1,    [NX_TAG_APPLET] = 1};

bool nx_dom_invisible(const struct nx_node *n)
{
  if (n->type != NX_NODE_ELEMENT)
    return false;
  if (nx_dom_in(n, unseen))
    return !n->overrun;
  if (n->nattrs == 0)
    return false;
  if (nx_dom_attr_has(n, "hidden", NULL) ||
      nx_dom_attr_is(n, "aria-hidden", "true"))
    return true;
  const char *style = nx_dom_attr(n, "style");
  if (style == NULL)
    return false;
  /* "display: none" with any spacing */
  char squeezed[256];
  size_t k = 0;
  for (const char *s = style; *s && k + 1 < sizeof squeezed; s++)
    if (!isspace((unsigned char)*s))
      squeezed[k++] = (char)tolower((unsigned char)*s);
  squeezed[k] = '\0';
  return strstr(squeezed, "display:none") ||
         strstr(squeezed, "visibility:hidden");
}

static const nx_tagset blocks = {
    [NX_TAG_P] = 1,          [NX_TAG_DIV] = 1,        [NX_TAG_H1] = 1,
    [NX_TAG_H2] = 1,         [NX_TAG_H3] = 1,         [NX_TAG_H4] = 1,
    [NX_TAG_H5] = 1,         [NX_TAG_H6] = 1,         [NX_TAG_LI] = 1,
    [NX_TAG_UL] = 1,         [NX_TAG_OL] = 1,         [NX_TAG_DL] = 1,
    [NX_TAG_DT] = 1,         [NX_TAG_DD] = 1,         [NX_TAG_TABLE] = 1,
    [NX_TAG_TR] = 1,         [NX_TAG_THEAD] = 1,      [NX_TAG_TBODY] = 1,
    [NX_TAG_TFOOT] = 1,      [NX_TAG_CAPTION] = 1,    [NX_TAG_SECTION] = 1,
    [NX_TAG_ARTICLE] = 1,    [NX_TAG_MAIN] = 1,       [NX_TAG_BLOCKQUOTE] = 1,
    [NX_TAG_PRE] = 1,        [NX_TAG_FIGURE] = 1,     [NX_TAG_FIGCAPTION] = 1,
    [NX_TAG_HR] = 1,         [NX_TAG_BR] = 1,         [NX_TAG_ADDRESS] = 1,
    [NX_TAG_CENTER] = 1,     [NX_TAG_BODY] = 1,       [NX_TAG_HTML] = 1,
    [NX_TAG_DETAILS] = 1,    [NX_TAG_SUMMARY] = 1,    [NX_TAG_FIELDSET] = 1,
    [NX_TAG_LEGEND] = 1,     [NX_TAG_HEADER] = 1,     [NX_TAG_FOOTER] = 1,
    [NX_TAG_ASIDE] = 1,      [NX_TAG_NAV] = 1,        [NX_TAG_FORM] = 1,
    [NX_TAG_MENU] = 1,       [NX_TAG_HGROUP] = 1};

bool nx_dom_is_block(const struct nx_node *n)
{
  return nx_dom_in(n, blocks);
}

const struct nx_node *nx_dom_next(const struct nx_node *root,
                                  const struct nx_node *n, bool into)
{
  if (into && n->children)
    return n->children;
  while (n != root && n->next == NULL)
    n = n->parent;
  if (n == root || n == NULL)
    return NULL;
  return n->next;
}

const struct nx_node *nx_dom_find(const struct nx_node *root,
                                  enum nx_tag tag)
{
  for (const struct nx_node *n = root; n;
       n = nx_dom_next(root, n, n->type == NX_NODE_ELEMENT &&
                                    !nx_dom_is(n, NX_TAG_SVG)))
    if (nx_dom_is(n, tag))
      return n;
  return NULL;
}
