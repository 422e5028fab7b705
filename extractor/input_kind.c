/* input_kind.c: see input_kind.h. One table holds every kind: its magic
 * bytes, the names that say it, and what reading it gives; the classifier
 * and the README's table both read it. */
#include "input_kind.h"

#include "xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct magic {
  size_t at;
  const char *bytes;
  size_t len;
};

struct rename {
  const char *suffix, *inner; /* "x.tgz" holds "x.tar" */
};

typedef bool byte_test(const unsigned char *p, size_t len);

#define NNAMES 8

struct kind_row {
  enum nx_stream_kind kind;
  const char *label;
  struct magic magic[5];
  byte_test *test; /* recognises the kind where the magic does not */
  const char *test_words;
  /* Leaf kinds: names that say the kind, a suffix (".warc") or a whole
   * last part of the path ("robots.txt"). */
  const char *names[NNAMES];
  struct rename renames[3];  /* compressed kinds */
  const char *reads;
};

#define M(at, s) {at, s, sizeof s - 1}

static const char bom[] = "\xEF\xBB\xBF";

static size_t bom_len(const unsigned char *p, size_t len)
{
  return len >= 3 && memcmp(p, bom, 3) == 0 ? 3 : 0;
}

static bool bzip2_level(const unsigned char *p, size_t len)
{
  return len >= 4 && memcmp(p, "BZh", 3) == 0 && p[3] >= '1' && p[3] <= '9';
}

/* A tar header without the ustar magic (V7 tar): its checksum holds. */
static bool tar_checksum(const unsigned char *p, size_t len)
{
  if (len < 512 || p[0] == '\0')
    return false;
  unsigned long sum = 0;
  for (size_t i = 0; i < 512; i++)
    sum += i >= 148 && i < 156 ? ' ' : p[i];
  char field[9];
  memcpy(field, p + 148, 8);
  field[8] = '\0';
  char *end;
  unsigned long want = strtoul(field, &end, 8);
  return end != field && want == sum;
}

static bool warc_bytes(const unsigned char *p, size_t len)
{
  size_t i = bom_len(p, len);
  return len - i >= 5 && memcmp(p + i, "WARC/", 5) == 0;
}

static size_t skip_space(const unsigned char *p, size_t len, size_t i)
{
  while (i < len && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' ||
                     p[i] == '\t'))
    i++;
  return i;
}

/* An object's start: '{' alone would take one random stream in 256 for a
 * dump (a truncated .html.gz in tests/cli/batch-1000.sh). */
static bool jsonl_bytes(const unsigned char *p, size_t len)
{
  size_t i = skip_space(p, len, bom_len(p, len));
  if (i == len || p[i] != '{')
    return false;
  i = skip_space(p, len, i + 1);
  return i == len || p[i] == '"' || p[i] == '}';
}

/* An array of objects: '[' then '{' (white space around), as exports
 * write them. */
static bool json_array_bytes(const unsigned char *p, size_t len)
{
  size_t i = skip_space(p, len, bom_len(p, len));
  if (i == len || p[i] != '[')
    return false;
  i = skip_space(p, len, i + 1);
  return i < len && p[i] == '{';
}

bool nx_input_looks_binary(const void *head, size_t len)
{
  const unsigned char *p = head;
  if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
                   (p[0] == 0xFE && p[1] == 0xFF)))
    return false; /* a UTF-16 byte order mark: text, half of it NULs */
  size_t n = len < 4096 ? len : 4096, control = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t' &&
        p[i] != '\f')
      control++;
  return n > 0 && control * 10 > n;
}

static bool binary_bytes(const unsigned char *p, size_t len)
{
  return nx_input_looks_binary(p, len);
}

/* What a crawl holds beside its pages: skipped where found, read as a
 * document where named (the user asked for it). */
static const char skipped[] =
    "skipped where found in a directory or an archive; one document where "
    "named as a PATH";

