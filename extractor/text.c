/* text.c: see text.h. utf8proc does NFKC and drops default-ignorable
 * characters (zero-width spaces, soft hyphens); fold() maps the
 * typographic look-alikes NFKC keeps distinct. */
#include "text.h"

#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
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

/* ---- the two forms of a paragraph -------------------------------------- */

/* Appends the page form of raw text: valid UTF-8 without NUL bytes, runs
 * of ASCII white space and control characters collapsed to one space,
 * the ends trimmed; every other character as the page has it. */
static nx_status add_page_form(const char *p, size_t len, struct nx_buf *out)
{
  if (nx_utf8_is_clean(p, len))
    return add_collapsed(out, p, len);
  struct nx_buf clean;
  nx_buf_init(&clean, 0);
  nx_status st = nx_utf8_repair(p, len, &clean, NULL);
  if (st == NX_OK)
    st = add_collapsed(out, clean.data ? clean.data : "", clean.len);
  nx_buf_free(&clean);
  return st;
}

/* The end of the run of page characters starting at p[i] that is folded
 * as a unit: a character and the combining marks after it, so that NFKC
 * composes "e" + U+0301 as it would in the whole text. */
static size_t unit_end(const char *p, size_t n, size_t i)
{
  size_t j = nx_utf8_next(p, n, i);
  while (j < n && (unsigned char)p[j] >= 0x80) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + j,
                                          (utf8proc_ssize_t)(n - j), &c);
    if (k <= 0 || utf8proc_get_property(c)->combining_class == 0)
      break;
    j += (size_t)k;
  }
  return j;
}

/* Appends the normalised form of the unit c[0, n) to tmp (emptied
 * first): often the unit itself. */
static void fold_unit(const char *c, size_t n, struct nx_buf *tmp)
{
  nx_buf_clear(tmp);
  size_t k;
  const char *as = simple_fold((const unsigned char *)c, n, &k);
  if (as != NULL && k == n) {
    nx_buf_add(tmp, as == as_is ? c : as, as == as_is ? n : strlen(as));
    return;
  }
  utf8proc_int32_t cp;
  utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)c,
                                          (utf8proc_ssize_t)n, &cp);
  if (len == (utf8proc_ssize_t)n) {
    /* One character that NFKC and fold() leave alone: most of CJK,
     * Arabic, Cyrillic. No allocation. */
    const utf8proc_property_t *pr = utf8proc_get_property(cp);
    if (pr->decomp_seqindex == UINT16_MAX && !pr->ignorable &&
        fold(cp, NULL) == cp) {
      nx_buf_add(tmp, c, n);
      return;
    }
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t m = utf8proc_map_custom(
      (const utf8proc_uint8_t *)c, (utf8proc_ssize_t)n, &mapped,
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE,
      fold, NULL);
  if (m < 0)
    nx_buf_add(tmp, c, n);
  else
    nx_buf_add(tmp, mapped, (size_t)m);
  free(mapped);
}

/* Normalising one paragraph's page text while recording where each piece
 * came from: blanks collapse across units, so a space waits ('pending')
 * until something follows it. Offsets in the map are relative to the
 * paragraph's start in both texts. */
struct folder {
  const char *page;
  struct nx_buf *out;
  size_t base; /* where the paragraph starts in out */
  struct nx_textmap *map;
  bool pending;
  size_t pend_from, pend_to; /* the page text the pending space stands for */
  nx_status st;
};

static void hold_space(struct folder *f, size_t from, size_t to)
{
  if (!f->pending) {
    f->pending = true;
    f->pend_from = from;
    f->pend_to = to;
  }
}

/* Writes the pending space, unless nothing has been written yet. */
static void put_space(struct folder *f)
{
  if (!f->pending)
    return;
  f->pending = false;
  size_t at = f->out->len - f->base;
  if (at == 0 || f->st != NX_OK)
    return;
  if (f->pend_to - f->pend_from == 1 && f->page[f->pend_from] == ' ')
    nx_textmap_same(f->map, at, f->pend_from, 1);
  else
    nx_textmap_add(f->map, at, f->pend_from, true);
  f->st = nx_buf_addc(f->out, ' ');
}

