/* stream.c: see stream.h. */
#include "stream.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

void nx_stream_init(struct nx_stream *s, nx_stream_fill *fill, void *source)
{
  memset(s, 0, sizeof *s);
  s->fill = fill;
  s->source = source;
}

void nx_stream_free(struct nx_stream *s)
{
  free(s->buf);
  s->buf = NULL;
}

/* Appends one chunk from the source; false at the end or on failure. */
static bool refill(struct nx_stream *s)
{
  if (s->eof || s->failed)
    return false;
  if (s->start > 0 && s->start == s->end) {
    s->start = s->end = 0;
  } else if (s->start > s->cap / 2) {
    memmove(s->buf, s->buf + s->start, s->end - s->start);
    s->end -= s->start;
    s->start = 0;
  }
  if (s->cap - s->end < CHUNK) {
    s->cap = s->end + CHUNK;
    s->buf = xrealloc(s->buf, s->cap);
  }
  ssize_t n = s->fill(s->source, s->buf + s->end, s->cap - s->end, s->error,
                      sizeof s->error);
  if (n < 0) {
    s->failed = true;
    return false;
  }
  if (n == 0) {
    s->eof = true;
    return false;
  }
  s->end += (size_t)n;
  return true;
}

static void consume(struct nx_stream *s, size_t n)
{
  s->start += n;
  s->offset += n;
}

const char *nx_stream_peek(struct nx_stream *s, size_t n, size_t *avail)
{
  while (s->end - s->start < n && refill(s))
    ;
  *avail = s->end - s->start;
  return s->buf ? s->buf + s->start : "";
}

bool nx_stream_line(struct nx_stream *s, struct nx_buf *line, size_t max,
                    bool *too_long)
{
  nx_buf_clear(line);
  *too_long = false;
  bool any = false;
  for (;;) {
    if (s->start == s->end && !refill(s))
      break;
    any = true;
    char *p = s->buf + s->start;
    size_t n = s->end - s->start;
    char *nl = memchr(p, '\n', n);
    size_t take = nl ? (size_t)(nl - p) : n;
    if (!*too_long && (max == 0 || line->len + take <= max))
      nx_buf_add(line, p, take);
    else {
      *too_long = true;
      nx_buf_clear(line);
    }
    consume(s, take + (nl ? 1 : 0));
    if (nl)
      break;
  }
  if (line->len && line->data[line->len - 1] == '\r')
    line->data[--line->len] = '\0';
  if (line->data == NULL)
    nx_buf_add(line, "", 0);
  return any;
}

size_t nx_stream_read(struct nx_stream *s, size_t n, struct nx_buf *out)
{
  size_t done = 0;
  while (done < n) {
    if (s->start == s->end && !refill(s))
      break;
    size_t take = s->end - s->start;
    if (take > n - done)
      take = n - done;
    if (out)
      nx_buf_add(out, s->buf + s->start, take);
    consume(s, take);
    done += take;
  }
  return done;
}

const char *nx_stream_take(struct nx_stream *s, size_t *len)
{
  if (s->start == s->end && !refill(s)) {
    *len = 0;
    return "";
  }
  const char *p = s->buf + s->start;
  *len = s->end - s->start;
  consume(s, *len);
  return p;
}
