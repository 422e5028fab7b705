/* html.c: see html.h. The tree is walked iteratively, so a page of 100k
 * nested elements cannot overflow the stack; subtrees are skipped, never
 * unlinked. */
#include "html.h"

#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

static bool has_prefix_ci(const char *p, size_t len, const char *word)
{
  size_t n = strlen(word);
  if (len < n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)p[i]) != word[i])
      return false;
  return true;
}

/* Finds 'word' (lower case) in the first 'len' bytes, ignoring case. */
static const char *find_ci(const char *p, size_t len, const char *word)
{
  size_t n = strlen(word);
  for (size_t i = 0; i + n <= len; i++)
    if (has_prefix_ci(p + i, len - i, word))
      return p + i;
  return NULL;
}

bool nx_html_sniff(const char *p, size_t len)
{
  size_t head = len < 4096 ? len : 4096;
  size_t i = 0;
  if (head >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < head && isspace((unsigned char)p[i]))
    i++;
  if (i < head && p[i] == '<') {
    const char *rest = p + i + 1;
    size_t n = head - i - 1;
    static const char *const starts[] = {
        "!doctype", "html", "head", "body", "!--", "meta", "title", "div",
        "p>", "p ", "article", "section", "span", "h1", "h2", "table", "?xml"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
      if (has_prefix_ci(rest, n, starts[k]))
        return true;
  }
  return find_ci(p, head, "<html") || find_ci(p, head, "<body");
}

/* The charset a page declares in its first 4 KiB, or NULL for UTF-8 or
 * none. Only then do we let libxml2 pick the decoder. */
static bool declares_other_charset(const char *p, size_t len)
{
  size_t head = len < 4096 ? len : 4096;
  const char *at = find_ci(p, head, "charset");
  if (at == NULL)
    return false;
  at += 7;
  size_t rest = head - (size_t)(at - p);
  while (rest && (*at == ' ' || *at == '=' || *at == '"' || *at == '\'')) {
    at++;
    rest--;
  }
  return !(has_prefix_ci(at, rest, "utf-8") || has_prefix_ci(at, rest, "utf8"));
}

static bool name_is(const xmlNode *n, const char *name)
{
  return n->name && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
  for (; *names; names++)
    if (name_is(n, *names))
      return true;
  return false;
}

static const char *const skipped[] = {
    "script", "style",  "noscript", "template", "svg",    "iframe",
    "nav",    "header", "footer",   "aside",    "form",   "head",
    "button", "select", "textarea", "object",   "canvas", "embed",
    "math",   "audio",  "video",    "map",      "dialog", NULL};

static const char *const blocks[] = {
    "p",          "div",     "h1",     "h2",      "h3",     "h4",
    "h5",         "h6",      "li",     "ul",      "ol",     "dl",
    "dt",         "dd",      "table",  "tr",      "thead",  "tbody",
    "tfoot",      "caption", "section", "article", "main",   "blockquote",
    "pre",        "figure",  "figcaption", "hr",  "br",     "address",
    "center",     "body",    "html",   "details", "summary", "fieldset",
    "legend",     NULL};

/* Attribute value compared without case; s may be NULL. */
static bool attr_has(const xmlNode *n, const char *attr, const char *word)
{
  xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)attr);
  if (v == NULL)
    return false;
  bool found = word == NULL || find_ci((const char *)v, strlen((char *)v),
                                       word) != NULL;
  xmlFree(v);
  return found;
}

