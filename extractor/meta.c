/* meta.c: see meta.h. One walk over the tree notes the first element of
 * each kind that can give a field; the fields are then filled in order of
 * trust (Open Graph and article:* before names and visible text). */
#include "meta.h"

#include "date.h"
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
  free(m->published_raw);
  free(m->jsonld_date);
  for (size_t i = 0; i < m->njsonld_refs; i++)
    free(m->jsonld_refs[i]);
  free(m->jsonld_refs);
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

/* Sets the date d, read from 'raw', unless the page's date is known. */
static bool set_date(struct nx_meta *m, const struct nx_date *d,
                     const char *raw)
{
  char iso[32];
  if (m->published || !nx_date_format(d, iso, sizeof iso))
    return false;
  m->published = xstrdup(iso);
  char *r = normalised(raw);
  size_t len = r ? strlen(r) : 0;
  if (len > 200)
    r[nx_utf8_floor(r, len, 200)] = '\0';
  m->published_raw = r;
  return true;
}

bool nx_meta_set_published(struct nx_meta *m, const char *s)
{
  struct nx_date d;
  return m->published == NULL && s && nx_date_parse(s, &d) &&
         set_date(m, &d, s);
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
  static const char *const accounts[] = {"admin", "administrator", "root",
                                         "webmaster", NULL};
  bool skip = *name == '\0' || is_absolute_url(name) ||
              (strchr(name, '/') && !strchr(name, ' ')) || strlen(name) > 100;
  for (const char *const *a = accounts; *a && !skip; a++)
    skip = strcasecmp(name, *a) == 0;
  for (size_t i = 0; i < m->nauthors && !skip; i++)
    skip = strcmp(m->authors[i], name) == 0;
  if (!skip) {
    m->authors = xrealloc(m->authors, (m->nauthors + 1) * sizeof *m->authors);
    m->authors[m->nauthors++] = xstrdup(name);
  }
  free(v);
}

bool nx_meta_iso_date(const char *s, char *out, size_t size)
{
  struct nx_date d;
  if (size)
    *out = '\0';
  return nx_date_parse(s, &d) && nx_date_format(&d, out, size);
}

/* Where each field can come from, best first. The page's date, after
 * JSON-LD (jsonld.c), in htmldate's order of evidence: meta tags and
 * itemprop, then <time>, then the URL (read in nx_meta_read), then
 * visible date lines (V_*). */
enum src {
  T_OG, T_TWITTER, T_TITLE, T_H1,
  P_ARTICLE, P_ITEMPROP, P_NAME, P_CREATED, P_TIME_PROP, P_TIME,
  V_PUBLISH, V_LABEL, V_DATE, V_NEAR,
  A_META, A_ITEMPROP, A_REL, A_CLASS,
  S_OG, S_APP,
  U_CANONICAL, U_OG,
  L_HTML, L_HTTP, L_OG,
  NSRC
};

struct found {
  const struct nx_node *node[NSRC];
  char *value[NSRC];         /* the attribute or text to use */
  struct nx_date date[NSRC]; /* P_* and V_*: the date read from value */
  bool dated;                /* a date is known: visible lines are moot */
  unsigned after_h1;         /* text nodes seen since the headline, or 0 */
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
    "pubdate",          "publishdate",       "publish-date",
    "publish_date",     "publication_date",  "date",
    "dc.date.issued",   "dc.date",           "dc.date.created",
    "dcterms.created",  "dcterms.issued",    "dcterms.date",
    "sailthru.date",    "parsely-pub-date",  "article.published",
    "datepublished",    "og:published_time", "release_date",
    "originalpublicationdate", NULL};

enum how { MARKUP, TEXT, LOOSE }; /* how a date source's value is read */

/* Takes v (which may be NULL) as the value of date source s when it holds
 * a valid date, read as 'how' says; else frees it. So a broken first
 * candidate does not hide a good second one of the same kind. */
static void note_date(struct found *f, enum src s, const struct nx_node *n,
                      char *v, enum how how)
{
  struct nx_date d;
  if (f->node[s] == NULL && v &&
      (how == MARKUP ? nx_date_parse(v, &d)
                     : nx_date_find(v, strlen(v), how == LOOSE, &d))) {
    f->date[s] = d;
    note(f, s, n, v);
  } else
    free(v);
}

/* The visible text of n's subtree when it is short: at most 'max' bytes
 * from at most 40 nodes, else NULL. Bounded, so that looking at every
 * element with a date-like class costs no more than the walk. */