/* Writes page[from, to), which is its own normalised form. */
static void put_same(struct folder *f, size_t from, size_t to)
{
  put_space(f);
  if (f->st != NX_OK)
    return;
  nx_textmap_same(f->map, f->out->len - f->base, from, to - from);
  f->st = nx_buf_add(f->out, f->page + from, to - from);
}

/* Writes the normalised form 'norm' of the unit page[from, to). */
static void put_folded(struct folder *f, size_t from, size_t to,
                       const struct nx_buf *norm)
{
  const char *s = norm->data ? norm->data : "";
  size_t a = 0, e = norm->len;
  while (a < e && s[a] == ' ')
    a++;
  while (e > a && s[e - 1] == ' ')
    e--;
  if (a == e) {
    if (norm->len) /* a space of another kind */
      hold_space(f, from, to);
    return; /* a default-ignorable character: gone */
  }
  if (a > 0)
    hold_space(f, from, to);
  if (e - a == to - from && memcmp(s + a, f->page + from, to - from) == 0) {
    put_same(f, from, to);
  } else {
    put_space(f);
    if (f->st != NX_OK)
      return;
    nx_textmap_add(f->map, f->out->len - f->base, from, true);
    f->st = add_collapsed(f->out, s + a, e - a);
  }
  if (e < norm->len)
    hold_space(f, from, to);
}

/* Appends the normalised form of the page text p[0, n) (add_page_form's
 * output) to out, and its anchors to map, ending with one at the end of
 * both. */
static nx_status fold_mapped(const char *p, size_t n, struct nx_buf *out,
                             struct nx_textmap *map)
{
  struct folder f = {p, out, out->len, map, false, 0, 0, NX_OK};
  if (is_ascii(p, n)) {
    put_same(&f, 0, n); /* already collapsed: the same bytes */
  } else {
    struct nx_buf norm;
    nx_buf_init(&norm, 0);
    for (size_t i = 0; i < n && f.st == NX_OK;) {
      if (p[i] == ' ') {
        hold_space(&f, i, i + 1);
        i++;
        continue;
      }
      size_t j = i;
      while (j < n && (unsigned char)p[j] < 0x80 && p[j] != ' ')
        j++;
      if (j > i) { /* ASCII, but its last letter may take a mark */
        size_t end = j < n && (unsigned char)p[j] >= 0x80 &&
                             unit_end(p, n, j - 1) > j
                         ? j - 1
                         : j;
        if (end > i) {
          put_same(&f, i, end);
          i = end;
          continue;
        }
      }
      j = unit_end(p, n, i);
      fold_unit(p + i, j - i, &norm);
      put_folded(&f, i, j, &norm);
      i = j;
    }
    nx_buf_free(&norm);
  }
  if (f.st == NX_OK)
    nx_textmap_add(map, out->len - f.base, n, false);
  return f.st;
}

/* The normalised form is defined once, as a paragraph's: the page form,
 * then folded a unit at a time (so an example, a title and a document's
 * text can never be normalised two different ways). */
nx_status nx_text_normalize(const char *p, size_t len, struct nx_buf *out)
{
  struct nx_buf page;
  struct nx_textmap map;
  nx_buf_init(&page, 0);
  nx_textmap_init(&map);
  nx_status st = add_page_form(p, len, &page);
  if (st == NX_OK)
    st = fold_mapped(page.data ? page.data : "", page.len, out, &map);
  nx_buf_free(&page);
  nx_textmap_free(&map);
  return st;
}

void nx_paragraphs_init(struct nx_paragraphs *ps, size_t max_bytes)
{
  nx_buf_init(&ps->bytes, max_bytes);
  nx_buf_init(&ps->page, max_bytes);
  nx_textmap_init(&ps->map);
  ps->off = ps->len = ps->page_off = ps->page_len = NULL;
  ps->map_off = ps->map_n = NULL;
  ps->line_break = NULL;
  ps->n = ps->cap = 0;
}

void nx_paragraphs_clear(struct nx_paragraphs *ps)
{
  nx_buf_clear(&ps->bytes);
  nx_buf_clear(&ps->page);
  nx_textmap_clear(&ps->map);
  ps->n = 0;
}

void nx_paragraphs_free(struct nx_paragraphs *ps)
{
  nx_buf_free(&ps->bytes);
  nx_buf_free(&ps->page);
  nx_textmap_free(&ps->map);
  free(ps->off);
  free(ps->len);
  free(ps->page_off);
  free(ps->page_len);
  free(ps->map_off);
  free(ps->map_n);
  free(ps->line_break);
  nx_paragraphs_init(ps, 0);
}

