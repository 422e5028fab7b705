/* jsonld.c: see jsonld.h. */
#include "jsonld.h"

#include "date.h"
#include "dom.h"
#include "xalloc.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static bool type_is_article(const char *t)
{
  size_t n = strlen(t);
  static const char *const ends[] = {"Article", "BlogPosting", "NewsArticle",
                                     "Report", NULL};
  for (const char *const *e = ends; *e; e++) {
    size_t k = strlen(*e);
    if (n >= k && strcmp(t + n - k, *e) == 0)
      return true;
  }
  return false;
}

static bool is_article(json_t *o)
{
  json_t *t = json_object_get(o, "@type");
  if (json_is_string(t))
    return type_is_article(json_string_value(t));
  size_t i;
  json_t *v;
  json_array_foreach(t, i, v) if (json_is_string(v) &&
                                  type_is_article(json_string_value(v))) return
      true;
  return false;
}

/* The first article object in v, looking into arrays and @graph; depth
 * is bounded, since structured data nests only a few levels. */
static json_t *find_article(json_t *v, int depth)
{
  if (depth > 6)
    return NULL;
  if (json_is_array(v)) {
    size_t i;
    json_t *e, *found;
    json_array_foreach(v, i, e) if ((found = find_article(e, depth + 1))) return
        found;
    return NULL;
  }
  if (!json_is_object(v))
    return NULL;
  if (is_article(v))
    return v;
  json_t *g = json_object_get(v, "@graph");
  return g ? find_article(g, depth + 1) : NULL;
}

static const char *str(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  if (json_is_object(v))
    v = json_object_get(v, "name");
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The object in v whose "@id" is 'id' and that has a name, or NULL. */
static json_t *find_id(json_t *v, const char *id, int depth)
{
  if (depth > 6)
    return NULL;
  json_t *e, *found;
  if (json_is_array(v)) {
    size_t i;
    json_array_foreach(v, i, e) if ((found = find_id(e, id, depth + 1)))
        return found;
    return NULL;
  }
  if (!json_is_object(v))
    return NULL;
  json_t *own = json_object_get(v, "@id");
  if (json_is_string(own) && strcmp(json_string_value(own), id) == 0 &&
      json_is_string(json_object_get(v, "name")))
    return v;
  const char *key;
  json_object_foreach(v, key, e) if ((json_is_object(e) || json_is_array(e)) &&
                                     (found = find_id(e, id, depth + 1)))
      return found;
  return NULL;
}

/* Adds the names in an author value: a string, a Person, an array of
 * them. A reference {"@id": ...} to a Person elsewhere in 'doc' (the
 * @graph that Yoast SEO writes) names the account that posted, which
 * need not be the byline: it goes to m->jsonld_refs, below meta tags. */
static void add_authors(struct nx_meta *m, json_t *a, json_t *doc)
{
  if (json_is_string(a))
    nx_meta_add_author(m, json_string_value(a));
  else if (json_is_object(a)) {
    json_t *name = json_object_get(a, "name");
    json_t *id = json_object_get(a, "@id");
    json_t *person = json_is_string(name) || !json_is_string(id)
                         ? NULL
                         : find_id(doc, json_string_value(id), 0);
    if (json_is_string(name))
      nx_meta_add_author(m, json_string_value(name));
    else if (person) {
      m->jsonld_refs = xrealloc(m->jsonld_refs, (m->njsonld_refs + 1) *
                                                    sizeof *m->jsonld_refs);
      m->jsonld_refs[m->njsonld_refs++] =
          xstrdup(json_string_value(json_object_get(person, "name")));
    }
  } else if (json_is_array(a)) {
    size_t i;
    json_t *e;
    json_array_foreach(a, i, e) if (!json_is_array(e)) add_authors(m, e, doc);
  }
}

/* Plain text of an articleBody that may hold HTML markup or entities. */
static char *body_text(const char *s)
{
  if (strpbrk(s, "<&") == NULL)
    return xstrdup(s);
  size_t len = strlen(s);
  if (len > INT_MAX)
    return NULL;
  nx_dom *doc = nx_dom_parse(s, (int)len, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  char *text = NULL;
  const struct nx_node *root = doc ? nx_dom_root(doc) : NULL;
  if (root) {
    struct nx_buf b;
    nx_buf_init(&b, 0);
    nx_dom_text(root, &b);
    text = nx_buf_detach(&b, NULL);
  }
  nx_dom_free(doc);
  return text;
}

/* Reads one article object of the block 'doc' into m; returns its
 * articleBody, if any. */
static char *read_article(json_t *a, json_t *doc, struct nx_meta *m)
{
  const char *headline = str(a, "headline");
  nx_meta_set_title(m, headline ? headline : str(a, "name"));
  nx_meta_set_published(m, str(a, "datePublished"));
  nx_meta_set_published(m, str(a, "dateCreated"));
  nx_meta_set_published(m, str(a, "date"));
  if (m->nauthors == 0)
    add_authors(m, json_object_get(a, "author"), doc);
  if (m->nauthors == 0)
    add_authors(m, json_object_get(a, "creator"), doc);
  nx_meta_set_site(m, str(a, "publisher"));
  const char *url = str(a, "url");
  json_t *page = json_object_get(a, "mainEntityOfPage");
  if (url == NULL && json_is_object(page))
    url = str(page, "@id");
  else if (url == NULL && json_is_string(page))
    url = json_string_value(page);
  nx_meta_set_url(m, url);
  nx_meta_set_lang(m, str(a, "inLanguage"));
  const char *body = str(a, "articleBody");
  return body ? body_text(body) : NULL;
}

static bool type_is(json_t *o, const char *const *types)
{
  json_t *t = json_object_get(o, "@type");
  const char *name = json_is_string(t) ? json_string_value(t) : "";
  for (; *types; types++) {
    size_t n = strlen(name), k = strlen(*types);
    if (n >= k && strcmp(name + n - k, *types) == 0)
      return true;
  }
  return false;
}

/* The first datePublished or dateCreated that is a date, of any object in
 * v but those whose dates are not the page's (comments, images, videos):
 * a ClaimReview or WebPage dates the page when no article does. */
static const char *any_date(json_t *v, int depth)
{
  static const char *const not_page[] = {"Comment", "Answer", "Object", NULL};
  if (depth > 6)
    return NULL;
  const char *d = NULL;
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) if ((d = any_date(e, depth + 1))) return d;
    return NULL;
  }
  if (!json_is_object(v) || type_is(v, not_page))
    return NULL;
  struct nx_date date;
  static const char *const keys[] = {"datePublished", "dateCreated", NULL};
  for (const char *const *k = keys; *k; k++) {
    json_t *s = json_object_get(v, *k);
    if (json_is_string(s) && nx_date_parse(json_string_value(s), &date))
      return json_string_value(s);
  }
  const char *key;
  json_t *e;
  json_object_foreach(v, key, e) if (json_is_object(e) || json_is_array(e))
  {
    if ((d = any_date(e, depth + 1)))
      return d;
  }
  return NULL;
}