static char *short_text(const struct nx_node *n, size_t max)
{
  struct nx_buf b;
  nx_buf_init(&b, 0);
  unsigned count = 0;
  bool fits = true;
  for (const struct nx_node *k = n; k && fits;
       k = nx_dom_next(n, k,
                       k->type == NX_NODE_ELEMENT && !nx_dom_invisible(k))) {
    fits = ++count <= 40 && b.len + k->len <= max;
    if (fits && k->type == NX_NODE_TEXT) {
      nx_buf_add(&b, k->content, k->len);
      nx_buf_addc(&b, ' ');
    }
  }
  if (!fits || b.len == 0) {
    nx_buf_free(&b);
    return NULL;
  }
  return nx_buf_detach(&b, NULL);
}

/* A date value on any element: its content or datetime attribute, else
 * its short text ("<span itemprop=datePublished>March 14, 2019</span>",
 * "<time datetime="01-11-2023 10:29">1. November 2023 10:29</time>"). */
static char *date_value(const struct nx_node *n)
{
  struct nx_date d;
  char *v = attr(n, "content");
  if (v == NULL)
    v = attr(n, "datetime");
  if (v && nx_date_parse(v, &d))
    return v;
  char *t = short_text(n, 120);
  if (t == NULL)
    return v;
  free(v);
  return t;
}

/* True when an ancestor of n is 'tag'. */
static bool inside(const struct nx_node *n, enum nx_tag tag)
{
  for (const struct nx_node *p = n->parent; p; p = p->parent)
    if (nx_dom_is(p, tag))
      return true;
  return false;
}

/* Letters (any script), hyphens, apostrophes and periods: "O'Neil",
 * "J.", "Müller-Lüdenscheidt". */