nx_status nx_paragraphs_add(struct nx_paragraphs *ps, const char *p,
                            size_t len)
{
  return nx_paragraphs_add_after(ps, p, len, false);
}

/* Takes back a paragraph being added: both texts and the map end where
 * they did before it. */
static void take_back(struct nx_paragraphs *ps, size_t start,
                      size_t page_start, size_t map_start)
{
  if (ps->bytes.data)
    ps->bytes.data[ps->bytes.len = start] = '\0';
  if (ps->page.data)
    ps->page.data[ps->page.len = page_start] = '\0';
  ps->map.n = map_start;
}

nx_status nx_paragraphs_add_after(struct nx_paragraphs *ps, const char *p,
                                  size_t len, bool line_break)
{
  size_t start = ps->bytes.len, page_start = ps->page.len,
         map_start = ps->map.n;
  nx_status st = add_page_form(p, len, &ps->page);
  if (st == NX_OK)
    st = fold_mapped(ps->page.data + page_start, ps->page.len - page_start,
                     &ps->bytes, &ps->map);
  if (st != NX_OK || ps->bytes.len == start) {
    take_back(ps, start, page_start, map_start);
    return st;
  }
  if (ps->n == ps->cap) {
    ps->cap = ps->cap ? ps->cap * 2 : 32;
    ps->off = xrealloc(ps->off, ps->cap * sizeof *ps->off);
    ps->len = xrealloc(ps->len, ps->cap * sizeof *ps->len);
    ps->page_off = xrealloc(ps->page_off, ps->cap * sizeof *ps->page_off);
    ps->page_len = xrealloc(ps->page_len, ps->cap * sizeof *ps->page_len);
    ps->map_off = xrealloc(ps->map_off, ps->cap * sizeof *ps->map_off);
    ps->map_n = xrealloc(ps->map_n, ps->cap * sizeof *ps->map_n);
    ps->line_break = xrealloc(ps->line_break, ps->cap);
  }
  size_t i = ps->n++;
  ps->line_break[i] = line_break;
  ps->off[i] = start;
  ps->len[i] = ps->bytes.len - start;
  ps->page_off[i] = page_start;
  ps->page_len[i] = ps->page.len - page_start;
  ps->map_off[i] = map_start;
  ps->map_n[i] = ps->map.n - map_start;
  return NX_OK;
}

nx_status nx_paragraphs_from_text(struct nx_paragraphs *ps, const char *p,
                                  size_t len)
{
  /* Each line is repaired as it is normalised (nx_text_normalize). */
  nx_status st = NX_OK;
  size_t at = 0;
  bool after_line = false; /* the line before was not blank */
  while (at < len && st == NX_OK) {
    const char *nl = memchr(p + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - p) : len;
    size_t n = ps->n;
    st = nx_paragraphs_add_after(ps, p + at, end - at, after_line);
    after_line = ps->n > n;
    at = end + 1;
  }
  return st;
}

/* ---- abbreviations ----------------------------------------------------- */

#define ABBREV_MAX 15 /* longer words are never abbreviations */

struct abbrev {
  char word[ABBREV_MAX + 1]; /* lower case; "" for an empty slot */
  bool capital;              /* only a word that starts with a capital */
};

struct nx_abbrevs {
  struct abbrev *slots;
  size_t mask; /* slots - 1, a power of two minus one */
};

static size_t abbrev_hash(const char *w, size_t n)
{
  size_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)tolower((unsigned char)w[i])) * 16777619u;
  return h;
}

/* The slot of w[0, n) (lower-cased), empty if it is not in the set. */
static struct abbrev *abbrev_slot(const nx_abbrevs *ab, const char *w,
                                  size_t n)
{
  size_t i = abbrev_hash(w, n) & ab->mask;
  for (;; i = (i + 1) & ab->mask) {
    struct abbrev *a = &ab->slots[i];
    if (a->word[0] == '\0')
      return a;
    if (strlen(a->word) == n) {
      size_t k = 0;
      while (k < n && a->word[k] == tolower((unsigned char)w[k]))
        k++;
      if (k == n)
        return a;
    }
  }
}