/* The string after the first "datePublished" key in text that jansson
 * could not parse (a raw newline in articleBody is common), as a new
 * string, or NULL. */
static char *scan_date(const char *text)
{
  const char *p = strstr(text, "\"datePublished\"");
  if (p == NULL)
    return NULL;
  p += strlen("\"datePublished\"");
  p += strspn(p, " \t\r\n");
  if (*p++ != ':')
    return NULL;
  p += strspn(p, " \t\r\n");
  if (*p++ != '"')
    return NULL;
  size_t n = strcspn(p, "\"\n");
  if (p[n] != '"' || n > 100)
    return NULL;
  char *v = xmalloc(n + 1);
  memcpy(v, p, n);
  v[n] = '\0';
  return v;
}

char *nx_jsonld_read(const struct nx_node *root, struct nx_meta *m)
{
  char *body = NULL, *other_date = NULL;
  bool found = false;
  struct nx_buf text;
  nx_buf_init(&text, 0);
  for (const struct nx_node *n = root; n && (!found || !other_date);
       n = nx_dom_next(root, n, n->type == NX_NODE_ELEMENT &&
                                    !nx_dom_is(n, NX_TAG_SCRIPT) &&
                                    !nx_dom_is(n, NX_TAG_STYLE) &&
                                    !nx_dom_is(n, NX_TAG_SVG))) {
    if (!nx_dom_is(n, NX_TAG_SCRIPT) ||
        !nx_dom_attr_has(n, "type", "application/ld+json"))
      continue;
    nx_buf_clear(&text);
    nx_dom_text(n, &text);
    json_t *v = json_loads(text.data ? text.data : "",
                           JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, NULL);
    json_t *a = found ? NULL : find_article(v, 0);
    if (a) {
      body = read_article(a, v, m);
      found = true;
    }
    if (other_date == NULL && v) {
      const char *d = any_date(v, 0);
      other_date = d ? xstrdup(d) : NULL;
    } else if (other_date == NULL)
      other_date = scan_date(text.data ? text.data : "");
    json_decref(v);
  }
  if (m->published == NULL && m->jsonld_date == NULL)
    m->jsonld_date = other_date;
  else
    free(other_date);
  nx_buf_free(&text);
  return body;
}
