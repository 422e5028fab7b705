/* html.c: see html.h. The tree is walked iteratively, so a page of 100k
 * nested elements cannot overflow the stack; subtrees are skipped, never
 * unlinked. */
#include "html.h"

#include "content.h"
#include "dom.h"
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

struct walk {
  struct nx_paragraphs *ps;
  const nx_content *content; /* NULL: all visible text */
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

static bool is_cell(const xmlNode *n)
{
  return nx_dom_is(n, "td") || nx_dom_is(n, "th");
}

/* Adds the text under root as paragraphs: a block element ends one, a
 * table row is one, its cells joined by " | " so rules can read a row. */
static void walk(struct walk *w, xmlNode *root)
{
  xmlNode *n = root;
  while (n && w->st == NX_OK) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      bool skip = nx_dom_invisible(n) ||
                  (w->content && nx_content_drops(w->content, n));
      if (!skip) {
        bool block = nx_dom_is_block(n);
        if (block)
          flush(w);
        else if (is_cell(n) && w->raw.len)
          add_text(w, (const xmlChar *)" | ");
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
      if (nx_dom_is_block(n))
        flush(w);
    }
    if (n == root)
      break;
    n = n->next;
  }
  flush(w);
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

static xmlNode *find_og_title(xmlNode *root)
{
  for (xmlNode *n = root; n;
       n = nx_dom_next(root, n, n->type == XML_ELEMENT_NODE &&
                                    !nx_dom_is(n, "svg") &&
                                    !nx_dom_is(n, "body")))
    if (nx_dom_is(n, "meta") && nx_dom_attr_is(n, "property", "og:title"))
      return n;
  return NULL;
}

static char *page_title(xmlNode *root)
{
  char *title = NULL;
  xmlNode *head = nx_dom_find(root, "head");
  xmlNode *t = head ? nx_dom_find(head, "title") : NULL;
  if (t) {
    xmlChar *s = xmlNodeGetContent(t);
    if (s)
      title = normalised((const char *)s);
    xmlFree(s);
  }
  if (title == NULL && (t = find_og_title(root)) != NULL) {
    xmlChar *s = xmlGetProp(t, (const xmlChar *)"content");
    if (s)
      title = normalised((const char *)s);
    xmlFree(s);
  }
  return title;
}

/* The bytes of text in paragraphs 'from' onwards. */
static size_t text_since(const struct nx_paragraphs *ps, size_t from)
{
  size_t n = 0;
  for (size_t i = from; i < ps->n; i++)
    n += ps->len[i];
  return n;
}

/* The article: the chosen roots minus what content.c drops. When that
 * comes out as a scrap of a page that has far more text, cleaning went
 * wrong (a page built without paragraphs, say), so the roots are taken
 * whole, and failing that the whole body. */
static nx_status add_article(xmlNode *body, const nx_ruleset *rs,
                             struct nx_paragraphs *ps)
{
  nx_content *c = nx_content_new(body, rs);
  struct walk w = {ps, c, {0}, NX_OK};
  nx_buf_init(&w.raw, 0);
  for (size_t i = 0; i < nx_content_nroots(c) && w.st == NX_OK; i++)
    walk(&w, nx_content_root(c, i));
  if (w.st == NX_OK && text_since(ps, 0) < 250) {
    nx_paragraphs_clear(ps);
    nx_content_relax(c);
    for (size_t i = 0; i < nx_content_nroots(c) && w.st == NX_OK; i++)
      walk(&w, nx_content_root(c, i));
  }
  nx_buf_free(&w.raw);
  nx_content_free(c);
  return w.st;
}

static void ignore_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

nx_status nx_html_extract(const char *p, size_t len, const char *name,
                          const nx_ruleset *rs, bool main_only,
                          struct nx_paragraphs *ps, char **title,
                          struct nx_error *err)
{
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
    xmlNode *body = nx_dom_find(root, "body");
    if (body == NULL)
      body = root;
    if (main_only)
      st = add_article(body, rs, ps);
    else {
      struct walk w = {ps, NULL, {0}, NX_OK};
      nx_buf_init(&w.raw, 0);
      walk(&w, body);
      nx_buf_free(&w.raw);
      st = w.st;
    }
  }
  xmlFreeDoc(doc);
  if (st != NX_OK)
    return nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
  return NX_OK;
}
