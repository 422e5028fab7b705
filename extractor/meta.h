/* meta.h: an article's metadata (headline, publication time, authors,
 * site, canonical URL, language) from a parsed page: JSON-LD first (see
 * jsonld.h), then <meta> tags (Open Graph, article:*, Dublin Core,
 * itemprop), <link rel=canonical>, <html lang> and <time datetime>. */
#ifndef NX_META_H
#define NX_META_H

#include "dom.h"
#include "nx.h"

#include <jansson.h>

/* Every string is normalised text (see text.h), owned by the struct, or
 * NULL when the page does not say. */
struct nx_meta {
  char *title;     /* the headline */
  char *published;     /* ISO 8601 (see date.h): "2019-11-19", a time in
                          UTC "2019-11-19T02:46:42Z", or a local time
                          "2019-11-19T02:46:42" when the zone is unknown */
  char *published_raw; /* the text it was read from, at most 200 bytes */
  char *jsonld_date;   /* internal: see jsonld.h; not output */
  char **jsonld_refs;  /* internal: authors JSON-LD names by "@id" only */
  size_t njsonld_refs;
  char **authors;  /* names, without duplicates */
  size_t nauthors;
  char *site; /* the publication's name */
  char *url;  /* canonical URL, absolute */
  char *lang; /* BCP 47 tag: "en", "pt-BR" */
};

void nx_meta_init(struct nx_meta *m);
void nx_meta_clear(struct nx_meta *m); /* frees the fields; m is reusable */

/* Fills the fields of m that are still NULL (authors: still none) from
 * the tags of the page's tree under 'root'. Call nx_jsonld_read first, so
 * that structured data wins. The date comes from the first of: meta tags
 * (article:published_time, article:published, pubdate, date,
 * DC.date.issued, dcterms.created, sailthru.date, parsely-pub-date, ...),
 * itemprop datePublished then dateCreated on any element (content or
 * datetime attribute, else its text), another JSON-LD object's date, a
 * <time> marked as the publication's (pubdate, class "publish", inside a
 * header), the first <time>, a date in the URL, then visible text: an
 * element whose class or id says "publish", a line starting with a label
 * ("Published", "Veröffentlicht", ...), an element whose class or id says
 * "date", "time", "byline" or "meta", a short line with a date among the
 * first 8 lines after the headline (<h1>). Navigation, footers, asides and
 * elements about updates or comments are not read. Authors come from meta
 * tags, itemprop=author, rel=author, JSON-LD Persons named by reference
 * (m->jsonld_refs), then an element whose class or id says "author" or
 * "byline" and whose text is a name ("By Carrie Arnold"). */
void nx_meta_read(struct nx_meta *m, const struct nx_node *root);

/* The following set a field only when it is still empty; each takes raw
 * text (any UTF-8, white space and all) and normalises it. They return
 * true when they set it. */
bool nx_meta_set_title(struct nx_meta *m, const char *s);
bool nx_meta_set_published(struct nx_meta *m, const char *s);
bool nx_meta_set_site(struct nx_meta *m, const char *s);
bool nx_meta_set_url(struct nx_meta *m, const char *s);
bool nx_meta_set_lang(struct nx_meta *m, const char *s);
/* Adds an author unless it is empty, a URL (also "facebook.com/jane"), a
 * site account ("admin") or already listed. */
void nx_meta_add_author(struct nx_meta *m, const char *s);

/* Normalises a date or date-time to ISO 8601 into out[0, size): accepts
 * ISO forms ("2019-11-19T02:46:42.471Z", "2019-11-19 02:46:42+0000"),
 * "November 19, 2019" and "19 Nov 2019". Returns false (out empty) for
 * anything else. Exposed for tests. */
bool nx_meta_iso_date(const char *s, char *out, size_t size);

/* Sets "title", "published", "authors", "site", "url" and "lang" in obj
 * (null or [] when unknown). */
void nx_meta_to_json(const struct nx_meta *m, json_t *obj);

#endif /* NX_META_H */
