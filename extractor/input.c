/* input.c: see input.h. Every input is a stream of bytes (a file,
 * standard input, an archive entry, what a compressed stream holds) that
 * nx_input_classify (input_kind.c) names from its name and first bytes.
 * Compressed streams and archives are opened with libarchive, told the
 * filter or format that classification found, and what they hold is
 * classified again: so a tar of .warc.gz files, a .jsonl.gz and a gzip of
 * a tar all give their documents. */
#include "input_impl.h"

#include "input_kind.h"
#include "utf8.h"
#include "xalloc.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static _Atomic uint64_t bytes_read;

uint64_t nx_input_bytes_read(void)
{
  return atomic_load(&bytes_read);
}

void nx_doc_free(struct nx_doc *doc)
{
  free(doc->id);
  free(doc->data);
  free(doc->charset);
  json_decref(doc->extra);
  json_decref(doc->meta);
  memset(doc, 0, sizeof *doc);
}

bool nx_reader_emit(struct nx_reader *r, struct nx_doc *doc)
{
  if (r->stopped) {
    nx_doc_free(doc);
    return false;
  }
  if (!r->sink(r->ctx, doc))
    r->stopped = true;
  return !r->stopped;
}

bool nx_reader_fail(struct nx_reader *r, const char *source, nx_status st,
                    const char *fmt, ...)
{
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = xstrdup(source);
  doc.failed = true;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  nx_fail(&doc.err, st, source, 0, 0, "%s", msg);
  return nx_reader_emit(r, &doc);
}

bool nx_reader_skip(struct nx_reader *r, const char *source, const char *what,
                    const char *output)
{
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = xstrdup(source);
  doc.skipped = what;
  doc.output = output;
  return nx_reader_emit(r, &doc);
}

/* Layers of archives and compression one input may nest: each costs a
 * libarchive reader and a buffer. */
#define MAX_DEPTH 8

/* One stream and what reading it needs to know. */
struct origin {
  const char *id;   /* in ids and messages: valid UTF-8 */
  const char *name; /* what is classified: a path, an entry, "x.jsonl" */
  int64_t size;     /* bytes, or -1 when unknown */
  int fd;           /* >= 0: the stream is this regular file, from byte 0 */
  const void *mem;  /* or this memory */
  size_t mem_len;
  const uint64_t *counted; /* bytes of it bytes_read has counted, or NULL */
  unsigned depth;
  bool found; /* in a directory or an archive, not named by the user */
};

/* ---- sources of streams ------------------------------------------------ */

struct fd_source {
  int fd;
  uint64_t counted;
};

static ssize_t fill_from_fd(void *source, char *dst, size_t cap, char *msg,
                            size_t msgsize)
{
  struct fd_source *src = source;
  ssize_t n;
  do
    n = read(src->fd, dst, cap);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    snprintf(msg, msgsize, "%s", strerror(errno));
    return -1;
  }
  atomic_fetch_add(&bytes_read, (uint64_t)n);
  src->counted += (uint64_t)n;
  return n;
}

struct mem_source {
  const char *p;
  size_t len;
  uint64_t counted; /* how far it has been read */
};

static ssize_t fill_from_mem(void *source, char *dst, size_t cap, char *msg,
                             size_t msgsize)
{
  (void)msg;
  (void)msgsize;
  struct mem_source *src = source;
  size_t n = src->len - (size_t)src->counted;
  if (n > cap)
    n = cap;
  memcpy(dst, src->p + src->counted, n);
  atomic_fetch_add(&bytes_read, (uint64_t)n);
  src->counted += n;
  return (ssize_t)n;
}

/* An entry's data, or what a compressed stream holds. */
struct archive_source {
  struct archive *a;
  int64_t counted; /* compressed bytes already added to bytes_read */
  bool count;      /* false inside another layer: counted below */
};

static ssize_t fill_from_archive(void *source, char *dst, size_t cap,
                                 char *msg, size_t msgsize)
{
  struct archive_source *src = source;
  la_ssize_t n = archive_read_data(src->a, dst, cap);
  int64_t now = archive_filter_bytes(src->a, -1);
  if (src->count && now > src->counted) {
    atomic_fetch_add(&bytes_read, (uint64_t)(now - src->counted));
    src->counted = now;
  }
  if (n < 0) {
    const char *why = archive_error_string(src->a);
    snprintf(msg, msgsize, "%s", why ? why : "read error");
    return -1;
  }
  return (ssize_t)n;
}

