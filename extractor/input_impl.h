/* input_impl.h: what the input readers (input.c, input_dir.c,
 * input_jsonl.c, input_warc.c) share. */
#ifndef NX_INPUT_IMPL_H
#define NX_INPUT_IMPL_H

#include "input.h"
#include "stream.h"

#include <sys/stat.h>

/* One walk over the inputs: the options and where documents go. */
struct nx_reader {
  const struct nx_input_options *opts;
  nx_doc_sink *sink;
  void *ctx;
  bool stopped; /* the sink asked to stop */
};

/* Hands a document to the sink (which takes it). False once stopped. */
bool nx_reader_emit(struct nx_reader *r, struct nx_doc *doc);

/* Emits a failed document "source: message". False once stopped. */
bool nx_reader_fail(struct nx_reader *r, const char *source, nx_status st,
                    const char *fmt, ...) NX_PRINTF(4, 5);

/* Emits a document that is not read: 'what' it is (a static string) was
 * found in a directory or an archive, or 'output' (NULL: none) writes to
 * it. False once stopped. */
bool nx_reader_skip(struct nx_reader *r, const char *source, const char *what,
                    const char *output);

/* Readers of one stream: every line or record becomes a document whose id
 * defaults to "name:LINE" or the record's URI. */
bool nx_read_jsonl(struct nx_reader *r, struct nx_stream *s,
                   const char *name);

/* Reads a JSON array of article objects (read whole: an export, not a
 * stream), one document per object, its fields read as a JSON Lines
 * line's; ids default to NAME[INDEX]. */
bool nx_read_json_array(struct nx_reader *r, struct nx_stream *s,
                        const char *name);
bool nx_read_warc(struct nx_reader *r, struct nx_stream *s,
                  const char *name);

/* Calls fn on every regular file below 'dir' that the --include and
 * --exclude globs let through, in name order; hidden names are skipped.
 * Unreadable entries are reported to r (NULL: ignored). Returns false once
 * fn or r asked to stop. */
typedef bool nx_walk_fn(void *ctx, const char *path, const struct stat *sb);
bool nx_walk_dir(const char *dir, const struct nx_input_options *o,
                 nx_walk_fn *fn, void *ctx, struct nx_reader *r);

/* True when an archive entry at 'path' passes the --include and
 * --exclude globs as a file at that path below a walked directory would
 * (an excluded directory on its path excludes it too). */
bool nx_input_entry_wanted(const struct nx_input_options *o,
                           const char *path);

#endif /* NX_INPUT_IMPL_H */
