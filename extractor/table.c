/* table.c: see table.h. */
#include "table.h"

#include "rules_impl.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NO_COLUMN ((unsigned)-1)
#define MAX_CELLS 32
#define MAX_LABEL 40 /* a cell's label is at most this long: "Target price:" */

/* One cell of a row: its text, and the span of the mark that stands
 * before it (the '|' before it, or an empty span at the row's start). */
struct cell {
  size_t start, end;
  size_t mark_start, mark_end;
};

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void trim(const char *text, size_t *start, size_t *end)
{
  while (*start < *end && is_space(text[*start]))
    (*start)++;
  while (*end > *start && is_space(text[*end - 1]))
    (*end)--;
}

/* Splits the line text[start, end) at its '|'s into at most MAX_CELLS
 * cells; returns how many. A line that starts with '|' has a border: that
 * '|' is the first cell's mark. */
static size_t split_row(const char *text, size_t start, size_t end,
                        struct cell *cells)
{
  while (start < end && is_space(text[start]))
    start++;
  size_t n = 0, at = start, mark = start;
  if (at < end && text[at] == '|')
    at++;
  while (n < MAX_CELLS) {
    const char *bar = memchr(text + at, '|', end - at);
    size_t stop = bar ? (size_t)(bar - text) : end;
    cells[n++] = (struct cell){at, stop, mark, mark == at ? at : mark + 1};
    if (!bar)
      break;
    mark = stop;
    at = stop + 1;
  }
  return n;
}

/* The mention code of the column type a list entry names, or NO_COLUMN. */
static unsigned entry_code(const nx_ruleset *rs, const struct nx_word *w)
{
  size_t t = w && w->value ? nx_ruleset_type_index(rs, w->value) : (size_t)-1;
  if (t == (size_t)-1 || !rs->types[t]->mention)
    return NO_COLUMN;
  return rs->types[t]->mention_code;
}

/* The mention code of the column a header word names, or NO_COLUMN. */
static unsigned column_code(const nx_ruleset *rs, const nx_wordlist *wl,
                            const char *text, size_t start, size_t end)
{
  trim(text, &start, &end);
  if (start == end)
    return NO_COLUMN;
  return entry_code(rs, nx_wordlist_find(wl, text + start, end - start));
}

void nx_table_mark_add(struct nx_table_marks *out, size_t start, size_t end,
                       unsigned code)
{
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 32;
    out->v = xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = (struct nx_table_mark){start, end, code};
}

/* A header: at least two cells name columns, and more than half of the
 * cells that hold words do. Fills codes[] for each cell. */
static bool is_header(const nx_ruleset *rs, const nx_wordlist *wl,
                      const char *text, const struct cell *cells, size_t n,
                      unsigned *codes)
{
  size_t named = 0, words = 0;
  for (size_t i = 0; i < n; i++) {
    size_t s = cells[i].start, e = cells[i].end;
    trim(text, &s, &e);
    codes[i] = column_code(rs, wl, text, s, e);
    words += s < e;
    named += codes[i] != NO_COLUMN;
  }
  return named >= 2 && 2 * named > words;
}

/* The rule line under a markdown header: "|---|:---:|". */
static bool is_rule_line(const char *text, size_t start, size_t end)
{
  bool dash = false;
  for (size_t i = start; i < end; i++) {
    if (text[i] == '-')
      dash = true;
    else if (!is_space(text[i]) && text[i] != '|' && text[i] != ':')
      return false;
  }
  return dash;
}

/* A row whose cells label themselves: two or more cells after the first
 * start with a word of the list and a colon. Marks each labelled cell
 * through its colon, and an unlabelled first cell as the row's subject. */
static void labelled_row(const nx_ruleset *rs, const nx_wordlist *wl,
                         const char *text, const struct cell *cells, size_t n,
                         struct nx_table_marks *out)
{
  size_t colon[MAX_CELLS];
  unsigned codes[MAX_CELLS];
  size_t labelled = 0;
  for (size_t i = 0; i < n; i++) {
    codes[i] = NO_COLUMN;
    size_t s = cells[i].start, e = cells[i].end;
    trim(text, &s, &e);
    size_t span = e - s < MAX_LABEL ? e - s : MAX_LABEL;
    const char *c = memchr(text + s, ':', span);
    if (c == NULL)
      continue;
    colon[i] = (size_t)(c - text);
    codes[i] = column_code(rs, wl, text, s, colon[i]);
    labelled += i > 0 && codes[i] != NO_COLUMN;
  }
  if (labelled < 2)
    return;
  unsigned subject = entry_code(rs, nx_wordlist_find(wl, "company", 7));
  if (codes[0] == NO_COLUMN && subject != NO_COLUMN)
    nx_table_mark_add(out, cells[0].mark_start, cells[0].mark_end, subject);
  for (size_t i = 0; i < n; i++)
    if (codes[i] != NO_COLUMN)
      nx_table_mark_add(out, cells[i].mark_start, colon[i] + 1, codes[i]);
}