/* libarchive reads a nested layer from the stream below it. */
static la_ssize_t read_from_stream(struct archive *a, void *ud,
                                   const void **out)
{
  struct nx_stream *s = ud;
  size_t n;
  *out = nx_stream_take(s, &n);
  if (n == 0 && s->failed) {
    archive_set_error(a, EIO, "%s", s->error);
    return -1;
  }
  return (la_ssize_t)n;
}

/* ---- one stream --------------------------------------------------------- */

static bool read_stream(struct nx_reader *r, struct nx_stream *s,
                        const struct origin *o);

/* Reads the whole stream as one document. */
static bool read_single(struct nx_reader *r, struct nx_stream *s,
                        const struct origin *o, enum nx_format format)
{
  /* Read straight into the document, one byte past the cap at most: that
   * byte tells a document over the cap from one exactly at it. */
  size_t cap = r->opts->max_bytes; /* 0: none */
  if (cap && o->size >= 0 && (uint64_t)o->size > cap)
    return nx_reader_fail(r, o->id, NX_ETOOBIG,
                          "document of %lld bytes is over the limit of %zu "
                          "bytes",
                          (long long)o->size, cap);
  struct nx_buf data;
  nx_buf_init(&data, 0);
  for (;;) {
    size_t want = 1 << 16;
    if (cap && cap - data.len + 1 < want)
      want = cap - data.len + 1;
    if (nx_stream_read(s, want, &data) == 0)
      break;
    if (cap && data.len > cap) {
      nx_buf_free(&data);
      return nx_reader_fail(r, o->id, NX_ETOOBIG,
                            "document is over the limit of %zu bytes", cap);
    }
  }
  if (s->failed) {
    nx_buf_free(&data);
    return nx_reader_fail(r, o->id, NX_EIO, "%s", s->error);
  }
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = xstrdup(o->id);
  doc.data = nx_buf_detach(&data, &doc.len);
  if (doc.data == NULL)
    doc.data = xstrdup("");
  doc.format = format;
  return nx_reader_emit(r, &doc);
}

/* What libarchive is told for each kind of layer: a compressed stream is
 * a filter over the "raw" format, an archive a format. */
static const struct {
  enum nx_stream_kind kind;
  int filter; /* ARCHIVE_FILTER_NONE for archives */
  int (*format)(struct archive *);
} layers[] = {
    {NX_KIND_GZIP, ARCHIVE_FILTER_GZIP, archive_read_support_format_raw},
    {NX_KIND_BZIP2, ARCHIVE_FILTER_BZIP2, archive_read_support_format_raw},
    {NX_KIND_XZ, ARCHIVE_FILTER_XZ, archive_read_support_format_raw},
    {NX_KIND_ZSTD, ARCHIVE_FILTER_ZSTD, archive_read_support_format_raw},
    {NX_KIND_TAR, ARCHIVE_FILTER_NONE, archive_read_support_format_tar},
    {NX_KIND_ZIP, ARCHIVE_FILTER_NONE, archive_read_support_format_zip},
    {NX_KIND_7ZIP, ARCHIVE_FILTER_NONE, archive_read_support_format_7zip},
    {NX_KIND_CPIO, ARCHIVE_FILTER_NONE, archive_read_support_format_cpio},
};

/* A libarchive reader told the filter or format that classification
 * found: libarchive's own bidding would take "BZh9" for plain text. */
static struct archive *new_layer(enum nx_stream_kind k)
{
  struct archive *a = archive_read_new();
  for (size_t i = 0; i < sizeof layers / sizeof layers[0]; i++)
    if (layers[i].kind == k) {
      if (layers[i].filter != ARCHIVE_FILTER_NONE)
        archive_read_append_filter(a, layers[i].filter);
      layers[i].format(a);
    }
  return a;
}

/* Opens the layer on the file or memory itself when the stream is one
 * (zip and 7z seek to their central directories), else on the stream. */
static int open_layer(struct archive *a, const struct origin *o,
                      struct nx_stream *s, struct archive_source *src)
{
  src->a = a;
  src->counted = o->counted ? (int64_t)*o->counted : 0;
  src->count = o->counted != NULL;
  if (o->fd >= 0 && lseek(o->fd, 0, SEEK_SET) == 0)
    return archive_read_open_fd(a, o->fd, 1 << 16);
  if (o->mem)
    return archive_read_open_memory(a, o->mem, o->mem_len);
  src->count = false;
  return archive_read_open(a, s, NULL, read_from_stream, NULL);
}

