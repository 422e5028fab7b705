/* input_warc.c: WARC files (ISO 28500), plain or gzip-per-record as
 * Common Crawl writes them (libarchive's gzip filter undoes every member).
 *
 * libarchive's own WARC format reader is not used: Debian's 3.6.2 lists
 * nothing for a file that starts with a warcinfo record. The record layer
 * is simple enough to read here: a "WARC/1.x" line, headers, a blank line,
 * Content-Length bytes of block, two CRLFs. response records carry an HTTP
 * message (status line, headers, body), whose body may be chunked or
 * gzip/deflate encoded; zlib undoes the latter. */
#include "input_impl.h"

#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

struct warc_record {
  char type[32];
  char *uri;
  char *date;
  char *id; /* WARC-Record-ID */
  char content_type[128];
  long long length; /* -1 when missing */
};

/* The value after "Name:" when line is that header, else NULL. */
static const char *header_value(const char *line, const char *name)
{
  size_t n = strlen(name);
  if (strncasecmp(line, name, n) != 0 || line[n] != ':')
    return NULL;
  const char *v = line + n + 1;
  while (*v == ' ' || *v == '\t')
    v++;
  return v;
}

static void copy_value(char *dst, size_t size, const char *v)
{
  snprintf(dst, size, "%s", v);
}

/* The charset parameter of a Content-Type value, as a new string. */
static char *charset_of(const char *content_type)
{
  const char *p = content_type;
  while ((p = strchr(p, ';')) != NULL) {
    p++;
    while (*p == ' ')
      p++;
    if (strncasecmp(p, "charset=", 8) == 0) {
      p += 8;
      if (*p == '"')
        p++;
      size_t n = strcspn(p, "\"; ");
      return n ? xstrndup(p, n) : NULL;
    }
  }
  return NULL;
}

static bool is_article_type(const char *ct)
{
  return ct[0] == '\0' || strncasecmp(ct, "text/html", 9) == 0 ||
         strncasecmp(ct, "application/xhtml", 17) == 0 ||
         strncasecmp(ct, "text/plain", 10) == 0;
}

/* Undoes chunked transfer coding in place; false when it is malformed. */
static bool dechunk(struct nx_buf *body, size_t from)
{
  char *p = body->data + from, *end = body->data + body->len;
  char *out = p;
  for (;;) {
    char *stop;
    unsigned long size = strtoul(p, &stop, 16);
    if (stop == p)
      return false;
    char *nl = memchr(stop, '\n', (size_t)(end - stop));
    if (nl == NULL)
      return false;
    p = nl + 1;
    if (size == 0)
      break;
    if (size > (size_t)(end - p))
      size = (size_t)(end - p); /* truncated: keep what is there */
    memmove(out, p, size);
    out += size;
    p += size;
    if (p < end && *p == '\r')
      p++;
    if (p < end && *p == '\n')
      p++;
    if (p >= end)
      break;
  }
  body->len = (size_t)(out - body->data);
  body->data[body->len] = '\0';
  return true;
}

/* Inflates gzip or zlib data (windowBits 15 + 32 detects either):
 * NX_ETOOBIG past 'max' bytes (0: no limit), NX_ESYNTAX when damaged. */
static nx_status inflate_body(const char *in, size_t len, size_t max,
                              struct nx_buf *out)
{
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, 15 + 32) != Z_OK)
    return NX_ESYNTAX;
  z.next_in = (Bytef *)in;
  z.avail_in = (uInt)len;
  char chunk[65536];
  int rc;
  nx_status st = NX_OK;
  do {
    z.next_out = (Bytef *)chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END)
      break;
    nx_buf_add(out, chunk, sizeof chunk - z.avail_out);
    if (max && out->len > max) {
      st = NX_ETOOBIG;
      break;
    }
  } while (rc != Z_STREAM_END && z.avail_in > 0);
  inflateEnd(&z);
  if (st == NX_OK && rc != Z_STREAM_END && !(rc == Z_OK && z.avail_in == 0))
    st = NX_ESYNTAX;
  return st;
}

/* Splits an HTTP response block into headers and body; fills the body's
 * charset and whether it is an article. Returns the body, or NULL with
 * *why and *st set. */
