/* text.c: see text.h. utf8proc does NFKC and drops default-ignorable
 * characters (zero-width spaces, soft hyphens); fold() maps the
 * typographic look-alikes NFKC keeps distinct. */
#include "text.h"

#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static utf8proc_int32_t fold(utf8proc_int32_t c, void *data)
{
  (void)data;
  switch (c) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B:
  case 0x2032: case 0x2035: case 0x02BC:
    return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x201F:
  case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:
    return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
    return '-';
  case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
  case '\t': case '\n': case '\r': case '\f': case '\v':
    return ' ';
  case 0x2060: case 0xFEFF:
    return 0x200B; /* default-ignorable: UTF8PROC_IGNORE drops it */
  default:
    if (c >= 0x2000 && c <= 0x200A)
      return ' ';
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
      return ' '; /* control characters never help a rule */
    return c;
  }
}

/* A space, or an ASCII control character (read as a space). */
static bool is_blank(char c)
{
  unsigned char u = (unsigned char)c;
  return u <= ' ' || u == 0x7F;
}

/* Appends s[0, len) with runs of blanks collapsed to one space and the
 * ends trimmed. */
static nx_status add_collapsed(struct nx_buf *out, const char *s, size_t len)
{
  size_t start = out->len;
  nx_status st = NX_OK;
  bool space = false;
  for (size_t i = 0; i < len && st == NX_OK; i++) {
    if (is_blank(s[i])) {
      space = true;
      continue;
    }
    if (space && out->len > start)
      st = nx_buf_addc(out, ' ');
    space = false;
    if (st == NX_OK) {
      size_t j = i + 1;
      while (j < len && !is_blank(s[j]))
        j++;
      st = nx_buf_add(out, s + i, j - i);
      i = j - 1;
    }
  }
  return st;
}

/* Plain ASCII is its own NFKC form: only control characters need folding,
 * and add_collapsed treats them as spaces. Most news paragraphs take this
 * path and skip utf8proc's allocation and decomposition. */
static bool is_ascii(const char *p, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)p[i] >= 0x80)
      return false;
  return true;
}

static const char as_is[] = ""; /* simple_fold: the character stays */

/* What NFKC and fold() make of the typographic characters English news is
 * full of (quotes, dashes, spaces, the ellipsis) and of the Latin-1
 * letters, which NFKC keeps (as_is); NULL for any other character. 'n'
 * is its length in bytes (2 or 3). */
static const char *simple_fold(const unsigned char *c, size_t left, size_t *n)
{
  if (c[0] == 0xC2 && left >= 2) {
    *n = 2;
    switch (c[1]) {
    case 0xA0: return " ";
    case 0xAB: case 0xBB: return "\"";
    case 0xAD: return ""; /* soft hyphen: default-ignorable */
    default: return NULL;
    }
  }
  if (c[0] == 0xC3 && left >= 2 && c[1] >= 0x80 && c[1] <= 0xBF) {
    *n = 2; /* U+00C0..U+00FF: letters, and the times and divide signs */
    return as_is;
  }
  if (c[0] != 0xE2 || left < 3 || c[1] != 0x80)
    return NULL;
  *n = 3;
  unsigned char b = c[2];
  if (b >= 0x80 && b <= 0x8A) return " "; /* U+2000..U+200A */
  if (b == 0x8B) return "";                 /* zero-width space */
  if (b >= 0x90 && b <= 0x95) return "-";
  if (b >= 0x98 && b <= 0x9B) return "'";
  if (b >= 0x9C && b <= 0x9F) return "\"";
  if (b == 0xA6) return "...";
  if (b == 0xAF) return " ";
  if (b == 0xB2 || b == 0xB5) return "'";
  if (b == 0xB3 || b == 0xB6) return "\"";
  return NULL;
}

/* nx_text_normalize for text that is ASCII but for the characters
 * simple_fold knows, without utf8proc: false (and nothing added) when
 * another character occurs. A Latin-1 letter is copied as it is, which NFC
 * would keep too: no combining mark can follow it here. */
static bool normalize_simple(const char *p, size_t len, struct nx_buf *tmp)
{
  for (size_t i = 0; i < len;) {
    const unsigned char *c = (const unsigned char *)p + i;
    if (*c < 0x80) {
      size_t j = i + 1;
      while (j < len && (unsigned char)p[j] < 0x80)
        j++;
      nx_buf_add(tmp, p + i, j - i);
      i = j;
      continue;
    }
    size_t n;
    const char *as = simple_fold(c, len - i, &n);
    if (as == NULL)
      return false;
    if (as == as_is)
      nx_buf_add(tmp, p + i, n);
    else
      nx_buf_adds(tmp, as);
    i += n;
  }
  return true;
}

