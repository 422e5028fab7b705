/* output.h: how one processed document is written: a JSON line, one JSON
 * line per record, a CSV row per record, or the cleaned text.
 *
 * An nx_output is made once from the ruleset and the options (it checks
 * --types and works out the CSV columns) and is then read-only, so worker
 * threads share it. */
#ifndef NX_OUTPUT_H
#define NX_OUTPUT_H

#include "buf.h"
#include "rules.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

enum nx_output_mode {
  NX_OUTPUT_DOCUMENTS, /* one JSON object per document (the default) */
  NX_OUTPUT_RECORDS,   /* --records: one JSON object per record */
  NX_OUTPUT_CSV,       /* --format csv: one row per record */
  NX_OUTPUT_TEXT,      /* --text: the cleaned text */
  NX_OUTPUT_EXPLAIN    /* --explain: every match and why it was kept */
};

struct nx_output_options {
  enum nx_output_mode mode;
  bool pretty;
  const char *const *types; /* --types: the record types to write; none:
                               every type the rules write */
  size_t ntypes;
  const char *const *keep;  /* --keep: each becomes a CSV column */
  size_t nkeep;
  const char *rules_hash;   /* --provenance: nx_ruleset_hash's, else NULL */
};

typedef struct nx_output nx_output; /* opaque */

/* Makes the writer. Fails (NX_ESYNTAX, err naming the type and listing
 * the known ones) when --types names a type the rules do not write. */
nx_status nx_output_new(const nx_ruleset *rs, const struct nx_output_options *o,
                        nx_output **out, struct nx_error *err);
void nx_output_free(nx_output *w); /* NULL is a no-op */

/* The mode it writes. */
enum nx_output_mode nx_output_mode(const nx_output *w);

/* What comes before the first document: the CSV header line, else
 * nothing. */
void nx_output_header(const nx_output *w, struct nx_buf *out);

/* The record types written, in output order: the name of the i-th, or
 * NULL past the last. */
const char *nx_output_type(const nx_output *w, size_t i);

/* A record type's field with the name of a document field that record
 * lines and CSV rows carry ("url", "title", ...), which the record's
 * value hides there: a message naming both, or NULL when none clashes. */
const char *nx_output_clash(const nx_output *w);

/* Appends the output of one document object (which it may change) to
 * out, and adds the number of records written of each type to
 * counts[i] (i as for nx_output_type). A record is an element of an
 * array named for a written type: other arrays of the object
 * ("authors") are not records. */
void nx_output_document(const nx_output *w, json_t *doc, struct nx_buf *out,
                        uint64_t *counts);

#endif /* NX_OUTPUT_H */