/* In the order they are tried: containers by their bytes, then leaves. */
static const struct kind_row rows[] = {
    {NX_KIND_GZIP, "gzip", {M(0, "\x1F\x8B")}, NULL, NULL, {NULL},
     {{".gz", ""}, {".tgz", ".tar"}}, "the stream inside"},
    {NX_KIND_BZIP2, "bzip2", {{0}}, bzip2_level, "`BZh1` to `BZh9`", {NULL},
     {{".bz2", ""}, {".tbz2", ".tar"}, {".tbz", ".tar"}}, "the stream inside"},
    {NX_KIND_XZ, "xz", {M(0, "\xFD" "7zXZ\0")}, NULL, NULL, {NULL},
     {{".xz", ""}, {".txz", ".tar"}}, "the stream inside"},
    {NX_KIND_ZSTD, "zstd", {M(0, "\x28\xB5\x2F\xFD")}, NULL, NULL, {NULL},
     {{".zst", ""}, {".tzst", ".tar"}}, "the stream inside"},
    {NX_KIND_TAR, "tar", {M(257, "ustar")}, tar_checksum,
     "a header whose checksum holds", {NULL}, {{NULL, NULL}},
     "every regular entry, as `ARCHIVE!ENTRY`"},
    {NX_KIND_ZIP, "zip", {M(0, "PK\3\4"), M(0, "PK\5\6")}, NULL, NULL, {NULL},
     {{NULL, NULL}}, "every regular entry, as `ARCHIVE!ENTRY`"},
    {NX_KIND_7ZIP, "7z", {M(0, "7z\xBC\xAF\x27\x1C")}, NULL, NULL, {NULL},
     {{NULL, NULL}},
     "every regular entry, as `ARCHIVE!ENTRY` (a file only: 7z needs to "
     "seek)"},
    {NX_KIND_CPIO, "cpio",
     {M(0, "070707"), M(0, "070701"), M(0, "070702"), M(0, "\xC7\x71"),
      M(0, "\x71\xC7")}, NULL,
     NULL, {NULL}, {{NULL, NULL}}, "every regular entry, as `ARCHIVE!ENTRY`"},
    {NX_KIND_NOT_DOCUMENT, "image",
     {M(0, "\x89PNG"), M(0, "\xFF\xD8\xFF"), M(0, "GIF8"), M(8, "WEBP"),
      M(0, "\0\0\1\0")}, NULL, NULL,
     {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".avif"},
     {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "font",
     {M(0, "wOFF"), M(0, "wOF2"), M(0, "\0\1\0\0"), M(0, "OTTO")}, NULL,
     NULL, {".woff", ".woff2", ".ttf", ".otf", ".eot"}, {{NULL, NULL}},
     skipped},
    {NX_KIND_NOT_DOCUMENT, "audio or video",
     {M(0, "ID3"), M(0, "OggS"), M(4, "ftyp"), M(0, "\x1A\x45\xDF\xA3"),
      M(0, "fLaC")}, NULL, NULL,
     {".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov", ".avi"},
     {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "PDF", {M(0, "%PDF-")}, NULL, NULL, {".pdf"},
     {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "script", {{0}}, NULL, NULL,
     {".js", ".mjs", ".cjs", ".map"}, {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "style sheet", {{0}}, NULL, NULL,
     {".css", ".scss", ".less"}, {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "site file", {{0}}, NULL, NULL,
     {"manifest.json", ".webmanifest", "browserconfig.xml", "robots.txt",
      "ads.txt", "sitemap.xml"},
     {{NULL, NULL}}, skipped},
    {NX_KIND_NOT_DOCUMENT, "binary data", {{0}}, binary_bytes,
     "control bytes in over a tenth of the first 4 KiB", {NULL},
     {{NULL, NULL}}, skipped},
    {NX_KIND_WARC, "WARC", {{0}}, warc_bytes, "`WARC/`", {".warc"},
     {{NULL, NULL}}, "a document per `response` or `resource` record"},
    {NX_KIND_JSONL, "JSON Lines", {{0}}, jsonl_bytes,
     "`{` then `\"` or `}` (white space around)", {".jsonl", ".ndjson"},
     {{NULL, NULL}}, "a document per line"},
    {NX_KIND_JSON_ARRAY, "JSON array", {{0}}, json_array_bytes,
     "`[` then `{` (white space around)", {NULL}, {{NULL, NULL}},
     "a document per object, read whole (fields as for JSON Lines)"},
    {NX_KIND_DOCUMENT, "document", {{0}}, NULL, "anything else", {NULL},
     {{NULL, NULL}}, "one document, HTML or text by its content"},
};

#define NROWS (sizeof rows / sizeof rows[0])

static const struct kind_row *row_of(enum nx_stream_kind k)
{
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind == k)
      return &rows[i];
  return &rows[NROWS - 1];
}

const char *nx_kind_label(enum nx_stream_kind k)
{
  return row_of(k)->label;
}

static bool has_suffix(const char *name, const char *suffix)
{
  size_t n = strlen(name), m = strlen(suffix);
  return n >= m && strcasecmp(name + n - m, suffix) == 0;
}

static bool bytes_say(const struct kind_row *row, const unsigned char *p,
                      size_t len)
{
  for (const struct magic *m = row->magic; m < row->magic + 5 && m->bytes;
       m++)
    if (len >= m->at + m->len && memcmp(p + m->at, m->bytes, m->len) == 0)
      return true;
  return row->test && row->test(p, len);
}

static bool name_says(const struct kind_row *row, const char *name)
{
  const char *slash = strrchr(name, '/'), *last = slash ? slash + 1 : name;
  for (const char *const *s = row->names; s < row->names + NNAMES && *s; s++)
    if (**s == '.' ? has_suffix(name, *s) : strcasecmp(last, *s) == 0)
      return true;
  return false;
}

static struct nx_input_class leaf(enum nx_stream_kind k,
                                  const unsigned char *p, size_t len)
{
  struct nx_input_class c = {k, NX_FORMAT_AUTO, 0, NULL};
  if (k == NX_KIND_JSONL || k == NX_KIND_JSON_ARRAY || k == NX_KIND_WARC)
    c.skip = bom_len(p, len); /* the parsers would read it as data */
  return c;
}

bool nx_input_head_decides(const void *head, size_t len)
{
  const unsigned char *p = head;
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind != NX_KIND_TAR && rows[i].kind != NX_KIND_JSONL &&
        rows[i].kind != NX_KIND_DOCUMENT &&
        rows[i].kind != NX_KIND_NOT_DOCUMENT &&
        bytes_say(&rows[i], p, len))
      return true;
  /* A JSON object needs the byte after '{' to tell it from a '{' alone. */
  size_t at = skip_space(p, len, bom_len(p, len));
  return at < len && p[at] == '{' && skip_space(p, len, at + 1) < len;
}

/* A row of what is not a document, by its bytes first: a page saved as
 * "logo.png" is still skipped, but so is a PNG named "story.html". */
static const struct kind_row *not_document(const char *name,
                                           const unsigned char *p, size_t len)
{
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind == NX_KIND_NOT_DOCUMENT && bytes_say(&rows[i], p, len))
      return &rows[i];
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind == NX_KIND_NOT_DOCUMENT && name_says(&rows[i], name))
      return &rows[i];
  return NULL;
}

struct nx_input_class nx_input_classify(const char *name, const void *head,
                                        size_t len, enum nx_input_kind forced,
                                        bool found)
{
  const unsigned char *p = head;
  for (size_t i = 0; i < NROWS; i++)
    if (nx_kind_is_compressed(rows[i].kind) ||
        nx_kind_is_archive(rows[i].kind))
      if (bytes_say(&rows[i], p, len))
        return leaf(rows[i].kind, p, len);
  const struct kind_row *other = found ? not_document(name, p, len) : NULL;
  if (other) {
    struct nx_input_class c = leaf(NX_KIND_NOT_DOCUMENT, p, len);
    c.what = other->label;
    return c;
  }
  switch (forced) {
  case NX_INPUT_JSONL:
    return leaf(NX_KIND_JSONL, p, len);
  case NX_INPUT_WARC:
    return leaf(NX_KIND_WARC, p, len);
  case NX_INPUT_HTML:
    return (struct nx_input_class){NX_KIND_DOCUMENT, NX_FORMAT_HTML, 0, NULL};
  case NX_INPUT_TEXT:
    return (struct nx_input_class){NX_KIND_DOCUMENT, NX_FORMAT_TEXT, 0, NULL};
  case NX_INPUT_AUTO:
    break;
  }
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind != NX_KIND_NOT_DOCUMENT && name_says(&rows[i], name))
      return leaf(rows[i].kind, p, len);
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].kind != NX_KIND_DOCUMENT &&
        rows[i].kind != NX_KIND_NOT_DOCUMENT && bytes_say(&rows[i], p, len))
      return leaf(rows[i].kind, p, len);
  return leaf(NX_KIND_DOCUMENT, p, len);
}