static char *http_body(struct nx_buf *block, size_t max, char **charset,
                       bool *article, size_t *len, const char **why,
                       nx_status *st)
{
  *st = NX_ESYNTAX;
  char *sep = strstr(block->data, "\r\n\r\n");
  size_t skip = 4;
  if (sep == NULL) {
    sep = strstr(block->data, "\n\n");
    skip = 2;
  }
  if (sep == NULL) {
    *why = "HTTP headers without an end";
    return NULL;
  }
  *sep = '\0';
  bool chunked = false, gzipped = false;
  *article = true;
  for (char *line = block->data; line;) {
    char *next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r')
      line[n - 1] = '\0';
    const char *v;
    if ((v = header_value(line, "Content-Type"))) {
      *article = is_article_type(v);
      free(*charset);
      *charset = charset_of(v);
    } else if ((v = header_value(line, "Transfer-Encoding"))) {
      chunked = strstr(v, "chunked") != NULL;
    } else if ((v = header_value(line, "Content-Encoding"))) {
      gzipped = strstr(v, "gzip") || strstr(v, "deflate");
    }
    line = next;
  }
  size_t from = (size_t)(sep - block->data) + skip;
  if (chunked && !dechunk(block, from)) {
    *why = "malformed chunked HTTP body";
    return NULL;
  }
  if (gzipped) {
    struct nx_buf plain;
    nx_buf_init(&plain, 0);
    *st = inflate_body(block->data + from, block->len - from, max, &plain);
    if (*st != NX_OK) {
      nx_buf_free(&plain);
      *why = "cannot inflate the gzip HTTP body";
      return NULL;
    }
    return nx_buf_detach(&plain, len);
  }
  *len = block->len - from;
  return xstrndup(block->data + from, *len);
}

static void clear_record(struct warc_record *rec)
{
  free(rec->uri);
  free(rec->date);
  free(rec->id);
  memset(rec, 0, sizeof *rec);
  rec->length = -1;
}

/* Turns one record's block into a document, when it holds an article. */
static bool emit_record(struct nx_reader *r, struct warc_record *rec,
                        struct nx_buf *block, const char *name,
                        const char *where)
{
  bool response = strcmp(rec->type, "response") == 0;
  bool resource = strcmp(rec->type, "resource") == 0;
  if (!response && !resource)
    return true; /* warcinfo, request, metadata, revisit, conversion */
  /* Crawlers store their own logs as resources (wget: metadata://). */
  if (rec->uri && (strncmp(rec->uri, "metadata:", 9) == 0 ||
                   strncmp(rec->uri, "dns:", 4) == 0))
    return true;
  char *charset = NULL, *body;
  size_t len;
  bool article = true;
  if (response && strncasecmp(rec->content_type, "application/http", 16) == 0) {
    const char *why = NULL;
    nx_status st;
    body = http_body(block, r->opts->max_bytes, &charset, &article, &len, &why,
                     &st);
    if (body == NULL) {
      free(charset);
      /* Under the URI, as an over-limit plain body is (issue 13). */
      if (st == NX_ETOOBIG)
        return nx_reader_fail(r, rec->uri ? rec->uri : where, st,
                              "gzip HTTP body is over the limit of %zu "
                              "bytes once inflated",
                              r->opts->max_bytes);
      return nx_reader_fail(r, where, st, "%s", why);
    }
  } else {
    article = is_article_type(rec->content_type);
    charset = charset_of(rec->content_type);
    body = nx_buf_detach(block, &len);
  }
  if (!article) {
    free(body);
    free(charset);
    return true;
  }
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = xstrdup(rec->uri ? rec->uri : where);
  doc.data = body;
  doc.len = len;
  doc.charset = charset;
  doc.format = NX_FORMAT_AUTO;
  /* The id stays the target URI; a re-crawl of the same URI is told
   * apart by its record id, which WARC makes globally unique. */
  doc.extra = json_object();
  if (rec->date)
    json_object_set_new(doc.extra, "warc_date", json_string(rec->date));
  json_object_set_new(doc.extra, "warc_file", nx_utf8_json(name));
  if (rec->id)
    json_object_set_new(doc.extra, "warc_record_id", json_string(rec->id));
  if (rec->uri) {
    doc.meta = json_object();
    json_object_set_new(doc.meta, "url", json_string(rec->uri));
  }
  return nx_reader_emit(r, &doc);
}

/* Reads lines up to the next record header ("WARC/1.x"), which is left in
 * 'line' with its offset in *at. False at the end of the stream. */
static bool next_header(struct nx_stream *s, struct nx_buf *line, uint64_t *at,
                        uint64_t *skipped)
{
  bool too_long;
  for (;;) {
    *at = s->offset;
    if (!nx_stream_line(s, line, 65536, &too_long))
      return false;
    if (!too_long && strncmp(line->data, "WARC/", 5) == 0)
      return true;
    ++*skipped;
  }
}

