/* extract.h: one document through the whole pipeline:
 * bytes -> (HTML cleaning | plain-text split) -> normalised paragraphs ->
 * boilerplate cuts -> text -> rule matches -> records -> JSON object.
 * An extractor is per-thread state over a shared ruleset. */
#ifndef NX_EXTRACT_H
#define NX_EXTRACT_H

#include "match.h"
#include "rules.h"

#include <jansson.h>

enum nx_format {
  NX_FORMAT_AUTO, /* HTML when the first bytes look like it, else text */
  NX_FORMAT_HTML,
  NX_FORMAT_TEXT
};

typedef struct nx_extractor nx_extractor; /* opaque, one per thread */

/* Options of an extractor. */
enum {
  NX_EXTRACT_FULL_TEXT = 1, /* keep all visible text: no boilerplate removal */
  NX_EXTRACT_EXPLAIN = 2,   /* keep vetoed matches as hits, for --explain */
  NX_EXTRACT_WITH_TEXT = 4  /* the document object carries its "text" */
};

/* 'max_bytes' caps a document's size (0: no cap); 'flags' are NX_EXTRACT_*
 * bits. Never NULL: out of memory aborts, as xmalloc does. */
nx_extractor *nx_extractor_new(const nx_ruleset *rs, size_t max_bytes,
                               unsigned flags);
void nx_extractor_free(nx_extractor *x); /* NULL is a no-op */

/* One document to read. */
struct nx_source {
  const char *data; /* its bytes */
  size_t len;
  enum nx_format format;
  /* The encoding its bytes are in (an iconv name): --encoding, a WARC
   * record's HTTP charset, "UTF-8" for text from JSON; NULL: unknown
   * (decode.h guesses plain text's; HTML's is the page's <meta charset>).
   * For HTML it overrides the page's declaration, as HTTP's header does. */
  const char *charset;
  const char *id;      /* names it in the output and in errors */
  json_t *meta; /* metadata from the input (dumpmeta.h) for the fields the
                   page does not state, or NULL */
};

/* Cleans the document into the text that rules see. *text (NUL-terminated,
 * valid UTF-8) and *title (NULL when none) stay valid until the next call
 * on x. Fails on binary data or a document over the size cap. */
nx_status nx_extract_text(nx_extractor *x, const struct nx_source *src,
                          const char **text, size_t *text_len,
                          const char **title, struct nx_error *err);

/* The whole pipeline: stores the document object (a new reference) in
 * *out. Rules that hit their match limit are skipped for this document;
 * nx_extract_limited names them. */
nx_status nx_extract_document(nx_extractor *x, const struct nx_source *src,
                              json_t **out, struct nx_error *err);

/* The last document's text and hits (with their drop reasons), valid
 * until the next call on x. */
const char *nx_extract_last_text(const nx_extractor *x, size_t *len);
const struct nx_hits *nx_extract_last_hits(const nx_extractor *x);

/* How many bytes of the last document (plain text) could not be decoded
 * and became U+FFFD; *encoding is the encoding it was read as. */
size_t nx_extract_replaced(const nx_extractor *x, const char **encoding);

/* How many rules hit their match limit in the last document; their names
 * are nx_extract_limited_rule(x, 0 .. n-1). */
size_t nx_extract_limited(const nx_extractor *x);
const char *nx_extract_limited_rule(const nx_extractor *x, size_t i);

#endif /* NX_EXTRACT_H */
