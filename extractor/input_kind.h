/* input_kind.h: the one place that decides what an input stream is. Every
 * stream (a file, standard input, an archive entry, what a compressed
 * stream holds) is classified here from its name and its first bytes, so
 * that nested inputs (a tar of .warc.gz files, a .jsonl.gz) are read the
 * same way at every depth. The README's input table is this module's
 * table (nx_input_kinds_markdown; tests/cli/input-kinds.sh compares). */
#ifndef NX_INPUT_KIND_H
#define NX_INPUT_KIND_H

#include "input.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* How many first bytes nx_input_classify wants to see (a tar header). */
#define NX_INPUT_HEAD 512

enum nx_stream_kind {
  NX_KIND_DOCUMENT, /* one article; HTML or text is told from its content */
  NX_KIND_JSONL,    /* one article per line */
  NX_KIND_JSON_ARRAY, /* a JSON array of article objects (an export) */
  NX_KIND_WARC,     /* one article per response or resource record */
  NX_KIND_NOT_DOCUMENT, /* found in a directory or archive: an image, a
                           script, a font... skipped, never read */
  NX_KIND_GZIP,     /* compressed: one stream inside, classified again */
  NX_KIND_BZIP2,
  NX_KIND_XZ,
  NX_KIND_ZSTD,
  NX_KIND_TAR, /* archives: every regular entry, classified again */
  NX_KIND_ZIP,
  NX_KIND_7ZIP,
  NX_KIND_CPIO
};

struct nx_input_class {
  enum nx_stream_kind kind;
  enum nx_format format; /* NX_KIND_DOCUMENT: forced by --input-format */
  size_t skip;           /* bytes to drop first: a UTF-8 BOM before a dump */
  const char *what;      /* NX_KIND_NOT_DOCUMENT: "an image", "a script" */
};

/* Classifies a stream called 'name' (the last part of its path, an entry's
 * path, or the name less its compression suffix) whose first bytes are
 * head[0, len) (all of them when the stream is shorter than
 * NX_INPUT_HEAD). Compression and archives are known by their bytes alone.
 * A stream 'found' in a directory or an archive (not named by the user)
 * that is not a document (an image, a font, a script, binary data: by its
 * bytes, then its name) is NX_KIND_NOT_DOCUMENT. Then 'forced'
 * (--input-format) decides, then the name (.warc, .jsonl, .ndjson), then
 * the bytes. */
struct nx_input_class nx_input_classify(const char *name, const void *head,
                                        size_t len, enum nx_input_kind forced,
                                        bool found);

/* True when p[0, len) is binary data (an image, an executable), not text:
 * control bytes in more than a tenth of its first 4 KiB. A UTF-16 byte
 * order mark says text. */
bool nx_input_looks_binary(const void *p, size_t len);

/* True when head[0, len), fewer than NX_INPUT_HEAD bytes of a stream that
 * may not have sent more yet, already decides its kind: a compression or
 * archive magic other than tar's (at offset 257), a JSON object's start or
 * "WARC/". Then a reader need not wait for NX_INPUT_HEAD bytes: a line
 * piped in while the writer keeps the pipe open is read at once. */
bool nx_input_head_decides(const void *head, size_t len);

static inline bool nx_kind_is_compressed(enum nx_stream_kind k)
{
  return k >= NX_KIND_GZIP && k <= NX_KIND_ZSTD;
}

static inline bool nx_kind_is_archive(enum nx_stream_kind k)
{
  return k >= NX_KIND_TAR;
}

/* The kind's name in messages: "gzip", "tar", "JSON Lines"... */
const char *nx_kind_label(enum nx_stream_kind k);

/* What a compressed stream called 'name' holds is called: the name less
 * its compression suffix ("a.jsonl.gz" -> "a.jsonl", "a.tgz" -> "a.tar").
 * Returns a new string; the caller frees it. */
char *nx_input_inner_name(const char *name, enum nx_stream_kind k);

/* Writes the table of kinds as Markdown (the README's input table). */
void nx_input_kinds_markdown(FILE *out);

#endif /* NX_INPUT_KIND_H */
