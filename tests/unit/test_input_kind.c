/* test_input_kind.c: the one classifier of input streams (issue 13), and
 * the names it gives what compressed streams hold. */
#include "harness.h"

#include "input_kind.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static enum nx_stream_kind kind(const char *name, const char *head, size_t len,
                                enum nx_input_kind forced)
{
  return nx_input_classify(name, head, len, forced, false).kind;
}

static void inner(const char *name, enum nx_stream_kind k, const char *want)
{
  char *got = nx_input_inner_name(name, k);
  STR_EQ(got, want, want);
  free(got);
}

struct kind_case {
  const char *name, *bytes;
  size_t len;
  enum nx_input_kind forced;
  enum nx_stream_kind want;
  const char *what;
};

#define C(name, bytes, forced, want, what)                                    \
  {name, bytes, sizeof bytes - 1, forced, want, what}

static const struct kind_case cases[] = {
    C("x.bz2", "BZh9", NX_INPUT_AUTO, NX_KIND_BZIP2,
      "a bzip2 header alone is bzip2 (it was an empty document)"),
    C("x.bz2", "BZh0", NX_INPUT_AUTO, NX_KIND_DOCUMENT,
      "BZh0 is not a bzip2 level"),
    C("dump.jsonl", "\x1F\x8B\x08", NX_INPUT_AUTO, NX_KIND_GZIP,
      "compression is known by its bytes whatever the name"),
    C("x", "\x1F\x8B\x08", NX_INPUT_TEXT, NX_KIND_GZIP,
      "--input-format names what is inside compression"),
    C("a.7z", "7z\xBC\xAF\x27\x1C", NX_INPUT_AUTO, NX_KIND_7ZIP, "7z"),
    C("a.cpio", "070701", NX_INPUT_AUTO, NX_KIND_CPIO, "cpio newc"),
    C("a", "PK\3\4", NX_INPUT_AUTO, NX_KIND_ZIP, "zip"),
    C("a.jsonl", "<html>", NX_INPUT_AUTO, NX_KIND_JSONL,
      "a leaf's name wins over its bytes"),
    C("dump.txt", " \n{\"id\":1}", NX_INPUT_AUTO, NX_KIND_JSONL,
      "a dump not named .jsonl is known by its first '{'"),
    C("x.html", "{\x8F\x01", NX_INPUT_AUTO, NX_KIND_DOCUMENT,
      "'{' and then a byte no JSON object has is not a dump"),
    C("d", "{ }\n", NX_INPUT_AUTO, NX_KIND_JSONL, "an empty object is a dump"),
    C("export.json", "[\n  {\"id\": 1}", NX_INPUT_AUTO, NX_KIND_JSON_ARRAY,
      "an array of objects is an export"),
    C("note.txt", "[Reuters] Acme", NX_INPUT_AUTO, NX_KIND_DOCUMENT,
      "'[' before words is an article"),
    C("page", "{\"id\":1}", NX_INPUT_HTML, NX_KIND_DOCUMENT,
      "--input-format html wins over the bytes of a leaf"),
    C("a.warc", "", NX_INPUT_AUTO, NX_KIND_WARC, "an empty .warc"),
    C("", "", NX_INPUT_AUTO, NX_KIND_DOCUMENT,
      "an empty stream is one (empty) document"),
};