static const char *entry_path(struct archive_entry *entry)
{
  const char *path = archive_entry_pathname(entry);
  return path ? path : "";
}

/* Reads what a compressed stream or an archive holds, classifying each
 * member again. */
static bool read_layer(struct nx_reader *r, struct nx_stream *s,
                       const struct origin *o, enum nx_stream_kind k)
{
  const char *label = nx_kind_label(k);
  if (o->depth >= MAX_DEPTH)
    return nx_reader_fail(r, o->id, NX_EINPUT,
                          "%s nested more than %d layers deep", label,
                          MAX_DEPTH);
  if (k == NX_KIND_7ZIP && o->fd < 0 && o->mem == NULL)
    return nx_reader_fail(r, o->id, NX_EINPUT,
                          "a 7z archive can be read only from a file, not "
                          "from a pipe or another archive (it needs to "
                          "seek)");
  struct archive *a = new_layer(k);
  struct archive_source src;
  struct archive_entry *entry;
  bool go_on = true;
  int rc = open_layer(a, o, s, &src);
  if (rc == ARCHIVE_OK)
    rc = archive_read_next_header(a, &entry);
  if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN && nx_kind_is_compressed(k)) {
    /* libarchive cannot tell an empty stream from one cut before its
     * first output (issue 13: "BZh9" was an empty document). */
    go_on = nx_reader_fail(r, o->id, NX_EIO,
                           "truncated or empty %s stream: nothing to read",
                           label);
    archive_read_free(a);
    return go_on;
  }
  while (go_on && (rc == ARCHIVE_OK || rc == ARCHIVE_WARN)) {
    struct nx_stream inner;
    nx_stream_init(&inner, fill_from_archive, &src);
    struct origin member = {.id = o->id,
                            .size = -1,
                            .fd = -1,
                            .depth = o->depth + 1,
                            .found = o->found};
    char *name = NULL, *id = NULL;
    if (nx_kind_is_compressed(k)) {
      member.name = name = nx_input_inner_name(o->name, k);
      go_on = read_stream(r, &inner, &member);
    } else if (archive_entry_filetype(entry) == AE_IFREG &&
               nx_input_entry_wanted(r->opts, entry_path(entry))) {
      member.name = entry_path(entry);
      member.found = true;
      char *shown = nx_utf8_escape(member.name, strlen(member.name));
      size_t size = strlen(o->id) + strlen(shown) + 2;
      member.id = id = xmalloc(size);
      snprintf(id, size, "%s!%s", o->id, shown);
      free(shown);
      if (archive_entry_size_is_set(entry))
        member.size = archive_entry_size(entry);
      go_on = read_stream(r, &inner, &member);
    }
    nx_stream_free(&inner);
    free(name);
    free(id);
    if (nx_kind_is_compressed(k)) {
      rc = ARCHIVE_EOF;
      break;
    }
    rc = archive_read_next_header(a, &entry);
  }
  if (go_on && rc != ARCHIVE_OK && rc != ARCHIVE_WARN && rc != ARCHIVE_EOF) {
    const char *why = archive_error_string(a);
    go_on = nx_reader_fail(r, o->id, NX_EIO, "%s archive: %s", label,
                           why ? why : "cannot be read");
  }
  archive_read_free(a);
  return go_on;
}

/* One stream of any kind, named by nx_input_classify. */
static bool read_stream(struct nx_reader *r, struct nx_stream *s,
                        const struct origin *o)
{
  size_t avail;
  /* What has come so far, and more only when it does not decide: a pipe
   * may hold one line for a long time (tail -f feed.jsonl | newsextract). */
  const char *head = nx_stream_peek(s, 1, &avail);
  if (avail < NX_INPUT_HEAD && !nx_input_head_decides(head, avail))
    head = nx_stream_peek(s, NX_INPUT_HEAD, &avail);
  struct nx_input_class c =
      nx_input_classify(o->name, head, avail, r->opts->kind, o->found);
  if (nx_kind_is_compressed(c.kind) || nx_kind_is_archive(c.kind))
    return read_layer(r, s, o, c.kind);
  if (c.kind == NX_KIND_NOT_DOCUMENT)
    return nx_reader_skip(r, o->id, c.what, NULL);
  nx_stream_read(s, c.skip, NULL);
  switch (c.kind) {
  case NX_KIND_JSONL:
    return nx_read_jsonl(r, s, o->id);
  case NX_KIND_JSON_ARRAY:
    return nx_read_json_array(r, s, o->id);
  case NX_KIND_WARC:
    return nx_read_warc(r, s, o->id);
  default:
    return read_single(r, s, o, c.format);
  }
}

