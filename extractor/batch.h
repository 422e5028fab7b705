/* batch.h: run the pipeline over every document of the inputs, on N
 * worker threads, writing results in input order (or as they finish),
 * with progress, failure isolation and a clean stop on SIGINT/SIGTERM.
 *
 * The reader (the calling thread) pushes documents into a window of a few
 * slots per worker; a full window makes it wait, so memory stays bounded
 * by what the documents in flight need. Workers own an extractor each and
 * share the read-only ruleset. Only the calling thread writes output. */
#ifndef NX_BATCH_H
#define NX_BATCH_H

#include "input.h"
#include "output.h"
#include "rules.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct nx_batch_options {
  unsigned jobs;       /* worker threads; 1 processes inline */
  bool unordered;      /* write each result as soon as it is ready */
  enum nx_output_mode mode;
  const nx_output *output; /* writes the documents (not for --text and
                              --explain) */
  bool progress;       /* a progress line on stderr */
  bool progress_tty;   /* stderr is a terminal: redraw one line */
  double progress_seconds; /* between progress lines; 0: every document */
  FILE *errors;        /* --errors: one JSON line per failure, or NULL */
  uint64_t skip;       /* --skip: documents to pass over (a resume) */
  size_t max_bytes;
  unsigned extract_flags;
  enum nx_format format; /* how single documents are read */
  const char *encoding;  /* --encoding: of documents that do not say theirs */
  uint64_t total_bytes;  /* the inputs' total size for the bar, or 0 */
};

struct nx_batch_result {
  uint64_t documents; /* read, including failed and skipped ones */
  uint64_t written;   /* documents written */
  uint64_t failed;    /* documents with an error line */
  uint64_t skipped;   /* passed over by --skip */
  uint64_t not_documents; /* found but not documents (images, scripts...):
                             not read, not in 'documents' */
  uint64_t bytes;     /* input bytes read */
  double seconds;
  int signal;         /* SIGINT or SIGTERM when interrupted, else 0 */
  bool write_failed;  /* stdout could not be written */
  int write_errno;
  /* Records written per type (the i-th type of opts->output), and the
   * documents with at least one. */
  uint64_t *records;
  size_t ntypes;
  uint64_t with_records;
  /* Rules that hit a match limit, each with the number of documents it
   * was skipped on (the rule names are the ruleset's). */
  const char **limited_rules;
  uint64_t *limited_docs;
  size_t nlimited;
};

/* Frees what nx_batch_run allocated in 'result'. */
void nx_batch_result_free(struct nx_batch_result *result);

/* Processes every path (none: stdin). Fills 'result'. */
void nx_batch_run(const nx_ruleset *rs, const char *const *paths,
                  size_t npaths, const struct nx_input_options *in,
                  const struct nx_batch_options *opts,
                  struct nx_batch_result *result);

/* Installs the SIGINT/SIGTERM handlers that make a batch stop cleanly. */
void nx_batch_handle_signals(void);

#endif /* NX_BATCH_H */