/* The next line of text[0, len) at or after *at that holds a character
 * other than white space: its bounds. False at the end of the text. */
static bool next_line(const char *text, size_t len, size_t *at, size_t *start,
                      size_t *end)
{
  while (*at < len) {
    const char *nl = memchr(text + *at, '\n', len - *at);
    size_t s = *at, e = nl ? (size_t)(nl - text) : len;
    *at = nl ? e + 1 : len;
    size_t ts = s, te = e;
    trim(text, &ts, &te);
    if (ts < te) {
      *start = s;
      *end = e;
      return true;
    }
  }
  return false;
}

void nx_table_marks(const nx_ruleset *rs, const char *text, size_t len,
                    struct nx_table_marks *out)
{
  const nx_wordlist *wl = nx_ruleset_list(rs, "table_columns");
  if (wl == NULL || memchr(text, '|', len) == NULL)
    return;
  struct cell cells[MAX_CELLS];
  unsigned head[MAX_CELLS], codes[MAX_CELLS];
  /* A column the header does not name: the list's entry "*". */
  unsigned other = entry_code(rs, nx_wordlist_find(wl, "*", 1));
  size_t ncols = 0; /* columns of the header in force; 0: none */
  bool bordered = false;
  size_t at = 0, ls, le;
  size_t pending = 0, pending_end = 0; /* a short row's next cell index */
  while (next_line(text, len, &at, &ls, &le)) {
    if (memchr(text + ls, '|', le - ls) == NULL) {
      ncols = pending = 0;
      continue;
    }
    size_t n = split_row(text, ls, le, cells);
    if (is_header(rs, wl, text, cells, n, codes)) {
      memcpy(head, codes, n * sizeof *codes);
      ncols = n;
      while (ncols && head[ncols - 1] == NO_COLUMN)
        ncols--;
      bordered = text[cells[0].mark_start] == '|';
      pending = 0;
      continue;
    }
    if (ncols == 0) {
      labelled_row(rs, wl, text, cells, n, out);
      continue;
    }
    if (is_rule_line(text, ls, le))
      continue;
    /* A row cut short by a line break inside a cell goes on in the next
     * line that starts with '|': that '|' marks the cell after the last
     * one, and its mark takes the line break in, so that the row is one
     * line of the mention text. */
    size_t first = 0;
    if (pending && !bordered && text[cells[0].mark_start] == '|') {
      first = pending;
      cells[0].mark_start = pending_end;
    }
    for (size_t i = 0; i < n && first + i < ncols; i++) {
      unsigned code = head[first + i] != NO_COLUMN ? head[first + i] : other;
      if (code != NO_COLUMN)
        nx_table_mark_add(out, cells[i].mark_start, cells[i].mark_end, code);
    }
    size_t s = cells[n - 1].start, e = cells[n - 1].end;
    trim(text, &s, &e);
    pending = first + n < ncols && n > 1 && s == e ? first + n : 0;
    pending_end = le;
  }
}

void nx_table_marks_free(struct nx_table_marks *m)
{
  free(m->v);
  memset(m, 0, sizeof *m);
}

nx_status nx_table_check(const nx_ruleset *rs, struct nx_error *err)
{
  const nx_wordlist *wl = nx_ruleset_list(rs, "table_columns");
  size_t n = wl ? nx_wordlist_nforms(wl) : 0;
  for (size_t i = 0; i < n; i++) {
    const char *form = nx_wordlist_form(wl, i);
    const struct nx_word *w = nx_wordlist_find(wl, form, strlen(form));
    if (entry_code(rs, w) == NO_COLUMN)
      return nx_fail(err, NX_ESYNTAX, "lists/table_columns.list", 0, 0,
                     "the column '%s' names no mention type ('%s')", form,
                     w && w->value ? w->value : "");
  }
  return NX_OK;
}
