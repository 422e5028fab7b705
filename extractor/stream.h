/* stream.h: a buffered byte stream with line and exact reads, over any
 * source that can fill a buffer (an archive entry, a decompressed file,
 * memory in tests). The JSON Lines and WARC readers parse from it. */
#ifndef NX_STREAM_H
#define NX_STREAM_H

#include "buf.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Fills dst with up to cap bytes: the count, 0 at the end, or -1 on an
 * error (with a message in msg). */
typedef ssize_t nx_stream_fill(void *source, char *dst, size_t cap,
                               char *msg, size_t msgsize);

struct nx_stream {
  nx_stream_fill *fill;
  void *source;
  char *buf;
  size_t start, end, cap; /* buffered bytes are buf[start, end) */
  uint64_t offset;        /* stream offset of buf[start] */
  bool eof;
  bool failed;
  char error[256]; /* the source's message when failed */
};

void nx_stream_init(struct nx_stream *s, nx_stream_fill *fill, void *source);
void nx_stream_free(struct nx_stream *s);

/* Makes at least n bytes visible (fewer at the end of the stream) and
 * returns a pointer to them; *avail gets how many there are. */
const char *nx_stream_peek(struct nx_stream *s, size_t n, size_t *avail);

/* Reads one line without its "\n" (or "\r\n") into line (cleared first).
 * Returns false at the end of the stream. A line longer than 'max' bytes
 * (0: no limit) is consumed but not kept; *too_long says so. */
bool nx_stream_line(struct nx_stream *s, struct nx_buf *line, size_t max,
                    bool *too_long);

/* Reads exactly n bytes into out (NULL: skip them). Returns how many were
 * read: fewer than n only at the end of the stream or on a failure. */
size_t nx_stream_read(struct nx_stream *s, size_t n, struct nx_buf *out);

/* Consumes the buffered bytes (refilling first when there are none) and
 * returns them; *len gets how many, 0 at the end or on a failure. They stay
 * valid until the next call on s: a libarchive read callback's contract. */
const char *nx_stream_take(struct nx_stream *s, size_t *len);

#endif /* NX_STREAM_H */
