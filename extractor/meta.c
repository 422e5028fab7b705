/* meta.c: see meta.h. One walk over the tree notes the first element of
 * each kind that can give a field; the fields are then filled in order of
 * trust (Open Graph and article:* before names and visible text). */
#include "meta.h"

#include "dom.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void nx_meta_init(struct nx_meta *m)
{
  memset(m, 0, sizeof *m);
}

void nx_meta_clear(struct nx_meta *m)
{
  free(m->title);
  free(m->published);
  for (size_t i = 0; i < m->nauthors; i++)
    free(m->authors[i]);
  free(m->authors);
  free(m->site);
  free(m->url);
  free(m->lang);
  nx_meta_init(m);
}

/* A new normalised copy of s, or NULL when it comes out empty. */
static char *normalised(const char *s)
{
  if (s == NULL)
    return NULL;
  struct nx_buf out;
  nx_buf_init(&out, 0);
  nx_text_normalize(s, strlen(s), &out);
  if (out.len == 0) {
    nx_buf_free(&out);
    return NULL;
  }
  return nx_buf_detach(&out, NULL);
}

static bool set_field(char **field, char *value)
{
  if (*field || value == NULL) {
    free(value);
    return false;
  }
  *field = value;
  return true;
}

bool nx_meta_set_title(struct nx_meta *m, const char *s)
{
  return set_field(&m->title, normalised(s));
}

bool nx_meta_set_site(struct nx_meta *m, const char *s)
{
  return set_field(&m->site, normalised(s));
}

bool nx_meta_set_published(struct nx_meta *m, const char *s)
{
  char iso[64];
  if (m->published || s == NULL || !nx_meta_iso_date(s, iso, sizeof iso))
    return false;
  m->published = xstrdup(iso);
  return true;
}