char *nx_input_inner_name(const char *name, enum nx_stream_kind k)
{
  const struct kind_row *row = row_of(k);
  size_t n = strlen(name);
  for (const struct rename *r = row->renames;
       r < row->renames + 3 && r->suffix; r++)
    if (has_suffix(name, r->suffix)) {
      size_t stem = n - strlen(r->suffix), size = stem + strlen(r->inner) + 1;
      char *inner = xmalloc(size);
      memcpy(inner, name, stem);
      memcpy(inner + stem, r->inner, size - stem);
      return inner;
    }
  return xstrdup(name);
}

static void put_magic(FILE *out, const struct magic *m)
{
  bool text = true;
  for (size_t i = 0; i < m->len; i++)
    if (m->bytes[i] < 0x21 || m->bytes[i] > 0x7E)
      text = false;
  fputc('`', out);
  for (size_t i = 0; i < m->len; i++)
    if (text)
      fputc(m->bytes[i], out);
    else
      fprintf(out, "%s%02x", i ? " " : "", (unsigned char)m->bytes[i]);
  fputc('`', out);
  if (m->at)
    fprintf(out, " at byte %zu", m->at);
}

void nx_input_kinds_markdown(FILE *out)
{
  fputs("| kind | known by its first bytes | or its name | gives |\n", out);
  fputs("|---|---|---|---|\n", out);
  for (size_t i = 0; i < NROWS; i++) {
    const struct kind_row *row = &rows[i];
    fprintf(out, "| %s | ", row->label);
    const char *sep = "";
    for (const struct magic *m = row->magic; m < row->magic + 5 && m->bytes;
         m++) {
      fputs(sep, out);
      put_magic(out, m);
      sep = ", ";
    }
    if (row->test_words)
      fprintf(out, "%s%s%s", sep, *sep ? "or " : "", row->test_words);
    fputs(" | ", out);
    sep = "";
    for (const char *const *s = row->names; s < row->names + NNAMES && *s;
         s++) {
      fprintf(out, "%s`%s`", sep, *s);
      sep = ", ";
    }
    fprintf(out, " | %s", row->reads);
    sep = ", named without ";
    const struct rename *r, *end = row->renames + 3;
    for (r = row->renames; r < end && r->suffix; r++)
      if (*r->inner == '\0') {
        fprintf(out, "%s`%s`", sep, r->suffix);
        sep = " or ";
      }
    const char *inner = NULL;
    size_t n = 0;
    for (r = row->renames; r < end && r->suffix; r++)
      if (*r->inner) {
        fprintf(out, "%s`%s`", n ? " and " : "; ", r->suffix);
        inner = r->inner;
        n++;
      }
    if (inner)
      fprintf(out, " %s `%s`", n > 1 ? "become" : "becomes", inner);
    fputs(" |\n", out);
  }
}
