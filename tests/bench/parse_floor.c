/* parse_floor.c: the floor for `make bench`. Reads the same inputs as
 * newsextract (a directory of pages, or a JSON Lines dump) and does only
 * what newsextract cannot avoid: read each document and parse it with
 * libxml2's HTML parser, then free the tree. Issue 8 asks that the whole
 * pipeline cost at most 1.3x this.
 *
 *   parse_floor [--read-only | --sax] [--jsonl] PATH...
 *
 * A PATH is a file, a directory (its regular files, not recursive: the
 * benchmark set is flat) or a JSON Lines dump (a name ending in .jsonl, or
 * any PATH with --jsonl; '-' is standard input). --read-only skips the
 * parse, so the floor of a plain-text dump is reading and JSON decoding.
 * --sax runs the same parser with SAX callbacks that do nothing, and no
 * tree: the tokenizer's share of the floor, for the table's second row.
 * Writes one line, "documents N bytes B", B counting article bytes only
 * (not JSON escapes), so rates over a directory and a dump compare. */
#include <dirent.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* The options of extractor/html.c: a different set (without COMPACT, say)
 * would make a floor that is not the parse we actually pay for. */
#define FLOOR_PARSE_OPTIONS                                                    \
  (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |           \
   HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE)

struct floor {
  bool read_only, sax;
  unsigned long long documents, bytes;
  int failed; /* inputs that could not be read */
};

static void ignore_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

static bool starts_ci(const char *p, size_t n, const char *word)
{
  size_t k = strlen(word);
  return n >= k && strncasecmp(p, word, k) == 0;
}

/* newsextract tells libxml2 "UTF-8" unless the page declares another
 * charset in its first 4 KB or starts with a UTF-16 byte order mark
 * (extractor/html.c); the floor makes the same choice because libxml2's
 * own sniffing takes a different, slower path through its encoders. */
static const char *page_encoding(const char *p, size_t len)
{
  if (len >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') ||
                   (p[0] == '\xFE' && p[1] == '\xFF')))
    return NULL;
  size_t head = len < 4096 ? len : 4096;
  for (size_t i = 0; i + 7 <= head; i++) {
    if (!starts_ci(p + i, head - i, "charset"))
      continue;
    size_t j = i + 7;
    while (j < head && strchr(" =\"'", p[j]))
      j++;
    return starts_ci(p + j, head - j, "utf-8") ||
                   starts_ci(p + j, head - j, "utf8")
               ? "UTF-8"
               : NULL;
  }
  return "UTF-8";
}

static void start_element(void *ctx, const xmlChar *name,
                          const xmlChar **attrs)
{
  (void)ctx;
  (void)name;
  (void)attrs;
}

static void end_element(void *ctx, const xmlChar *name)
{
  (void)ctx;
  (void)name;
}

static void characters(void *ctx, const xmlChar *text, int len)
{
  (void)ctx;
  (void)text;
  (void)len;
}

/* The parse with a SAX handler that keeps nothing. */
static void parse_sax(const char *p, size_t len, const char *encoding)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == NULL)
    return;
  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.initialized = 1;
  sax.startElement = start_element;
  sax.endElement = end_element;
  sax.characters = characters;
  sax.cdataBlock = characters;
  sax.ignorableWhitespace = characters;
  memcpy(ctxt->sax, &sax, sizeof sax);
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, p, (int)len, NULL, encoding,
                                      FLOOR_PARSE_OPTIONS);
  xmlFreeDoc(doc); /* none is built; NULL is a no-op */
  htmlFreeParserCtxt(ctxt);
}

static void parse(struct floor *f, const char *p, size_t len,
                  const char *encoding)
{
  f->documents++;
  f->bytes += len;
  if (f->read_only || len > INT_MAX)
    return;
  if (f->sax) {
    parse_sax(p, len, encoding);
    return;
  }
  htmlDocPtr doc =
      htmlReadMemory(p, (int)len, NULL, encoding, FLOOR_PARSE_OPTIONS);
  xmlFreeDoc(doc); /* NULL is a no-op */
}