static bool is_absolute_url(const char *s)
{
  return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

bool nx_meta_set_url(struct nx_meta *m, const char *s)
{
  char *v = normalised(s);
  if (v && (!is_absolute_url(v) || strchr(v, ' '))) {
    free(v);
    v = NULL;
  }
  return set_field(&m->url, v);
}

/* "en_US" -> "en-US"; the first tag of a list; NULL unless it looks like
 * a language tag (2-3 letters, then subtags of 1-8 letters or digits). */
static char *language_tag(const char *s)
{
  while (isspace((unsigned char)*s))
    s++;
  char tag[36];
  size_t n = 0, sub = 0;
  bool first = true;
  for (; *s && !isspace((unsigned char)*s) && *s != ',' && *s != ';'; s++) {
    char c = *s == '_' ? '-' : *s;
    if (n + 1 >= sizeof tag)
      return NULL;
    if (c == '-') {
      if (sub == 0 || (first && sub > 3))
        return NULL;
      first = false;
      sub = 0;
    } else if (isalnum((unsigned char)c) &&
               (!first || isalpha((unsigned char)c))) {
      if (++sub > 8)
        return NULL;
    } else
      return NULL;
    tag[n++] = c;
  }
  if (n == 0 || sub == 0 || (first && (sub < 2 || sub > 3)))
    return NULL;
  tag[n] = '\0';
  return xstrdup(tag);
}

bool nx_meta_set_lang(struct nx_meta *m, const char *s)
{
  return s && set_field(&m->lang, language_tag(s));
}

void nx_meta_add_author(struct nx_meta *m, const char *s)
{
  char *v = normalised(s);
  if (v == NULL)
    return;
  const char *name = v;
  if (strncmp(name, "By ", 3) == 0 || strncmp(name, "by ", 3) == 0)
    name += 3;
  bool skip = *name == '\0' || is_absolute_url(name) || strlen(name) > 100;
  for (size_t i = 0; i < m->nauthors && !skip; i++)
    skip = strcmp(m->authors[i], name) == 0;
  if (!skip) {
    m->authors = xrealloc(m->authors, (m->nauthors + 1) * sizeof *m->authors);
    m->authors[m->nauthors++] = xstrdup(name);
  }
  free(v);
}

/* Reads 'count' digits at *s into *out. */
static bool digits(const char **s, int count, int *out)
{
  int v = 0;
  for (int i = 0; i < count; i++) {
    if (!isdigit((unsigned char)(*s)[i]))
      return false;
    v = v * 10 + ((*s)[i] - '0');
  }
  *s += count;
  *out = v;
  return true;
}

static int month_number(const char *s, size_t *len)
{
  static const char *const names[] = {"jan", "feb", "mar", "apr",
                                      "may", "jun", "jul", "aug",
                                      "sep", "oct", "nov", "dec"};
  size_t n = 0;
  while (isalpha((unsigned char)s[n]))
    n++;
  if (n < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (strncasecmp(s, names[i], 3) == 0) {
      *len = n + (s[n] == '.');
      return i + 1;
    }
  return 0;
}

/* "November 19, 2019", "Nov. 19 2019", "19 November 2019". */
static bool prose_date(const char *s, int *y, int *mo, int *d)
{
  size_t len = 0;
  const char *p = s;
  if ((*mo = month_number(p, &len)) != 0) {
    p += len;
    while (*p == ' ')
      p++;
    char *end;
    long day = strtol(p, &end, 10);
    if (end == p)
      return false;
    p = end;
    while (*p == ',' || *p == ' ' || isalpha((unsigned char)*p))
      p++; /* ", " or "th, " */
    *d = (int)day;
  } else {
    char *end;
    long day = strtol(p, &end, 10);
    if (end == p)
      return false;
    p = end;
    while (*p == ' ' || *p == '.')
      p++;
    if ((*mo = month_number(p, &len)) == 0)
      return false;
    p += len;
    while (*p == ' ' || *p == ',')
      p++;
    *d = (int)day;
  }
  return digits(&p, 4, y);
}

bool nx_meta_iso_date(const char *s, char *out, size_t size)
{
  int y, mo, d, h = -1, mi = 0, sec = -1, oh = 0, om = 0;
  char frac[16] = "", zone = 0;
  if (size)
    *out = '\0';
  while (isspace((unsigned char)*s))
    s++;
  const char *p = s;
  if (digits(&p, 4, &y) && (*p == '-' || *p == '/')) {
    char sep = *p++;
    if (!digits(&p, 2, &mo) || *p++ != sep || !digits(&p, 2, &d))
      return false;
    if ((*p == 'T' || *p == ' ') && isdigit((unsigned char)p[1])) {
      p++;
      if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
        return false;
      if (*p == ':') {
        p++;
        if (!digits(&p, 2, &sec))
          return false;
        if (*p == '.' || *p == ',') {
          size_t k = 0;
          for (p++; isdigit((unsigned char)*p); p++)
            if (k + 1 < sizeof frac)
              frac[k++] = *p;
          frac[k] = '\0';
        }
      }
      while (*p == ' ')
        p++;
      if (*p == 'Z' || *p == 'z') {
        zone = 'Z';
        p++;
      } else if (*p == '+' || *p == '-') {
        zone = *p++;
        if (!digits(&p, 2, &oh))
          return false;
        if (*p == ':')
          p++;
        if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
          return false;
      } else if (strncmp(p, "GMT", 3) == 0 || strncmp(p, "UTC", 3) == 0) {
        zone = 'Z';
        p += 3;
      }
    }
  } else if (!prose_date(s, &y, &mo, &d))
    return false;
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
      h > 23 || mi > 59 || sec > 60 || oh > 14 || om > 59)
    return false;
  int n = snprintf(out, size, "%04d-%02d-%02d", y, mo, d);
  if (h >= 0) {
    n += snprintf(out + n, size - (size_t)n, "T%02d:%02d", h, mi);
    if (sec >= 0)
      n += snprintf(out + n, size - (size_t)n, ":%02d%s%s", sec,
                    *frac ? "." : "", frac);
    if (zone == 'Z')
      n += snprintf(out + n, size - (size_t)n, "Z");
    else if (zone)
      n += snprintf(out + n, size - (size_t)n, "%c%02d:%02d", zone, oh, om);
  }
  return n > 0 && (size_t)n < size;
}

/* Where each field can come from, best first. */
enum src {
  T_OG, T_TWITTER, T_TITLE, T_H1,
  P_ARTICLE, P_ITEMPROP, P_NAME, P_TIME_PROP, P_TIME,
  A_META, A_ITEMPROP, A_REL,
  S_OG, S_APP,
  U_CANONICAL, U_OG,
  L_HTML, L_HTTP, L_OG,
  NSRC
};

struct found {
  const struct nx_node *node[NSRC];
  char *value[NSRC]; /* the attribute or text to use */
};

/* Takes v (which may be NULL) as the value of source s, or frees it. */
static void note(struct found *f, enum src s, const struct nx_node *n,
                 char *v)
{
  if (f->node[s] == NULL && v && *v) {
    f->node[s] = n;
    f->value[s] = v;
  } else
    free(v);
}

/* A copy of n's attribute 'name', or NULL. */
static char *attr(const struct nx_node *n, const char *name)
{
  const char *v = nx_dom_attr(n, name);
  return v ? xstrdup(v) : NULL;
}

/* The text of n's subtree, as a new string. */
static char *text(const struct nx_node *n)
{
  struct nx_buf b;
  nx_buf_init(&b, 0);
  nx_dom_text(n, &b);
  return nx_buf_detach(&b, NULL);
}

static const char *const date_names[] = {
    "pubdate",      "publishdate",       "publish-date",  "publish_date",
    "date",         "dc.date.issued",    "dc.date",       "dcterms.created",
    "dcterms.date", "sailthru.date",     "parsely-pub-date", "article.published",
    "datepublished", "article:published_time", "og:published_time",
    "release_date", "originalpublicationdate", NULL};

static void note_meta(struct found *f, const struct nx_node *n)
{
  static const char *const og_title[] = {"og:title", NULL};
  static const char *const tw_title[] = {"twitter:title", NULL};
  static const char *const author[] = {"author", "article:author",
                                       "sailthru.author", "parsely-author",
                                       "dc.creator", NULL};
  if (nx_dom_attr_in(n, "property", og_title))
    note(f, T_OG, n, attr(n, "content"));
  else if (nx_dom_attr_in(n, "name", tw_title) ||
           nx_dom_attr_in(n, "property", tw_title))
    note(f, T_TWITTER, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "property", "article:published_time"))
    note(f, P_ARTICLE, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "itemprop", "datepublished"))
    note(f, P_ITEMPROP, n, attr(n, "content"));
  else if (nx_dom_attr_in(n, "name", date_names) ||
           nx_dom_attr_in(n, "property", date_names))
    note(f, P_NAME, n, attr(n, "content"));
  else if (nx_dom_attr_in(n, "name", author) ||
           nx_dom_attr_in(n, "property", author))
    note(f, A_META, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "property", "og:site_name"))
    note(f, S_OG, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "name", "application-name"))
    note(f, S_APP, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "property", "og:url"))
    note(f, U_OG, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "http-equiv", "content-language"))
    note(f, L_HTTP, n, attr(n, "content"));
  else if (nx_dom_attr_is(n, "property", "og:locale"))
    note(f, L_OG, n, attr(n, "content"));
}

