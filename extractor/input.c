/* input.c: see input.h. Files and directories are walked here; every file
 * is opened through libarchive, which undoes gzip, bzip2, xz and zstd and
 * reads tar, zip, 7z and cpio archives. What is neither is the "raw"
 * format: a plain stream, sniffed for WARC and JSON Lines. */
#include "input_impl.h"

#include "util.h"
#include "xalloc.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* ---- libarchive as a stream source ----------------------------------- */

struct archive_source {
  struct archive *a;
  int64_t counted; /* compressed bytes already added to bytes_read */
};

static ssize_t fill_from_archive(void *source, char *dst, size_t cap,
                                 char *msg, size_t msgsize)
{
  struct archive_source *src = source;
  la_ssize_t n = archive_read_data(src->a, dst, cap);
  int64_t now = archive_filter_bytes(src->a, -1);
  if (now > src->counted) {
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

/* ---- kinds ------------------------------------------------------------- */

static bool has_suffix(const char *name, const char *suffix)
{
  size_t n = strlen(name), m = strlen(suffix);
  return n >= m && strcasecmp(name + n - m, suffix) == 0;
}

/* The kind a name says, looking through a compression suffix. */
static enum nx_input_kind kind_from_name(const char *name)
{
  static const char *const compressions[] = {"", ".gz", ".bz2", ".xz",
                                             ".zst", NULL};
  for (const char *const *c = compressions; *c; c++) {
    char warc[32], jsonl[32], ndjson[32];
    snprintf(warc, sizeof warc, ".warc%s", *c);
    snprintf(jsonl, sizeof jsonl, ".jsonl%s", *c);
    snprintf(ndjson, sizeof ndjson, ".ndjson%s", *c);
    if (has_suffix(name, warc))
      return NX_INPUT_WARC;
    if (has_suffix(name, jsonl) || has_suffix(name, ndjson))
      return NX_INPUT_JSONL;
  }
  return NX_INPUT_AUTO;
}

static enum nx_input_kind kind_from_bytes(struct nx_stream *s)
{
  size_t avail;
  const char *p = nx_stream_peek(s, 64, &avail);
  if (avail >= 5 && memcmp(p, "WARC/", 5) == 0)
    return NX_INPUT_WARC;
  size_t i = 0;
  if (avail >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < avail && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' ||
                       p[i] == '\t'))
    i++;
  if (i < avail && p[i] == '{')
    return NX_INPUT_JSONL;
  return NX_INPUT_AUTO;
}

/* Reads the whole stream as one document. */
static bool read_single(struct nx_reader *r, struct nx_stream *s,
                        const char *name, enum nx_input_kind kind)
{
  /* Read straight into the document, one byte past the cap at most: that
   * byte tells a document over the cap from one exactly at it. */
  size_t cap = r->opts->max_bytes; /* 0: none */
  struct nx_buf data;
  nx_buf_init(&data, 0);
  nx_status st = NX_OK;
  for (;;) {
    size_t want = 1 << 16;
    if (cap && cap - data.len + 1 < want)
      want = cap - data.len + 1;
    if (nx_stream_read(s, want, &data) == 0)
      break;
    if (cap && data.len > cap) {
      nx_buf_free(&data);
      st = NX_ETOOBIG;
      break;
    }
  }
  if (st == NX_ETOOBIG) {
    nx_buf_free(&data);
    return nx_reader_fail(r, name, st,
                          "document is over the limit of %zu bytes",
                          r->opts->max_bytes);
  }
  if (s->failed) {
    nx_buf_free(&data);
    return nx_reader_fail(r, name, NX_EIO, "%s", s->error);
  }
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = xstrdup(name);
  doc.data = nx_buf_detach(&data, &doc.len);
  doc.format = kind == NX_INPUT_HTML   ? NX_FORMAT_HTML
               : kind == NX_INPUT_TEXT ? NX_FORMAT_TEXT
                                       : NX_FORMAT_AUTO;
  return nx_reader_emit(r, &doc);
}

/* One stream (a whole file, or one archive entry) of any kind. */
static bool read_stream(struct nx_reader *r, struct nx_stream *s,
                        const char *name)
{
  enum nx_input_kind kind = r->opts->kind;
  if (kind == NX_INPUT_AUTO)
    kind = kind_from_name(name);
  if (kind == NX_INPUT_AUTO)
    kind = kind_from_bytes(s);
  switch (kind) {
  case NX_INPUT_JSONL:
    return nx_read_jsonl(r, s, name);
  case NX_INPUT_WARC:
    return nx_read_warc(r, s, name);
  default:
    return read_single(r, s, name, kind);
  }
}

/* ---- files ------------------------------------------------------------- */

static struct archive *new_archive(void)
{
  struct archive *a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  archive_read_support_format_7zip(a);
  archive_read_support_format_cpio(a);
  /* Not libarchive's WARC reader: it lists nothing for files that start
   * with a warcinfo record, as every CC-NEWS file does (input_warc.c). */
  archive_read_support_format_raw(a);
  return a;
}

/* Reads every document of an opened archive (or raw stream) and frees it.
 * A failure to open shows at the first header, which reports it. */
static bool read_archive(struct nx_reader *r, struct archive *a,
                         const char *name)
{
  struct archive_entry *entry;
  struct archive_source src = {a, 0};
  bool go_on = true;
  int rc = archive_read_next_header(a, &entry);
  if (rc == ARCHIVE_EOF || (rc != ARCHIVE_OK && rc != ARCHIVE_WARN &&
                            archive_filter_bytes(a, -1) == 0)) {
    /* An empty file: one empty document, as for an empty stdin. */
    struct nx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = xstrdup(name);
    doc.data = xstrdup("");
    archive_read_free(a);
    return nx_reader_emit(r, &doc);
  }
  bool raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
  while (go_on && (rc == ARCHIVE_OK || rc == ARCHIVE_WARN)) {
    struct nx_stream s;
    nx_stream_init(&s, fill_from_archive, &src);
    if (raw) {
      go_on = read_stream(r, &s, name);
    } else if (archive_entry_filetype(entry) == AE_IFREG) {
      size_t size = strlen(name) + strlen(archive_entry_pathname(entry)) + 2;
      char *id = xmalloc(size);
      snprintf(id, size, "%s!%s", name, archive_entry_pathname(entry));
      go_on = read_stream(r, &s, id);
      free(id);
    }
    nx_stream_free(&s);
    if (raw)
      break;
    rc = archive_read_next_header(a, &entry);
  }
  if (go_on && rc != ARCHIVE_OK && rc != ARCHIVE_WARN && rc != ARCHIVE_EOF) {
    const char *why = archive_error_string(a);
    go_on = nx_reader_fail(r, name, NX_EIO, "%s",
                           why ? why : "cannot read the archive");
  }
  archive_read_free(a);
  return go_on;
}

static bool read_fd(struct nx_reader *r, int fd, const char *name)
{
  struct archive *a = new_archive();
  archive_read_open_fd(a, fd, 1 << 16);
  return read_archive(r, a, name);
}

bool nx_input_each_memory(const char *name, const void *p, size_t len,
                          const struct nx_input_options *opts,
                          nx_doc_sink *sink, void *ctx)
{
  struct nx_reader r = {opts, sink, ctx, false};
  struct archive *a = new_archive();
  archive_read_open_memory(a, p, len);
  return read_archive(&r, a, name) && !r.stopped;
}

static bool read_path(struct nx_reader *r, const char *path);

static bool matches_any(const char *name, const char *rel,
                        const char *const *globs, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (fnmatch(globs[i], name, 0) == 0 || fnmatch(globs[i], rel, 0) == 0)
      return true;
  return false;
}

/* Calls fn on every file below 'dir' that the filters let through, in
 * name order; symbolic links to directories are not followed (no loops). */
typedef bool file_fn(void *ctx, const char *path, const struct stat *sb);

static bool walk_dir(const char *dir, const struct nx_input_options *o,
                     file_fn *fn, void *ctx, struct nx_reader *r)
{
  size_t n;
  errno = 0;
  char **names = nx_dir_names(dir, NULL, &n);
  if (names == NULL && errno)
    return r ? nx_reader_fail(r, dir, NX_EIO, "%s", strerror(errno)) : true;
  bool go_on = true;
  for (size_t i = 0; i < n && go_on; i++) {
    size_t size = strlen(dir) + strlen(names[i]) + 2;
    char *path = xmalloc(size);
    snprintf(path, size, "%s/%s", dir, names[i]);
    struct stat sb, lsb;
    if (lstat(path, &lsb) == 0 && stat(path, &sb) == 0) {
      if (S_ISDIR(sb.st_mode)) {
        if (!S_ISLNK(lsb.st_mode))
          go_on = walk_dir(path, o, fn, ctx, r);
      } else if (S_ISREG(sb.st_mode) &&
                 (o->ninclude == 0 ||
                  matches_any(names[i], path, o->include, o->ninclude)) &&
                 !matches_any(names[i], path, o->exclude, o->nexclude)) {
        go_on = fn(ctx, path, &sb);
      }
    } else if (r) {
      go_on = nx_reader_fail(r, path, NX_EIO, "%s", strerror(errno));
    }
    free(path);
  }
  nx_names_free(names, n);
  return go_on;
}

static bool read_dir_file(void *ctx, const char *path, const struct stat *sb)
{
  (void)sb;
  return read_path(ctx, path);
}

static bool read_path(struct nx_reader *r, const char *path)
{
  if (strcmp(path, "-") == 0)
    return read_fd(r, STDIN_FILENO, "-");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return nx_reader_fail(r, path, NX_EIO, "%s", strerror(errno));
  struct stat sb;
  bool go_on;
  if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    close(fd);
    go_on = walk_dir(path, r->opts, read_dir_file, r, r);
  } else if (r->opts->max_bytes && S_ISREG(sb.st_mode) &&
             (uint64_t)sb.st_size > r->opts->max_bytes &&
             kind_from_name(path) == NX_INPUT_AUTO &&
             r->opts->kind != NX_INPUT_JSONL && r->opts->kind != NX_INPUT_WARC &&
             !has_suffix(path, ".tar") && !has_suffix(path, ".zip") &&
             !has_suffix(path, ".gz") && !has_suffix(path, ".tgz")) {
    /* A plain file over the limit: say so without reading it. */
    close(fd);
    go_on = nx_reader_fail(r, path, NX_ETOOBIG,
                           "document of %lld bytes is over the limit of %zu "
                           "bytes",
                           (long long)sb.st_size, r->opts->max_bytes);
  } else {
    go_on = read_fd(r, fd, path);
    close(fd);
  }
  return go_on;
}

bool nx_input_each(const char *path, const struct nx_input_options *opts,
                   nx_doc_sink *sink, void *ctx)
{
  struct nx_reader r = {opts, sink, ctx, false};
  return read_path(&r, path) && !r.stopped;
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
      walk_dir(paths[i], opts, add_size, &total, NULL);
    else if (S_ISREG(sb.st_mode))
      total += (uint64_t)sb.st_size;
    else
      return 0;
  }
  return total;
}