nx_status nx_text_normalize(const char *p, size_t len, struct nx_buf *out)
{
  if (len == 0)
    return NX_OK;
  if (is_ascii(p, len))
    return add_collapsed(out, p, len);
  struct nx_buf simple;
  nx_buf_init(&simple, 0);
  if (normalize_simple(p, len, &simple)) {
    nx_status st = add_collapsed(out, simple.data ? simple.data : "",
                                 simple.len);
    nx_buf_free(&simple);
    return st;
  }
  nx_buf_free(&simple);
  /* Callers repair their input, but the output must be valid UTF-8
   * whatever comes in (PCRE2 matches it with PCRE2_NO_UTF_CHECK). */
  struct nx_buf clean;
  nx_buf_init(&clean, 0);
  if (!nx_utf8_is_clean(p, len)) {
    nx_utf8_repair(p, len, &clean);
    p = clean.data ? clean.data : "";
    len = clean.len;
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map_custom(
      (const utf8proc_uint8_t *)p, (utf8proc_ssize_t)len, &mapped,
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE,
      fold, NULL);
  nx_status st = n < 0 ? add_collapsed(out, p, len)
                       : add_collapsed(out, (const char *)mapped, (size_t)n);
  free(mapped);
  nx_buf_free(&clean);
  return st;
}

void nx_paragraphs_init(struct nx_paragraphs *ps, size_t max_bytes)
{
  nx_buf_init(&ps->bytes, max_bytes);
  ps->off = ps->len = NULL;
  ps->n = ps->cap = 0;
}

void nx_paragraphs_clear(struct nx_paragraphs *ps)
{
  nx_buf_clear(&ps->bytes);
  ps->n = 0;
}

void nx_paragraphs_free(struct nx_paragraphs *ps)
{
  nx_buf_free(&ps->bytes);
  free(ps->off);
  free(ps->len);
  ps->off = ps->len = NULL;
  ps->n = ps->cap = 0;
}

nx_status nx_paragraphs_add(struct nx_paragraphs *ps, const char *p,
                            size_t len)
{
  size_t start = ps->bytes.len;
  nx_status st = nx_text_normalize(p, len, &ps->bytes);
  if (st != NX_OK || ps->bytes.len == start)
    return st;
  if (ps->n == ps->cap) {
    ps->cap = ps->cap ? ps->cap * 2 : 32;
    ps->off = xrealloc(ps->off, ps->cap * sizeof *ps->off);
    ps->len = xrealloc(ps->len, ps->cap * sizeof *ps->len);
  }
  ps->off[ps->n] = start;
  ps->len[ps->n] = ps->bytes.len - start;
  ps->n++;
  return NX_OK;
}

nx_status nx_paragraphs_from_text(struct nx_paragraphs *ps, const char *p,
                                  size_t len)
{
  /* Each line is repaired as it is normalised (nx_text_normalize). */
  nx_status st = NX_OK;
  size_t at = 0;
  while (at < len && st == NX_OK) {
    const char *nl = memchr(p + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - p) : len;
    st = nx_paragraphs_add(ps, p + at, end - at);
    at = end + 1;
  }
  return st;
}

nx_status nx_paragraphs_join(const struct nx_paragraphs *ps,
                             const unsigned char *keep, struct nx_buf *out)
{
  nx_status st = nx_buf_add(out, "", 0);
  bool first = true;
  for (size_t i = 0; i < ps->n && st == NX_OK; i++) {
    if (keep && !keep[i])
      continue;
    if (!first)
      st = nx_buf_add(out, "\n\n", 2);
    if (st == NX_OK)
      st = nx_buf_add(out, ps->bytes.data + ps->off[i], ps->len[i]);
    first = false;
  }
  return st;
}

static bool is_abbreviation(const char *text, size_t dot)
{
  static const char *const words[] = {"Inc", "Corp", "Co", "Ltd", "Mr",
                                      "Mrs", "Ms",   "Dr", "St", "vs",
                                      "No",  "Jr",   "Sr", "Plc", "Cos",
                                      "Bros", "Mt", "approx", NULL};
  size_t start = dot;
  while (start > 0 && isalpha((unsigned char)text[start - 1]))
    start--;
  size_t n = dot - start;
  if (n == 1)
    return true; /* an initial: "J. Smith", "U.S." */
  for (const char *const *w = words; *w; w++)
    if (strlen(*w) == n && strncmp(text + start, *w, n) == 0)
      return true;
  return false;
}

/* True when a sentence ends just after text[i] ('.', '!' or '?'). */
static bool ends_sentence(const char *text, size_t len, size_t i)
{
  char c = text[i];
  if (c != '.' && c != '!' && c != '?')
    return false;
  if (i + 2 >= len || text[i + 1] != ' ')
    return false;
  unsigned char next = (unsigned char)text[i + 2];
  if (!(isupper(next) || isdigit(next) || next == '"' || next == '\'' ||
        next >= 0x80))
    return false;
  return c != '.' || !is_abbreviation(text, i);
}

/* The window [*lo, *hi) of at most NX_CONTEXT_MAX bytes on each side of
 * 'at', on character boundaries. */
static void context_window(const char *text, size_t len, size_t at,
                           size_t *lo, size_t *hi)
{
  if (at > len)
    at = len;
  *lo = at > NX_CONTEXT_MAX ? nx_utf8_floor(text, len, at - NX_CONTEXT_MAX) : 0;
  *hi = len - at > NX_CONTEXT_MAX ? nx_utf8_floor(text, len, at + NX_CONTEXT_MAX)
                                  : len;
}

void nx_text_sentence(const char *text, size_t len, size_t at, size_t *start,
                      size_t *end)
{
  size_t lo, hi;
  context_window(text, len, at, &lo, &hi);
  size_t s = at < len ? at : len;
  while (s > lo && text[s - 1] != '\n' &&
         !(s >= 2 && ends_sentence(text, len, s - 2)))
    s--;
  size_t e = at;
  while (e < hi && text[e] != '\n' && !ends_sentence(text, len, e))
    e++;
  if (e < hi && text[e] != '\n')
    e++; /* keep the full stop */
  *start = s;
  *end = e;
}

void nx_text_paragraph(const char *text, size_t len, size_t at,
                       size_t *start, size_t *end)
{
  size_t lo, hi;
  context_window(text, len, at, &lo, &hi);
  size_t s = at < len ? at : len;
  while (s > lo && text[s - 1] != '\n')
    s--;
  size_t e = at;
  while (e < hi && text[e] != '\n')
    e++;
  *start = s;
  *end = e;
}