/* The name of an itemprop=author element: its itemprop=name, else its
 * content attribute, else its text. */
static char *author_name(const struct nx_node *n)
{
  for (const struct nx_node *k = n; k; k = nx_dom_next(n, k, true))
    if (k->type == NX_NODE_ELEMENT && nx_dom_attr_is(k, "itemprop", "name")) {
      char *v = attr(k, "content");
      return v ? v : text(k);
    }
  char *v = attr(n, "content");
  return v ? v : text(n);
}

static void collect(struct found *f, const struct nx_node *root)
{
  if (nx_dom_is(root, NX_TAG_HTML))
    note(f, L_HTML, root, attr(root, "lang"));
  const struct nx_node *n = root;
  while (n) {
    bool into = n->type == NX_NODE_ELEMENT && !nx_dom_is(n, NX_TAG_SCRIPT) &&
                !nx_dom_is(n, NX_TAG_STYLE) && !nx_dom_is(n, NX_TAG_SVG);
    if (n->type == NX_NODE_ELEMENT) {
      if (nx_dom_is(n, NX_TAG_META))
        note_meta(f, n);
      else if (nx_dom_is(n, NX_TAG_TITLE) && f->node[T_TITLE] == NULL)
        note(f, T_TITLE, n, text(n));
      else if (nx_dom_is(n, NX_TAG_H1) && f->node[T_H1] == NULL &&
               !nx_dom_invisible(n))
        note(f, T_H1, n, text(n));
      else if (nx_dom_is(n, NX_TAG_LINK) &&
               nx_dom_attr_is(n, "rel", "canonical"))
        note(f, U_CANONICAL, n, attr(n, "href"));
      else if (nx_dom_is(n, NX_TAG_TIME)) {
        char *v = attr(n, "datetime");
        if (nx_dom_attr_is(n, "itemprop", "datepublished") ||
            nx_dom_attr_has(n, "class", "publish") ||
            nx_dom_attr_has(n, "pubdate", NULL))
          note(f, P_TIME_PROP, n, v);
        else
          note(f, P_TIME, n, v);
      }
      if (nx_dom_attr_is(n, "itemprop", "author") ||
          nx_dom_attr_is(n, "itemprop", "creator")) {
        if (f->node[A_ITEMPROP] == NULL)
          note(f, A_ITEMPROP, n, author_name(n));
        into = false;
      } else if (nx_dom_is(n, NX_TAG_A) && nx_dom_attr_is(n, "rel", "author"))
        note(f, A_REL, n, text(n));
    }
    n = nx_dom_next(root, n, into);
  }
}