static bool is_name_byte(unsigned char c)
{
  return isalpha(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.';
}

/* True when n's class or id contains 'word'. */
static bool hints(const struct nx_node *n, const char *word)
{
  return nx_dom_attr_has(n, "class", word) || nx_dom_attr_has(n, "id", word);
}

/* True when n is not where the page's own date is: hidden, in the site's
 * chrome, or marked as the date of an update or a comment. */
static bool is_other_date(const struct nx_node *n)
{
  return hints(n, "update") || hints(n, "modif") || hints(n, "comment") ||
         nx_dom_invisible(n) || inside(n, NX_TAG_NAV) ||
         inside(n, NX_TAG_FOOTER) || inside(n, NX_TAG_ASIDE);
}

/* A visible element whose class or id says it holds the page's date:
 * V_PUBLISH ("article-publish-date"), V_DATE ("date", "time", "byline",
 * "meta"), or NSRC for none. Site chrome and dates of other things
 * (updates, comments) are not. */
static enum src date_class(const struct nx_node *n)
{
  enum src s = NSRC;
  if (nx_dom_attr(n, "class") == NULL && nx_dom_attr(n, "id") == NULL)
    return NSRC;
  if (hints(n, "publish") || hints(n, "posted") || hints(n, "pubdate"))
    s = V_PUBLISH;
  else if (hints(n, "date") || hints(n, "time") || hints(n, "byline") ||
           hints(n, "meta"))
    s = V_DATE;
  return s != NSRC && is_other_date(n) ? NSRC : s;
}

/* True when a date better than any visible line is known already. */
static bool lines_moot(const struct found *f)
{
  bool moot = f->dated;
  for (enum src s = P_ARTICLE; s <= P_TIME && !moot; s++)
    moot = f->node[s] != NULL;
  return moot;
}

/* True when the line s dates something other than the publication: an
 * update ("Updated Nov. 5, 2025"), or the visit ("Aktuelle Zeit: ...",
 * which forum software prints). */
static bool is_other_date_line(const char *s)
{
  static const char *const others[] = {
      "updated",       "last updated",    "aktualisiert",
      "zuletzt aktualisiert",             "mis \xc3\xa0 jour",
      "actualizado",   "modified",        "aktuelle zeit",
      "current time",  "it is currently", NULL};
  while (s && isspace((unsigned char)*s))
    s++;
  for (const char *const *o = others; s && *o; o++)
    if (strncasecmp(s, *o, strlen(*o)) == 0)
      return true;
  return false;
}

/* Words that introduce a page's date in its own text, lower case. */
static const char *const date_labels[] = {
    "published", "posted on", "written by", "ver\xc3\xb6" "ffentlicht",
    "publiziert", "erschienen am", "publi\xc3\xa9", "publicado",
    "pubblicato", "opublikowano", "\xec\x9e\x85\xeb\xa0\xa5", /* 입력 */
    NULL};

/* True when one of date_labels starts within the first 16 bytes of s. */
static bool starts_with_label(const char *s, size_t len)
{
  char head[48]; /* 16 bytes and the longest label, in lower case */
  size_t n = 0;
  while (len && isspace((unsigned char)*s))
    s++, len--;
  for (; n < len && n + 1 < sizeof head; n++)
    head[n] = (char)tolower((unsigned char)s[n]);
  head[n] = '\0';
  for (const char *const *l = date_labels; *l; l++) {
    const char *at = strstr(head, *l);
    if (at && at - head <= 16)
      return true;
  }
  return false;
}

/* A short text node that starts with a date label ("Published: Monday,
 * November 18th, 2019", "Written by <a>...</a> on November 14, 2019"): the
 * date in it, else in its parent's short text. */
static void note_label(struct found *f, const struct nx_node *n)
{
  if (f->node[V_LABEL] || n->len > 150 ||
      !starts_with_label(n->content, n->len) || n->parent == NULL ||
      is_other_date(n->parent))
    return;
  note_date(f, V_LABEL, n, xstrdup(n->content), TEXT);
  if (f->node[V_LABEL] == NULL)
    note_date(f, V_LABEL, n, short_text(n->parent, 150), TEXT);
}

static void note_meta(struct found *f, const struct nx_node *n)
{
  static const char *const og_title[] = {"og:title", NULL};
  static const char *const tw_title[] = {"twitter:title", NULL};
  static const char *const article_published[] = {
      "article:published_time", "article:published", NULL};
  static const char *const author[] = {"author", "article:author",
                                       "sailthru.author", "parsely-author",
                                       "dc.creator", NULL};
  if (nx_dom_attr_in(n, "property", og_title))
    note(f, T_OG, n, attr(n, "content"));
  else if (nx_dom_attr_in(n, "name", tw_title) ||
           nx_dom_attr_in(n, "property", tw_title))
    note(f, T_TWITTER, n, attr(n, "content"));
  else if (nx_dom_attr_in(n, "property", article_published))
    note_date(f, P_ARTICLE, n, attr(n, "content"), MARKUP);
  else if (nx_dom_attr_in(n, "name", date_names) ||
           nx_dom_attr_in(n, "property", date_names))
    note_date(f, P_NAME, n, attr(n, "content"), MARKUP);
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

/* A short line with a date among the first 8 lines after the headline
 * ("<h1>...</h1><small>02.02.2022</small>", "Hamburg, 2. November
 * 2021"): where news pages put their dateline when no class says so. */
static void note_near_headline(struct found *f, const struct nx_node *n)
{
  if (f->node[T_H1] == NULL || f->node[V_NEAR] || f->after_h1 > 8 ||
      n->parent == NULL)
    return;
  size_t skip = strspn(n->content, " \t\r\n");
  if (skip == n->len || inside(n, NX_TAG_H1))
    return;
  f->after_h1++;
  if (n->len <= 80 && !is_other_date(n->parent) &&
      !is_other_date_line(n->content))
    note_date(f, V_NEAR, n, xstrdup(n->content), TEXT);
}

/* A visible element whose class or id says it holds the author's name
 * ("byline__author", "author vcard"), not a commenter's, an avatar or a
 * biography. */
static bool is_byline(const struct nx_node *n)
{
  return (hints(n, "author") || hints(n, "byline")) &&
         !hints(n, "comment") && !hints(n, "avatar") && !hints(n, "bio") &&
         !hints(n, "about") && !is_other_date(n);
}

/* The name in a byline's text t (which it frees): "By Carrie Arnold",
 * "by Jeff Foust Monday, November 18, 2019" -> "Jeff Foust"; NULL unless
 * what is left looks like a name: two to four capitalised words. */
static char *byline_name(char *t)
{
  static const char *const intros[] = {"written by ", "by ", "von ", "por ",
                                       "par ", "de ", NULL};
  static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday",
                                         "sunday", NULL};
  char *name = t;
  while (name && isspace((unsigned char)*name))
    name++;
  for (const char *const *i = intros; name && *i; i++)
    if (strncasecmp(name, *i, strlen(*i)) == 0)
      name += strlen(*i);
  /* Up to a date ("Carrie Arnold November 15, 2019"), a digit or a
   * separator. */
  size_t len = name ? strcspn(name, ",|/()\n\t0123456789") : 0;
  size_t date = name ? nx_date_locate(name, strlen(name)) : 0;
  if (date < len)
    len = date;
  static const char *const dots[] = {"\xc2\xb7", "\xe2\x80\xa2",
                                     "\xe2\x80\x94", "\xe2\x80\x93",
                                     " - ", NULL}; /* · • — – */
  for (const char *const *d = dots; len && *d; d++) {
    const char *at = strstr(name, *d);
    if (at && (size_t)(at - name) < len)
      len = (size_t)(at - name);
  }
  unsigned words = 0;
  bool ok = len > 0;
  for (size_t at = 0; ok && at < len;) {
    while (at < len && name[at] == ' ')
      at++;
    if (at == len)
      break;
    size_t w = at;
    while (w < len && name[w] != ' ')
      w++;
    bool weekday = false;
    for (const char *const *d = weekdays; *d; d++)
      weekday |=
          w - at == strlen(*d) && strncasecmp(name + at, *d, w - at) == 0;
    if (weekday) {
      len = at;
      break;
    }
    unsigned char c = (unsigned char)name[at];
    ok = (isupper(c) || c >= 0x80) && ++words <= 4;
    for (size_t k = at; ok && k < w; k++)
      ok = is_name_byte((unsigned char)name[k]);
    at = w;
  }
  char *v = NULL;
  if (ok && words >= 2) {
    while (len && name[len - 1] == ' ')
      len--;
    v = xmalloc(len + 1);
    memcpy(v, name, len);
    v[len] = '\0';
  }
  free(t);
  return v;
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
        /* A <time> that says it is the publication's, or sits in the
         * article's header, before the first of any kind. */
        bool pub = nx_dom_attr_has(n, "class", "publish") ||
                   nx_dom_attr_has(n, "pubdate", NULL) ||
                   inside(n, NX_TAG_HEADER);
        note_date(f, pub ? P_TIME_PROP : P_TIME, n, date_value(n), MARKUP);
      }
      /* itemprop on any element, and multi-valued ("datePublished
       * dateCreated"). */
      if (nx_dom_attr_has(n, "itemprop", "datepublished"))
        note_date(f, P_ITEMPROP, n, date_value(n), MARKUP);
      else if (nx_dom_attr_has(n, "itemprop", "datecreated"))
        note_date(f, P_CREATED, n, date_value(n), MARKUP);
      enum src line = lines_moot(f) ? NSRC : date_class(n);
      if (line != NSRC && f->node[line] == NULL) {
        char *v = short_text(n, 120);
        if (is_other_date_line(v)) {
          free(v);
          v = NULL;
        }
        note_date(f, line, n, v, line == V_DATE ? LOOSE : TEXT);
      }
      if (nx_dom_attr_is(n, "itemprop", "author") ||
          nx_dom_attr_is(n, "itemprop", "creator")) {
        if (f->node[A_ITEMPROP] == NULL)
          note(f, A_ITEMPROP, n, author_name(n));
        into = false;
      } else if (nx_dom_is(n, NX_TAG_A) && nx_dom_attr_is(n, "rel", "author"))
        note(f, A_REL, n, text(n));
      else if (f->node[A_CLASS] == NULL && is_byline(n))
        note(f, A_CLASS, n, byline_name(short_text(n, 100)));
    }
    if (n->type == NX_NODE_TEXT && !lines_moot(f)) {
      note_label(f, n);
      note_near_headline(f, n);
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
  f.dated = m->published != NULL;
  collect(&f, root);
  for (enum src s = T_OG; s <= T_H1 && !nx_meta_set_title(m, val(&f, s)); s++)
    ;
  for (enum src s = U_CANONICAL;
       s <= U_OG && !nx_meta_set_url(m, val(&f, s)); s++)
    ;
  for (enum src s = P_ARTICLE; s <= P_CREATED; s++)
    if (f.value[s])
      set_date(m, &f.date[s], f.value[s]);
  nx_meta_set_published(m, m->jsonld_date);
  for (enum src s = P_TIME_PROP; s <= P_TIME; s++)
    if (f.value[s])
      set_date(m, &f.date[s], f.value[s]);
  struct nx_date d;
  if (m->url && nx_date_from_url(m->url, &d))
    set_date(m, &d, m->url);
  for (enum src s = V_PUBLISH; s <= V_NEAR; s++)
    if (f.value[s])
      set_date(m, &f.date[s], f.value[s]);
  for (enum src s = A_META; s <= A_REL && m->nauthors == 0; s++)
    if (f.value[s])
      nx_meta_add_author(m, val(&f, s));
  if (m->nauthors == 0)
    for (size_t i = 0; i < m->njsonld_refs; i++)
      nx_meta_add_author(m, m->jsonld_refs[i]);
  if (m->nauthors == 0 && f.value[A_CLASS])
    nx_meta_add_author(m, val(&f, A_CLASS));
  for (enum src s = S_OG; s <= S_APP && !nx_meta_set_site(m, val(&f, s)); s++)
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
  json_object_set_new(obj, "published_raw", string_or_null(m->published_raw));
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