static bool is_hidden(const xmlNode *n)
{
  if (n->properties == NULL)
    return false;
  if (attr_has(n, "hidden", NULL) || attr_has(n, "aria-hidden", "true"))
    return true;
  xmlChar *style = xmlGetProp((xmlNode *)n, (const xmlChar *)"style");
  if (style == NULL)
    return false;
  /* "display: none" with any spacing */
  char squeezed[256];
  size_t k = 0;
  for (const xmlChar *s = style; *s && k + 1 < sizeof squeezed; s++)
    if (!isspace(*s))
      squeezed[k++] = (char)tolower(*s);
  squeezed[k] = '\0';
  xmlFree(style);
  return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static bool is_skipped(const xmlNode *n)
{
  return name_in(n, skipped) || is_hidden(n);
}

struct walk {
  struct nx_paragraphs *ps;
  struct nx_buf raw; /* the paragraph being gathered, not yet normalised */
  nx_status st;
};

static void flush(struct walk *w)
{
  if (w->st == NX_OK && w->raw.len)
    w->st = nx_paragraphs_add(w->ps, w->raw.data, w->raw.len);
  nx_buf_clear(&w->raw);
}

static void add_text(struct walk *w, const xmlChar *s)
{
  if (s && w->st == NX_OK)
    w->st = nx_buf_adds(&w->raw, (const char *)s);
}

static void walk_body(struct walk *w, xmlNode *root)
{
  xmlNode *n = root;
  while (n && w->st == NX_OK) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      if (!is_skipped(n)) {
        bool block = name_in(n, blocks);
        if (block)
          flush(w);
        else if (name_is(n, "td") || name_is(n, "th"))
          add_text(w, (const xmlChar *)" ");
        descend = n->children != NULL;
        if (!descend && block)
          flush(w);
      }
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      add_text(w, n->content);
    }
    if (descend) {
      n = n->children;
      continue;
    }
    /* Climb until a next sibling; leaving a block ends its paragraph. */
    while (n != root && n->next == NULL) {
      n = n->parent;
      if (n->type == XML_ELEMENT_NODE && name_in(n, blocks))
        flush(w);
    }
    if (n == root)
      break;
    n = n->next;
  }
  flush(w);
}

/* The first element called 'name' in document order, outside svg. */
static xmlNode *find_element(xmlNode *root, const char *name, bool meta_og)
{
  xmlNode *n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      if (meta_og ? name_is(n, "meta") && attr_has(n, "property", "og:title")
                  : name_is(n, name))
        return n;
      if (n->children && !name_is(n, "svg") && !name_is(n, "body")) {
        n = n->children;
        continue;
      }
    }
    while (n != root && n->next == NULL)
      n = n->parent;
    if (n == root)
      break;
    n = n->next;
  }
  return NULL;
}

static char *normalised(const char *s)
{
  struct nx_buf clean, out;
  nx_buf_init(&clean, 0);
  nx_buf_init(&out, 0);
  nx_utf8_repair(s, strlen(s), &clean);
  nx_text_normalize(clean.data ? clean.data : "", clean.len, &out);
  nx_buf_free(&clean);
  if (out.len == 0) {
    nx_buf_free(&out);
    return NULL;
  }
  return nx_buf_detach(&out, NULL);
}

static char *page_title(xmlNode *root)
{
  char *title = NULL;
  xmlNode *t = find_element(root, "title", false);
  if (t) {
    xmlChar *s = xmlNodeGetContent(t);
    if (s)
      title = normalised((const char *)s);
    xmlFree(s);
  }
  if (title == NULL && (t = find_element(root, NULL, true)) != NULL) {
    xmlChar *s = xmlGetProp(t, (const xmlChar *)"content");
    if (s)
      title = normalised((const char *)s);
    xmlFree(s);
  }
  return title;
}

static void ignore_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

nx_status nx_html_extract(const char *p, size_t len, const char *name,
                          bool main_only, struct nx_paragraphs *ps,
                          char **title, struct nx_error *err)
{
  (void)main_only; /* main-content extraction: issue 4 */
  *title = NULL;
  if (len > INT_MAX)
    return nx_fail(err, NX_ETOOBIG, name, 0, 0,
                   "HTML larger than libxml2 can parse (%zu bytes)", len);
  struct nx_buf clean;
  nx_buf_init(&clean, 0);
  const char *encoding = NULL;
  if (!declares_other_charset(p, len)) {
    encoding = "UTF-8";
    if (!nx_utf8_is_clean(p, len)) {
      nx_status st = nx_utf8_repair(p, len, &clean);
      if (st != NX_OK) {
        nx_buf_free(&clean);
        return nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
      }
      p = clean.data;
      len = clean.len;
    }
  }
  /* libxml2 keeps its error handler per thread. */
  xmlSetGenericErrorFunc(NULL, ignore_error);
  htmlDocPtr doc = htmlReadMemory(
      p, (int)len, NULL, encoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  nx_buf_free(&clean);
  if (doc == NULL)
    return NX_OK; /* nothing parseable: an empty document, not an error */
  xmlNode *root = xmlDocGetRootElement(doc);
  nx_status st = NX_OK;
  if (root) {
    *title = page_title(root);
    xmlNode *body = find_element(root, "body", false);
    struct walk w = {ps, {0}, NX_OK};
    nx_buf_init(&w.raw, 0);
    walk_body(&w, body ? body : root);
    nx_buf_free(&w.raw);
    st = w.st;
  }
  xmlFreeDoc(doc);
  if (st != NX_OK)
    return nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
  return NX_OK;
}
