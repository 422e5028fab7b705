/* dom.c: see dom.h. */
#include "dom.h"

#include <ctype.h>
#include <string.h>

bool nx_dom_is(const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name &&
         strcmp((const char *)n->name, name) == 0;
}

bool nx_dom_in(const xmlNode *n, const char *const *names)
{
  if (n->type != XML_ELEMENT_NODE || n->name == NULL)
    return false;
  const char *name = (const char *)n->name;
  /* The first letter rules out most of a list without a call. */
  for (; *names; names++)
    if (name[0] == (*names)[0] && strcmp(name, *names) == 0)
      return true;
  return false;
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

bool nx_dom_attr_has(const xmlNode *n, const char *attr, const char *word)
{
  if (n->type != XML_ELEMENT_NODE || n->properties == NULL)
    return false;
  xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)attr);
  if (v == NULL)
    return false;
  bool found = word == NULL || contains_ci((const char *)v, word);
  xmlFree(v);
  return found;
}

bool nx_dom_attr_is(const xmlNode *n, const char *attr, const char *value)
{
  if (n->type != XML_ELEMENT_NODE || n->properties == NULL)
    return false;
  xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)attr);
  if (v == NULL)
    return false;
  const char *s = (const char *)v;
  while (isspace((unsigned char)*s))
    s++;
  size_t len = strlen(s), want = strlen(value);
  while (len && isspace((unsigned char)s[len - 1]))
    len--;
  bool same = len == want;
  for (size_t i = 0; same && i < len; i++)
    same = tolower((unsigned char)s[i]) == value[i];
  xmlFree(v);
  return same;
}

static const char *const unseen[] = {
    "script", "style",  "noscript", "template", "svg",      "iframe",
    "head",   "button", "select",   "textarea", "object",   "canvas",
    "embed",  "math",   "audio",    "video",    "map",      "dialog",
    "input",  "option", "link",     "meta",     "title",    "picture",
    "source", "track",  "frameset", "frame",    "applet",   NULL};

bool nx_dom_invisible(const xmlNode *n)
{
  if (n->type != XML_ELEMENT_NODE)
    return false;
  if (nx_dom_in(n, unseen))
    return true;
  if (n->properties == NULL)
    return false;
  if (nx_dom_attr_has(n, "hidden", NULL) ||
      nx_dom_attr_is(n, "aria-hidden", "true"))
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
  return strstr(squeezed, "display:none") ||
         strstr(squeezed, "visibility:hidden");
}

static const char *const blocks[] = {
    "p",       "div",        "h1",      "h2",      "h3",         "h4",
    "h5",      "h6",         "li",      "ul",      "ol",         "dl",
    "dt",      "dd",         "table",   "tr",      "thead",      "tbody",
    "tfoot",   "caption",    "section", "article", "main",       "blockquote",
    "pre",     "figure",     "figcaption", "hr",   "br",         "address",
    "center",  "body",       "html",    "details", "summary",    "fieldset",
    "legend",  "header",     "footer",  "aside",   "nav",        "form",
    "menu",    "hgroup",     NULL};

bool nx_dom_is_block(const xmlNode *n)
{
  return nx_dom_in(n, blocks);
}

xmlNode *nx_dom_next(const xmlNode *root, const xmlNode *n, bool into)
{
  if (into && n->children)
    return n->children;
  while (n != root && n->next == NULL)
    n = n->parent;
  if (n == root || n == NULL)
    return NULL;
  return n->next;
}

xmlNode *nx_dom_find(xmlNode *root, const char *name)
{
  for (xmlNode *n = root; n;
       n = nx_dom_next(root, n, n->type == XML_ELEMENT_NODE &&
                                    !nx_dom_is(n, "svg")))
    if (nx_dom_is(n, name))
      return n;
  return NULL;
}
