/* explain.h: --explain. For one document, every rule that matched: where
 * (span, and the text around it), the fields it produced, and for each
 * candidate that did not become a record, why: the rule's veto, an
 * overlap with an earlier rule, the type's stop list, a duplicate, or a
 * place outside the main text (boilerplate the cleaning removed). This is
 * how a rule author finds out why a record is missing. */
#ifndef NX_EXPLAIN_H
#define NX_EXPLAIN_H

#include "buf.h"
#include "extract.h"

/* Appends the account of one document to out. 'x' must have been made
 * with NX_EXTRACT_EXPLAIN; the full-text pass uses a second extractor
 * made here. Returns the extraction's status (err filled on failure). */
nx_status nx_explain_document(const nx_ruleset *rs, nx_extractor *x,
                              const struct nx_source *src, size_t max_bytes,
                              struct nx_buf *out, struct nx_error *err);

#endif /* NX_EXPLAIN_H */