nx_abbrevs *nx_abbrevs_new(const nx_wordlist *wl)
{
  nx_abbrevs *ab = xcalloc(1, sizeof *ab);
  size_t nforms = wl ? nx_wordlist_nforms(wl) : 0, size = 16;
  while (size < nforms * 2 + 1)
    size *= 2;
  ab->slots = xcalloc(size, sizeof *ab->slots);
  ab->mask = size - 1;
  for (size_t i = 0; i < nforms; i++) {
    const char *f = nx_wordlist_form(wl, i);
    size_t n = strlen(f);
    if (n && f[n - 1] == '.')
      n--;
    const char *dot = NULL; /* "U.S": what follows the last inner stop */
    for (size_t k = 0; k < n; k++)
      if (f[k] == '.')
        dot = f + k;
    if (dot) {
      n -= (size_t)(dot + 1 - f);
      f = dot + 1;
    }
    bool ascii = n > 0 && n <= ABBREV_MAX;
    for (size_t k = 0; k < n && ascii; k++)
      ascii = isalpha((unsigned char)f[k]);
    if (!ascii)
      continue; /* the scan at a full stop reads ASCII letters only */
    struct abbrev *a = abbrev_slot(ab, f, n);
    if (a->word[0] == '\0') {
      for (size_t k = 0; k < n; k++)
        a->word[k] = (char)tolower((unsigned char)f[k]);
      a->word[n] = '\0';
      a->capital = isupper((unsigned char)f[0]);
    } else if (!isupper((unsigned char)f[0]))
      a->capital = false; /* "No" and "no" both listed: either case */
  }
  return ab;
}

void nx_abbrevs_free(nx_abbrevs *ab)
{
  if (ab == NULL)
    return;
  free(ab->slots);
  free(ab);
}

bool nx_abbrevs_at(const nx_abbrevs *ab, const char *text, size_t dot)
{
  size_t start = dot;
  while (start > 0 && dot - start <= ABBREV_MAX &&
         isalpha((unsigned char)text[start - 1]))
    start--;
  size_t n = dot - start;
  if (n == 1)
    return true; /* an initial: "J. Smith", "U.S." */
  if (n == 0 || n > ABBREV_MAX || ab == NULL)
    return false;
  const struct abbrev *a = abbrev_slot(ab, text + start, n);
  return a->word[0] != '\0' &&
         (!a->capital || isupper((unsigned char)text[start]));
}

/* ---- line breaks --------------------------------------------------------- */

/* The last character of p[0, n) that is not a closing quote, or 0. */
static size_t last_significant(const char *p, size_t n)
{
  while (n > 0 && (p[n - 1] == '"' || p[n - 1] == '\''))
    n--;
  return n;
}

/* Rule 2 of nx_paragraphs_join: the line p[0, n) ends mid-sentence. */
static bool ends_mid_sentence(const nx_abbrevs *ab, const char *p, size_t n)
{
  size_t k = last_significant(p, n);
  if (k == 0)
    return false;
  unsigned char c = (unsigned char)p[k - 1];
  if (isalnum(c) || c >= 0x80 || c == ',' || c == '%' || c == ')' ||
      c == ']' || c == '&')
    return true;
  return c == '.' && nx_abbrevs_at(ab, p, k - 1);
}

static bool is_row(const char *p, size_t n)
{
  for (const char *bar = memchr(p, '|', n); bar;
       bar = memchr(bar + 1, '|', n - (size_t)(bar + 1 - p)))
    if (bar > p && bar[-1] == ' ' && bar + 1 < p + n && bar[1] == ' ')
      return true;
  return false;
}

/* Rule 3: the line p[0, n) starts an item (a bullet, a rule, a numbered
 * item, a "Label: " field). */
static bool starts_item(const char *p, size_t n)
{
  unsigned char c = (unsigned char)p[0];
  if (strchr("-*+#>|=_~", c))
    return true;
  static const char *const bullets[] = {"\xE2\x80\xA2", "\xC2\xB7",
                                        "\xE2\x96\xAA", "\xE2\x97\x8F",
                                        "\xE2\x96\xBA", "\xE2\x96\xA0"};
  for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++)
    if (n >= strlen(bullets[i]) &&
        memcmp(p, bullets[i], strlen(bullets[i])) == 0)
      return true;
  size_t k = 0;
  while (k < n && isdigit((unsigned char)p[k]))
    k++;
  if (k > 0 && k + 1 < n && (p[k] == '.' || p[k] == ')') && p[k + 1] == ' ')
    return true;
  k = 0;
  while (k < n && (isalnum((unsigned char)p[k]) || p[k] == '-' ||
                   p[k] == '_' || (unsigned char)p[k] >= 0x80))
    k++;
  return k > 0 && k < n && p[k] == ':' && (k + 1 == n || p[k + 1] == ' ');
}

