/* input.h: every kind of input, turned into a sequence of documents.
 *
 * A path may be a file, a directory (walked recursively in name order), a
 * gzip/bzip2/xz/zstd-compressed file, a tar/zip/7z/cpio archive, a JSON
 * Lines dump or a WARC file; "-" is standard input. What each stream is,
 * and what each archive entry or decompressed stream inside it is, comes
 * from nx_input_classify (input_kind.h). Readers push documents, in input
 * order, to a callback; an input that cannot be read becomes a failed
 * document carrying its error, so that it is reported in order and nothing
 * after it is lost. */
#ifndef NX_INPUT_H
#define NX_INPUT_H

#include "extract.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum nx_input_kind {
  NX_INPUT_AUTO,
  NX_INPUT_HTML,  /* one document, read as HTML */
  NX_INPUT_TEXT,  /* one document, read as plain text */
  NX_INPUT_JSONL, /* one document per line */
  NX_INPUT_WARC   /* one document per response/resource record */
};

struct nx_doc {
  char *id;             /* the path, "archive!entry", a URL or a JSON id */
  char *data;           /* the document's bytes (NUL-terminated) */
  size_t len;
  enum nx_format format;
  char *charset;        /* from an HTTP header, "UTF-8" from JSON, or NULL */
  json_t *extra;        /* fields to add to the output object ("kept",
                           "warc_*"), or NULL */
  json_t *meta;         /* metadata the input carried (dumpmeta.h), for
                           what the page does not say, or NULL */
  bool failed;          /* the input could not be read: see err */
  /* Not a document and not read: what it is ("image", "script"), or NULL.
   * Found in a directory or archive, it is counted, never extracted. */
  const char *skipped;
  const char *output;   /* skipped: a file this run writes to, and what
                           writes it ("standard output", "--errors") */
  struct nx_error err;
};

void nx_doc_free(struct nx_doc *doc); /* frees the members, not doc */

#define NX_MAX_OUTPUTS 2

struct nx_output_file {
  const char *what; /* "standard output", "--errors" (static) */
  dev_t dev;
  ino_t ino;
};

struct nx_input_options {
  enum nx_input_kind kind;
  size_t max_bytes;         /* larger documents become failed documents */
  const char *const *text_fields; /* JSON Lines: the document field(s) */
  size_t ntext_fields;
  const char *const *id_fields;   /* JSON Lines: the id field(s) */
  size_t nid_fields;
  const char *const *keep;  /* JSON Lines: fields copied to the output */
  size_t nkeep;
  const char *const *include; /* directories and archive entries: globs */
  size_t ninclude;            /* a name must match */
  const char *const *exclude; /* ... and globs it must not match */
  size_t nexclude;
  /* The files this run writes to (standard output, --errors), which are
   * never read back (ripgrep does the same for standard output). */
  struct nx_output_file outputs[NX_MAX_OUTPUTS];
  size_t noutputs;
};

/* Receives one document (and owns it). Returns false to stop reading. */
typedef bool nx_doc_sink(void *ctx, struct nx_doc *doc);

/* Reads every document of 'path' into 'sink'. Returns false when the sink
 * asked to stop. */
bool nx_input_each(const char *path, const struct nx_input_options *opts,
                   nx_doc_sink *sink, void *ctx);

/* The same for a file held in memory (tests and fuzzing). */
bool nx_input_each_memory(const char *name, const void *p, size_t len,
                          const struct nx_input_options *opts,
                          nx_doc_sink *sink, void *ctx);

/* The bytes read so far from files (compressed size), for progress. */
uint64_t nx_input_bytes_read(void);

/* The total size of the regular files among 'paths' (directories walked
 * with the same filters), or 0 when unknown (stdin). */
uint64_t nx_input_total_bytes(const char *const *paths, size_t npaths,
                              const struct nx_input_options *opts);

#endif /* NX_INPUT_H */