int main(void)
{
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    OK(kind(cases[i].name, cases[i].bytes, cases[i].len, cases[i].forced) ==
           cases[i].want,
       cases[i].what);

  struct nx_input_class c =
      nx_input_classify("d", "\xEF\xBB\xBF{\"id\":1}", 11, NX_INPUT_AUTO, false);
  OK(c.kind == NX_KIND_JSONL && c.skip == 3, "a BOM before a dump is skipped");
  c = nx_input_classify("d", "\xEF\xBB\xBFWARC/1.0", 11, NX_INPUT_AUTO, false);
  OK(c.kind == NX_KIND_WARC && c.skip == 3, "a BOM before a WARC is skipped");
  c = nx_input_classify("p.html", "\xEF\xBB\xBF<p>", 6, NX_INPUT_AUTO, false);
  OK(c.kind == NX_KIND_DOCUMENT && c.skip == 0,
     "a document keeps its BOM (the HTML parser reads it)");

  char tar[512] = "a.txt";
  memcpy(tar + 257, "ustar", 5);
  OK(kind("x", tar, sizeof tar, NX_INPUT_AUTO) == NX_KIND_TAR, "ustar tar");
  memset(tar + 257, 0, 6); /* V7: no magic, a checksum that holds */
  memset(tar + 148, ' ', 8);
  unsigned sum = 0;
  for (size_t i = 0; i < sizeof tar; i++)
    sum += (unsigned char)tar[i];
  snprintf(tar + 148, 8, "%06o", sum);
  OK(kind("x", tar, sizeof tar, NX_INPUT_AUTO) == NX_KIND_TAR, "V7 tar");
  tar[0] = 'b';
  OK(kind("x", tar, sizeof tar, NX_INPUT_AUTO) == NX_KIND_DOCUMENT,
     "a tar header whose checksum fails is not a tar");

  /* Found in a directory or an archive (issue 15): what is not a document,
   * by its bytes, then its name; a PATH the user names is read as asked. */
  c = nx_input_classify("logo.html", "\x89PNG\r\n", 6, NX_INPUT_AUTO, true);
  OK(c.kind == NX_KIND_NOT_DOCUMENT && strcmp(c.what, "image") == 0,
     "a found PNG is an image whatever its name");
  c = nx_input_classify("site/js/app.JS", "var x;", 6, NX_INPUT_HTML, true);
  OK(c.kind == NX_KIND_NOT_DOCUMENT && strcmp(c.what, "script") == 0,
     "a found script is skipped even under --input-format html");
  c = nx_input_classify("site/manifest.json", "{\"name\":1}", 10,
                        NX_INPUT_AUTO, true);
  OK(c.kind == NX_KIND_NOT_DOCUMENT && strcmp(c.what, "site file") == 0,
     "a found manifest.json is a site file, not a dump");
  OK(kind("site/my-manifest.json", "{\"id\":1}", 8, NX_INPUT_AUTO) ==
         NX_KIND_JSONL,
     "a whole-name row needs the whole last part");
  c = nx_input_classify("app.js", "var x;", 6, NX_INPUT_AUTO, false);
  OK(c.kind == NX_KIND_DOCUMENT, "a named script is read as a document");
  c = nx_input_classify("a.gz", "\x1F\x8B\x08", 3, NX_INPUT_AUTO, true);
  OK(c.kind == NX_KIND_GZIP, "compression comes first: app.js.gz is opened");
  char blob[256];
  for (size_t i = 0; i < sizeof blob; i++)
    blob[i] = (char)i;
  c = nx_input_classify("x.txt", blob, sizeof blob, NX_INPUT_AUTO, true);
  OK(c.kind == NX_KIND_NOT_DOCUMENT && strcmp(c.what, "binary data") == 0,
     "found binary data is skipped");
  OK(!nx_input_looks_binary("\xFF\xFE" "a\0b\0", 6),
     "UTF-16 with its BOM is text, half NULs or not");

  inner("a.jsonl.gz", NX_KIND_GZIP, "a.jsonl");
  inner("a.TGZ", NX_KIND_GZIP, "a.tar");
  inner("a.tbz2", NX_KIND_BZIP2, "a.tar");
  inner("a.warc.zst", NX_KIND_ZSTD, "a.warc");
  inner("a.gz", NX_KIND_XZ, "a.gz");

  char *e = nx_utf8_escape("caf\xE9\\x.txt", 10);
  STR_EQ(e, "caf\\xe9\\x.txt", "names escape bytes that are not UTF-8");
  free(e);
  e = nx_utf8_escape("\xC3\xA9t\xC3", 4);
  STR_EQ(e, "\xC3\xA9t\\xc3", "a cut character is escaped, a whole one kept");
  free(e);
  HARNESS_END();
}