/* Rules 2 and 3 for the lines a and b (b follows a single line break). */
static bool may_continue(const nx_abbrevs *ab, const char *a, size_t an,
                         const char *b, size_t bn)
{
  return ends_mid_sentence(ab, a, an) && !starts_item(b, bn) &&
         !is_row(a, an) && !is_row(b, bn);
}

/* Rule 4 without its last clause: b evidently continues a. */
static bool clearly_wrapped(const char *a, size_t an, const char *b)
{
  return (b[0] >= 'a' && b[0] <= 'z') || a[last_significant(a, an) - 1] == ',';
}

/* Paragraph i is kept and follows kept paragraph i - 1 after a single
 * line break. */
static bool follows_line(const struct nx_paragraphs *ps,
                         const unsigned char *keep, size_t i)
{
  return i > 0 && i < ps->n && ps->line_break[i] &&
         (keep == NULL || (keep[i] && keep[i - 1]));
}

/* The segmentation rule of text.h: paragraph i continues paragraph i - 1. */
static bool wraps(const struct nx_paragraphs *ps, const unsigned char *keep,
                  const nx_abbrevs *ab, size_t i)
{
  if (!follows_line(ps, keep, i))
    return false;
  const char *a = ps->bytes.data + ps->off[i - 1],
             *b = ps->bytes.data + ps->off[i];
  size_t an = ps->len[i - 1], bn = ps->len[i];
  if (!may_continue(ab, a, an, b, bn))
    return false;
  if (clearly_wrapped(a, an, b))
    return true;
  if (!follows_line(ps, keep, i + 1))
    return false;
  const char *c = ps->bytes.data + ps->off[i + 1];
  return may_continue(ab, b, bn, c, ps->len[i + 1]) &&
         clearly_wrapped(b, bn, c);
}

nx_status nx_paragraphs_join(const struct nx_paragraphs *ps,
                             const unsigned char *keep, const nx_abbrevs *ab,
                             struct nx_buf *out, struct nx_buf *page,
                             struct nx_textmap *map)
{
  nx_status st = nx_buf_add(out, "", 0);
  if (page) {
    nx_textmap_clear(map);
    if (st == NX_OK)
      st = nx_buf_add(page, "", 0);
  }
  bool first = true;
  for (size_t i = 0; i < ps->n && st == NX_OK; i++) {
    if (keep && !keep[i])
      continue;
    if (!first) {
      const char *sep = wraps(ps, keep, ab, i) ? " " : "\n\n";
      st = nx_buf_adds(out, sep);
      if (page && st == NX_OK)
        st = nx_buf_adds(page, sep);
    }
    if (page && st == NX_OK) {
      nx_textmap_append(map, ps->map.v + ps->map_off[i], ps->map_n[i],
                        out->len, page->len);
      st = nx_buf_add(page, ps->page.data + ps->page_off[i], ps->page_len[i]);
    }
    if (st == NX_OK)
      st = nx_buf_add(out, ps->bytes.data + ps->off[i], ps->len[i]);
    first = false;
  }
  return st;
}

/* ---- sentences ----------------------------------------------------------- */

/* True when a sentence ends just after text[i] ('.', '!' or '?'). */
static bool ends_sentence(const nx_abbrevs *ab, const char *text, size_t len,
                          size_t i)
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
  return c != '.' || !nx_abbrevs_at(ab, text, i);
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

void nx_text_sentence(const nx_abbrevs *ab, const char *text, size_t len,
                      size_t at, size_t *start, size_t *end)
{
  size_t lo, hi;
  context_window(text, len, at, &lo, &hi);
  size_t s = at < len ? at : len;
  while (s > lo && text[s - 1] != '\n' &&
         !(s >= 2 && ends_sentence(ab, text, len, s - 2)))
    s--;
  size_t e = at;
  while (e < hi && text[e] != '\n' && !ends_sentence(ab, text, len, e))
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
