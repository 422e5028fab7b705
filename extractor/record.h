/* record.h: turn one document's hits into its output object.
 *
 * Hits become records of their rule's type; each type's [type] section
 * then finishes them: overlapping and stop-listed records are dropped,
 * missing fields are inherited from context (the broker a paragraph
 * names, the company a sentence is about), company names are linked to
 * the tickers the article gave them, duplicates are merged, and tickers
 * are aggregated with a mention count. */
#ifndef NX_RECORD_H
#define NX_RECORD_H

#include "match.h"
#include "rules.h"
#include "textmap.h"

#include <jansson.h>

/* The text a document's records quote and their spans index: the page's
 * characters, and the map from the matched text's offsets to it. */
struct nx_page_text {
  const char *text;
  const struct nx_textmap *map;
};

/* Builds the document object:
 *   {"id":…, "title":…, TYPE: [record, …] for every type of the ruleset}
 * 'text' is the document text the hits index; each record's span and
 * quoted text are those of 'page' (NULL: of 'text'). The hits are finished in
 * place: inherited and linked fields filled in, and every hit that did not
 * become a record marked with its reason (for --explain). Returns a new
 * reference. */
json_t *nx_record_document(const nx_ruleset *rs, const char *id,
                           const char *title, const char *text, size_t len,
                           struct nx_hits *hits,
                           const struct nx_page_text *page);

/* Fills 'out' with the finished records of hits for one type only, as the
 * rule examples see them (exclusion applied, no document context). */
json_t *nx_record_bare(const nx_ruleset *rs, const struct nx_hit *hit,
                       const char *text);

#endif /* NX_RECORD_H */