/* ---- files -------------------------------------------------------------- */

bool nx_input_each_memory(const char *name, const void *p, size_t len,
                          const struct nx_input_options *opts,
                          nx_doc_sink *sink, void *ctx)
{
  struct nx_reader r = {opts, sink, ctx, false};
  struct mem_source src = {p, len, 0};
  struct nx_stream s;
  nx_stream_init(&s, fill_from_mem, &src);
  char *id = nx_utf8_escape(name, strlen(name));
  struct origin o = {.id = id,
                     .name = name,
                     .size = (int64_t)len,
                     .fd = -1,
                     .mem = p,
                     .mem_len = len,
                     .counted = &src.counted};
  bool go_on = read_stream(&r, &s, &o);
  nx_stream_free(&s);
  free(id);
  return go_on && !r.stopped;
}

/* 'size' is the file's (-1: unknown); 'seekable' says that fd is a regular
 * file read from its start, which libarchive may seek in. */
static bool read_fd(struct nx_reader *r, int fd, const char *path,
                    int64_t size, bool seekable, bool found)
{
  struct fd_source src = {fd, 0};
  struct nx_stream s;
  nx_stream_init(&s, fill_from_fd, &src);
  char *id = nx_utf8_escape(path, strlen(path));
  struct origin o = {.id = id,
                     .name = path,
                     .size = size,
                     .fd = seekable ? fd : -1,
                     .counted = &src.counted,
                     .found = found};
  bool go_on = read_stream(r, &s, &o);
  nx_stream_free(&s);
  free(id);
  return go_on;
}

static bool read_found(void *ctx, const char *path, const struct stat *sb);

/* What writes to the file 'st' in this run, or NULL. */
static const char *output_of(const struct nx_input_options *o,
                             const struct stat *st)
{
  for (size_t i = 0; i < o->noutputs; i++)
    if (st->st_dev == o->outputs[i].dev && st->st_ino == o->outputs[i].ino)
      return o->outputs[i].what;
  return NULL;
}

/* 'found' in a directory walk, or named by the user. */
static bool read_file(struct nx_reader *r, const char *path, bool found)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    char *id = nx_utf8_escape(path, strlen(path));
    bool go_on = nx_reader_fail(r, id, NX_EIO, "%s", strerror(errno));
    free(id);
    return go_on;
  }
  struct stat st;
  bool go_on;
  bool known = fstat(fd, &st) == 0;
  const char *output = known ? output_of(r->opts, &st) : NULL;
  if (known && S_ISDIR(st.st_mode))
    go_on = nx_walk_dir(path, r->opts, read_found, r, r);
  else if (output) {
    char *id = nx_utf8_escape(path, strlen(path));
    go_on = nx_reader_skip(r, id, "output of this run", output);
    free(id);
  } else if (known && S_ISREG(st.st_mode))
    go_on = read_fd(r, fd, path, (int64_t)st.st_size, true, found);
  else
    go_on = read_fd(r, fd, path, -1, false, found);
  close(fd);
  return go_on;
}

static bool read_found(void *ctx, const char *path, const struct stat *sb)
{
  (void)sb;
  return read_file(ctx, path, true);
}

bool nx_input_each(const char *path, const struct nx_input_options *opts,
                   nx_doc_sink *sink, void *ctx)
{
  struct nx_reader r = {opts, sink, ctx, false};
  bool go_on = strcmp(path, "-") == 0
                   ? read_fd(&r, STDIN_FILENO, "-", -1, false, false)
                   : read_file(&r, path, false);
  return go_on && !r.stopped;
}

static bool add_size(void *ctx, const char *path, const struct stat *sb)
{
  (void)path;
  *(uint64_t *)ctx += (uint64_t)sb->st_size;
  return true;
}

uint64_t nx_input_total_bytes(const char *const *paths, size_t npaths,
                              const struct nx_input_options *opts)
{
  uint64_t total = 0;
  for (size_t i = 0; i < npaths; i++) {
    struct stat sb;
    if (strcmp(paths[i], "-") == 0 || stat(paths[i], &sb) != 0)
      return 0;
    if (S_ISDIR(sb.st_mode))
      nx_walk_dir(paths[i], opts, add_size, &total, NULL);
    else if (S_ISREG(sb.st_mode))
      total += (uint64_t)sb.st_size;
    else
      return 0;
  }
  return total;
}
