/* output.h: how one processed document is written: a JSON line, one JSON
 * line per record, a CSV row per record, or the cleaned text. */
#ifndef NX_OUTPUT_H
#define NX_OUTPUT_H

#include "buf.h"
#include "rules.h"

#include <jansson.h>
#include <stdbool.h>

enum nx_output_mode {
  NX_OUTPUT_DOCUMENTS, /* one JSON object per document (the default) */
  NX_OUTPUT_RECORDS,   /* --records: one JSON object per record */
  NX_OUTPUT_CSV,       /* --format csv: one row per record */
  NX_OUTPUT_TEXT,      /* --text: the cleaned text */
  NX_OUTPUT_EXPLAIN    /* --explain: every match and why it was kept */
};

/* The CSV header line (with its newline), for NX_OUTPUT_CSV. */
const char *nx_output_csv_header(void);

/* Appends the output of one document object to out. A record is an
 * element of an array named for one of rs's record types: other arrays
 * of the object ("authors", --keep fields) are not records. */
void nx_output_document(const nx_ruleset *rs, json_t *doc,
                        enum nx_output_mode mode, bool pretty,
                        struct nx_buf *out);

#endif /* NX_OUTPUT_H */