/* Reads all of 'path'; returns a new buffer (the caller frees it) or NULL. */
static char *slurp(const char *path, size_t *len)
{
  FILE *fp = fopen(path, "rb");
  if (fp == NULL)
    return NULL;
  char *data = NULL;
  struct stat st;
  if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) {
    /* One byte more than the size, so a file that grew is still read. */
    size_t cap = (size_t)st.st_size + 1;
    data = malloc(cap);
    if (data) {
      *len = fread(data, 1, cap, fp);
      if (ferror(fp)) {
        free(data);
        data = NULL;
      }
    }
  }
  fclose(fp);
  return data;
}

static void read_file(struct floor *f, const char *path)
{
  size_t len = 0;
  char *data = slurp(path, &len);
  if (data == NULL) {
    fprintf(stderr, "parse_floor: %s: cannot read\n", path);
    f->failed++;
    return;
  }
  parse(f, data, len, page_encoding(data, len));
  free(data);
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* In name order, as newsextract walks a directory, so both read the disk
 * the same way. */
static void read_dir(struct floor *f, const char *path)
{
  DIR *d = opendir(path);
  if (d == NULL) {
    fprintf(stderr, "parse_floor: %s: cannot open directory\n", path);
    f->failed++;
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      char **grown = realloc(names, cap * sizeof *names);
      if (grown == NULL)
        break;
      names = grown;
    }
    size_t need = strlen(path) + strlen(e->d_name) + 2;
    names[n] = malloc(need);
    if (names[n] == NULL)
      break;
    snprintf(names[n++], need, "%s/%s", path, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) {
    read_file(f, names[i]);
    free(names[i]);
  }
  free(names);
}

/* The article is the first of newsextract's default fields that holds a
 * string; "html" is parsed as HTML, the others are plain text, which the
 * floor parses too unless --read-only. */
static void read_line(struct floor *f, const char *line, size_t len)
{
  static const char *const fields[] = {"html", "content", "text", "body"};
  json_error_t jerr;
  json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
  if (obj == NULL)
    return;
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
    json_t *v = json_object_get(obj, fields[i]);
    if (json_is_string(v)) {
      /* A JSON string is UTF-8 by definition (RFC 8259). */
      parse(f, json_string_value(v), json_string_length(v), "UTF-8");
      break;
    }
  }
  json_decref(obj);
}

static void read_jsonl(struct floor *f, const char *path)
{
  FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (fp == NULL) {
    fprintf(stderr, "parse_floor: %s: cannot open\n", path);
    f->failed++;
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, fp)) > 0)
    read_line(f, line, (size_t)n);
  free(line);
  if (fp != stdin)
    fclose(fp);
}

static bool ends_with(const char *s, const char *tail)
{
  size_t n = strlen(s), k = strlen(tail);
  return n >= k && strcmp(s + n - k, tail) == 0;
}

int main(int argc, char **argv)
{
  struct floor f = {false, false, 0, 0, 0};
  bool jsonl = false;
  int first = 1;
  for (; first < argc && strncmp(argv[first], "--", 2) == 0; first++) {
    if (strcmp(argv[first], "--read-only") == 0)
      f.read_only = true;
    else if (strcmp(argv[first], "--sax") == 0)
      f.sax = true;
    else if (strcmp(argv[first], "--jsonl") == 0)
      jsonl = true;
    else {
      fprintf(stderr, "usage: parse_floor [--read-only | --sax] [--jsonl] PATH...\n");
      return 2;
    }
  }
  xmlInitParser();
  /* As newsextract does: libxml2 reports nothing we would act on. */
  xmlSetGenericErrorFunc(NULL, ignore_error);
  for (int i = first; i < argc; i++) {
    struct stat st;
    if (jsonl || ends_with(argv[i], ".jsonl") || strcmp(argv[i], "-") == 0)
      read_jsonl(&f, argv[i]);
    else if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
      read_dir(&f, argv[i]);
    else
      read_file(&f, argv[i]);
  }
  xmlCleanupParser();
  printf("documents %llu bytes %llu\n", f.documents, f.bytes);
  return f.failed ? 1 : 0;
}