bool nx_read_warc(struct nx_reader *r, struct nx_stream *s, const char *name)
{
  struct nx_buf line, block;
  nx_buf_init(&line, 0);
  nx_buf_init(&block, 0);
  struct warc_record rec = {0};
  clear_record(&rec);
  bool too_long, go_on = true;
  bool pending = false; /* 'line' holds a header found by a resync */
  uint64_t at = 0;
  char where[4096];
  while (go_on) {
    bool got;
    if (!pending) {
      /* Records are separated by blank lines. */
      at = s->offset;
      while ((got = nx_stream_line(s, &line, 65536, &too_long)) &&
             line.len == 0 && !too_long)
        at = s->offset;
      if (!got)
        break;
    }
    pending = false;
    snprintf(where, sizeof where, "%s@%llu", name, (unsigned long long)at);
    if (too_long || strncmp(line.data, "WARC/", 5) != 0) {
      /* A record longer than its Content-Length said: skip to the next
       * record header, so that one bad record costs only itself. */
      uint64_t skipped = 1;
      got = next_header(s, &line, &at, &skipped);
      go_on = nx_reader_fail(r, where, NX_ESYNTAX,
                             "not a WARC record header; skipped %llu lines "
                             "to %s",
                             (unsigned long long)skipped,
                             got ? "the next record" : "the end of the file");
      if (!got || !go_on)
        break;
      snprintf(where, sizeof where, "%s@%llu", name, (unsigned long long)at);
    }
    clear_record(&rec);
    bool damaged = false;
    while (nx_stream_line(s, &line, 65536, &too_long) &&
           (line.len || too_long)) {
      const char *v;
      if (too_long)
        damaged = true;
      else if ((v = header_value(line.data, "WARC-Type")))
        copy_value(rec.type, sizeof rec.type, v);
      else if ((v = header_value(line.data, "WARC-Target-URI"))) {
        /* WARC 1.0 allows the URI in angle brackets */
        if (v[0] == '<')
          v++;
        free(rec.uri);
        rec.uri = nx_utf8_escape(v, strcspn(v, ">"));
      } else if ((v = header_value(line.data, "WARC-Date"))) {
        free(rec.date);
        rec.date = nx_utf8_escape(v, strlen(v));
      } else if ((v = header_value(line.data, "WARC-Record-ID"))) {
        free(rec.id);
        rec.id = nx_utf8_escape(v, strlen(v));
      }
      else if ((v = header_value(line.data, "Content-Type")))
        copy_value(rec.content_type, sizeof rec.content_type, v);
      else if ((v = header_value(line.data, "Content-Length")))
        rec.length = strtoll(v, NULL, 10);
    }
    if (damaged || rec.length < 0) {
      /* Without a length the block's end is unknown: go on at the next
       * record header, as after a record that overran its length. */
      uint64_t skipped = 0;
      got = next_header(s, &line, &at, &skipped);
      go_on = nx_reader_fail(r, where, NX_ESYNTAX,
                             "WARC record %s; skipped to %s",
                             damaged ? "with a header line over 64 KiB"
                                     : "without a Content-Length",
                             got ? "the next record" : "the end of the file");
      pending = got;
      if (!got)
        break;
      continue;
    }
    bool wanted = strcmp(rec.type, "response") == 0 ||
                  strcmp(rec.type, "resource") == 0;
    size_t max = r->opts->max_bytes;
    bool too_big = max && (unsigned long long)rec.length > max;
    nx_buf_clear(&block);
    size_t got_len = nx_stream_read(s, (size_t)rec.length,
                                    wanted && !too_big ? &block : NULL);
    if (got_len < (size_t)rec.length) {
      go_on = nx_reader_fail(r, where, NX_EIO,
                             "truncated WARC record (%zu of %lld bytes)%s%s",
                             got_len, rec.length, s->failed ? ": " : "",
                             s->failed ? s->error : "");
      break;
    }
    if (wanted && too_big)
      go_on = nx_reader_fail(r, rec.uri ? rec.uri : where, NX_ETOOBIG,
                             "record of %lld bytes is over the limit of %zu "
                             "bytes",
                             rec.length, max);
    else if (wanted) {
      nx_buf_add(&block, "", 0);
      go_on = emit_record(r, &rec, &block, name, where);
    }
  }
  if (go_on && s->failed)
    go_on = nx_reader_fail(r, name, NX_EIO, "%s", s->error);
  clear_record(&rec);
  nx_buf_free(&line);
  nx_buf_free(&block);
  return go_on;
}
