/* test_dom.c: the tree nx_dom_parse builds (dom.h) has the shape
 * libxml2's own tree builder gives the same page; each case is one of
 * its rules that the builder has to follow. */
#include "harness.h"

#include "dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

static const int page_options =
    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
    HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;

static nx_dom *parse(const char *html, int options)
{
  return nx_dom_parse(html, (int)strlen(html), "UTF-8", options);
}

/* The tree under root as "<p a=b>text|!</>": elements, attributes, text
 * ('|' ends a node), CDATA as [..], comments as '!', and "</>" where an
 * element ends (the root's own end left out). */
static const char *shape(const struct nx_node *root, struct nx_buf *b)
{
  nx_buf_clear(b);
  for (const struct nx_node *n = root; n;) {
    if (n->type == NX_NODE_ELEMENT) {
      nx_buf_adds(b, "<");
      nx_buf_adds(b, n->name);
      for (unsigned i = 0; i < n->nattrs; i++) {
        nx_buf_adds(b, " ");
        nx_buf_adds(b, n->attrs[i].name);
        nx_buf_adds(b, "=");
        nx_buf_adds(b, n->attrs[i].value);
      }
      nx_buf_adds(b, ">");
    } else if (n->type == NX_NODE_TEXT) {
      nx_buf_add(b, n->content, n->len);
      nx_buf_adds(b, "|");
    } else if (n->type == NX_NODE_CDATA) {
      nx_buf_adds(b, "[");
      nx_buf_add(b, n->content, n->len);
      nx_buf_adds(b, "]");
    } else
      nx_buf_adds(b, "!");
    if (n->type == NX_NODE_ELEMENT && n->children) {
      n = n->children;
      continue;
    }
    if (n->type == NX_NODE_ELEMENT)
      nx_buf_adds(b, "</>");
    while (n != root && n->next == NULL) {
      n = n->parent;
      nx_buf_adds(b, "</>");
    }
    if (n == root)
      break;
    n = n->next;
  }
  return b->data ? b->data : "";
}

static void expect(const char *html, int options, const char *want,
                   const char *what)
{
  struct nx_buf b;
  nx_buf_init(&b, 0);
  nx_dom *d = parse(html, options);
  STR_EQ(d ? shape(nx_dom_root(d), &b) : "(no document)", want, what);
  nx_dom_free(d);
  nx_buf_free(&b);
}

/* True when "<name>" parses into an element called 'name' that is
 * 'tag': the builder finds every name of NX_DOM_TAGS. */
static bool knows(const char *name, enum nx_tag tag)
{
  char html[64];
  snprintf(html, sizeof html, "<%s>", name);
  nx_dom *d = parse(html, page_options);
  const struct nx_node *root = nx_dom_root(d), *n = root;
  while (n && !(n->type == NX_NODE_ELEMENT && strcmp(n->name, name) == 0))
    n = nx_dom_next(root, n, true);
  bool known = n && n->tag == tag;
  nx_dom_free(d);
  return known;
}

int main(void)
{
  xmlInitParser();

  bool all = true;
#define KNOWS(id, name) all = all && knows(name, NX_TAG_##id);
  NX_DOM_TAGS(KNOWS)
#undef KNOWS
  OK(all, "every name in NX_DOM_TAGS parses to its tag");
  OK(knows("blink", NX_TAG_OTHER), "other names are NX_TAG_OTHER");

  expect("<p>a<!--x-->b&amp;c</p>", page_options,
         "<html><body><p>a|!b&c|</></></>",
         "text coalesces across entities, not across a comment");
  expect("<div class=x hidden><input checked></div>", page_options,
         "<html><body><div class=x hidden=><input checked=checked></></></>"
         "</>",
         "a bare attribute reads as \"\", a boolean one as its name");
  expect("<p>W<o:p></o:p>ord</p>", page_options,
         "<html><body><p>W|<p></>ord|</></></>",
         "a prefix is split off the element name, as libxml2 does");
  expect("<head><script>if (a < b) x();</script></head>", page_options,
         "<html><head><script>[if (a < b) x();]</></></>",
         "script content is one CDATA node");
  expect("<html><body><p>a</p></body></html><p>after</p>", page_options,
         "<html><body><p>a|</></><html><p>after|</></></>",
         "content after </html> lands in the root element");
  expect("<!DOCTYPE html><html><body><p>a</p></body></html><p>after</p>",
         page_options, "<html><body><p>a|</></></>",
         "... but next to it when a doctype is the first node");
  expect("<p>x<div class=a", page_options,
         "<html><body><p>x|</><div class=a></></></>",
         "a start tag cut off by the end of the input is kept");

  /* Without XML_PARSE_HUGE libxml2 stops at 256 open elements. */
  struct nx_buf deep;
  nx_buf_init(&deep, 0);
  for (int i = 0; i < 300; i++)
    nx_buf_adds(&deep, "<div>");
  nx_buf_adds(&deep, "bottom");
  nx_dom *d = parse(deep.data, page_options & ~XML_PARSE_HUGE);
  const struct nx_node *root = nx_dom_root(d);
  size_t elements = 0;
  for (const struct nx_node *n = root; n; n = nx_dom_next(root, n, true))
    elements += n->type == NX_NODE_ELEMENT;
  struct nx_buf text;
  nx_buf_init(&text, 0);
  nx_dom_text(root, &text);
  OK(elements == 257 && text.len == 0,
     "the depth limit holds without XML_PARSE_HUGE");
  nx_dom_free(d);
  d = parse(deep.data, page_options);
  nx_buf_clear(&text);
  nx_dom_text(nx_dom_root(d), &text);
  STR_EQ(text.data, "bottom", "and not with it");
  nx_dom_free(d);
  nx_buf_free(&text);
  nx_buf_free(&deep);

  OK(nx_dom_parse("", 0, "UTF-8", page_options) == NULL,
     "an empty input is no document");
  xmlCleanupParser();
  HARNESS_END();
}
