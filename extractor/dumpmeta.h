/* dumpmeta.h: the metadata a dump record carries beside its article
 * (JSON Lines and JSON arrays: news-please/CC-NEWS, Hugging Face's
 * cc_news, trafilatura's JSON, NewsAPI-style exports; a WARC record's
 * target URI), for the fields the page itself does not state. */
#ifndef NX_DUMPMETA_H
#define NX_DUMPMETA_H

#include "meta.h"

#include <jansson.h>

/* The usual metadata fields of a dump object, under the output's names
 * ("title", "published", "authors", "site", "url", "lang"), each the
 * value of the first of its usual spellings the object has (published:
 * "published", "date_publish", "date", "published_at", "publish_date",
 * "datePublished", "pubDate", ...). Returns a new object, or NULL when
 * the object has none of them. */
json_t *nx_dumpmeta_pick(json_t *obj);

/* Fills the fields of m that the page left empty from a picked object
 * (NULL is a no-op): the page's own metadata wins. Values are normalised
 * as the page's are (a date to ISO 8601 with the value as given in
 * published_raw; a URL only when absolute). */
void nx_dumpmeta_fill(struct nx_meta *m, json_t *picked);

#endif /* NX_DUMPMETA_H */