static const char *val(const struct found *f, enum src s)
{
  return f->value[s];
}

void nx_meta_read(struct nx_meta *m, const struct nx_node *root)
{
  struct found f;
  memset(&f, 0, sizeof f);
  collect(&f, root);
  for (enum src s = T_OG; s <= T_H1 && !nx_meta_set_title(m, val(&f, s)); s++)
    ;
  for (enum src s = P_ARTICLE;
       s <= P_TIME && !nx_meta_set_published(m, val(&f, s)); s++)
    ;
  for (enum src s = A_META; s <= A_REL && m->nauthors == 0; s++)
    if (f.value[s])
      nx_meta_add_author(m, val(&f, s));
  for (enum src s = S_OG; s <= S_APP && !nx_meta_set_site(m, val(&f, s)); s++)
    ;
  for (enum src s = U_CANONICAL;
       s <= U_OG && !nx_meta_set_url(m, val(&f, s)); s++)
    ;
  for (enum src s = L_HTML; s <= L_OG && !nx_meta_set_lang(m, val(&f, s));
       s++)
    ;
  for (int s = 0; s < NSRC; s++)
    free(f.value[s]);
}

static json_t *string_or_null(const char *s)
{
  json_t *v = s ? json_string(s) : NULL;
  return v ? v : json_null();
}

void nx_meta_to_json(const struct nx_meta *m, json_t *obj)
{
  json_object_set_new(obj, "title", string_or_null(m->title));
  json_object_set_new(obj, "published", string_or_null(m->published));
  json_t *authors = json_array();
  for (size_t i = 0; i < m->nauthors; i++) {
    json_t *a = json_string(m->authors[i]);
    if (a)
      json_array_append_new(authors, a);
  }
  json_object_set_new(obj, "authors", authors);
  json_object_set_new(obj, "site", string_or_null(m->site));
  json_object_set_new(obj, "url", string_or_null(m->url));
  json_object_set_new(obj, "lang", string_or_null(m->lang));
}
