/* rows.c: see rows.h. */
#include "rows.h"

#include "rules_impl.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NO_CODE ((unsigned)-1)
#define MAX_COLS 16
#define MAX_LABEL 40   /* a header label is at most this long: "Recent price" */
#define MAX_ROW_LINE 160 /* a longer line is prose: it ends a table */
#define MIN_ROWS 3      /* fewer rows are not a table a reader can trust */
#define MAX_BREAKS 64   /* line breaks inside one row */

/* What a cell holds. */
enum kind { K_TEXT, K_BROKER, K_RATING, K_MONEY, K_NUM, K_PCT, K_DATE,
            K_TICKER, K_WORD /* another mention: a verb, "target" */ };

/* The type of a column: table_columns.list's types, in this order. */
enum role { R_COMPANY, R_SYMBOL, R_BROKER, R_RATING, R_OLD_RATING, R_TARGET,
            R_OLD_TARGET, R_PRICE, R_CHANGE, R_DATE, R_MOVE, R_ACTION,
            R_OTHER, NROLES };

static const char *const role_type[NROLES] = {
    "COL_COMPANY", "COL_SYMBOL", "COL_BROKER", "COL_RATING", "COL_OLD_RATING",
    "COL_TARGET", "COL_OLD_TARGET", "COL_PRICE", "COL_CHANGE", "COL_DATE",
    "COL_MOVE", "COL_ACTION", "COL_OTHER"};

/* The kinds a column of each type takes (1 << kind); 0: any kind. */
static const unsigned role_takes[NROLES] = {
    [R_COMPANY] = 1u << K_TEXT | 1u << K_WORD,
    [R_SYMBOL] = 1u << K_TICKER | 1u << K_TEXT,
    [R_BROKER] = 1u << K_BROKER | 1u << K_TEXT | 1u << K_WORD,
    [R_RATING] = 1u << K_RATING,
    [R_OLD_RATING] = 1u << K_RATING,
    [R_TARGET] = 1u << K_MONEY | 1u << K_NUM,
    [R_OLD_TARGET] = 1u << K_MONEY | 1u << K_NUM,
    [R_PRICE] = 1u << K_MONEY | 1u << K_NUM,
    [R_CHANGE] = 1u << K_PCT | 1u << K_NUM | 1u << K_MONEY,
    [R_DATE] = 1u << K_DATE,
};

struct cell {
  size_t start, end;
  enum kind kind;
  bool gap;    /* a tab or a run of spaces (or the line's start) before it */
  bool ticker; /* a run of words that ends in a bracketed ticker */
};

struct line {
  size_t start, end;  /* without the line break */
  size_t first, n;    /* its cells in the reader's array */
  bool bar;           /* holds a '|': table.c's */
};

struct reader {
  const nx_ruleset *rs;
  const char *text;
  const struct nx_table_mark *atoms;
  size_t natoms;
  unsigned code[NROLES];            /* mention code of each column type */
  unsigned money, rating, broker, target; /* codes of those mentions */
  const nx_wordlist *columns, *months;
  struct cell *cells;
  size_t ncells, capcells;
  struct line *lines;
  size_t nlines, caplines;
  struct nx_table_marks *out;
};

static unsigned type_code(const nx_ruleset *rs, const char *name)
{
  size_t t = nx_ruleset_type_index(rs, name);
  if (t == (size_t)-1 || !rs->types[t]->mention)
    return NO_CODE;
  return rs->types[t]->mention_code;
}

/* The column type a header label names, or NROLES. */
static enum role label_role(const struct reader *r, size_t start, size_t end)
{
  const struct nx_word *w =
      nx_wordlist_find(r->columns, r->text + start, end - start);
  if (w == NULL || w->value == NULL)
    return NROLES;
  for (int i = 0; i < NROLES; i++)
    if (strcmp(w->value, role_type[i]) == 0)
      return (enum role)i;
  return NROLES;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A number "1,025.50", "-3.91": the end of it at 'at', or 'at'. */
static size_t number_end(const char *s, size_t at, size_t end)
{
  size_t i = at;
  if (i < end && (s[i] == '-' || s[i] == '+'))
    i++;
  if (i >= end || !is_digit(s[i]))
    return at;
  while (i < end && (is_digit(s[i]) ||
                     ((s[i] == ',' || s[i] == '.') && i + 1 < end &&
                      is_digit(s[i + 1]))))
    i++;
  return i;
}

/* The end of the word at 'at' (up to a blank or the line's end). */
static size_t word_end(const char *s, size_t at, size_t end)
{
  while (at < end && !is_blank(s[at]))
    at++;
  return at;
}

/* Whether text[start, end) is the word 'w', whole. */
static bool word_is(const char *s, size_t start, size_t end, const char *w)
{
  return end - start == strlen(w) && memcmp(s + start, w, end - start) == 0;
}

static size_t skip_blanks(const char *s, size_t at, size_t end)
{
  while (at < end && is_blank(s[at]))
    at++;
  return at;
}

static bool is_month(const struct reader *r, size_t start, size_t end)
{
  if (end > start && r->text[end - 1] == '.')
    end--; /* "Sept." */
  return r->months && end > start &&
         nx_wordlist_find(r->months, r->text + start, end - start);
}

/* A bracketed ticker "(AAL)", "(RR.)", "(ASX: CXO)" at 'at': its end, or
 * 'at'. */
static size_t ticker_end(const char *s, size_t at, size_t end)
{
  if (at >= end || s[at] != '(')
    return at;
  size_t i = at + 1, letters = 0;
  while (i < end && i < at + 24 && s[i] != ')') {
    if (is_upper(s[i]) || is_digit(s[i]))
      letters++;
    else if (s[i] != '.' && s[i] != ':' && s[i] != ' ')
      return at;
    i++;
  }
  return i < end && s[i] == ')' && letters >= 1 ? i + 1 : at;
}

/* Reads one cell of the line at 'at' (past blanks): a mention, or a
 * shape read here, or one word of text. Sets *kind; returns its end. */
static size_t read_token(const struct reader *r, size_t *ai, size_t at,
                         size_t end, enum kind *kind)
{
  const char *s = r->text;
  while (*ai < r->natoms && r->atoms[*ai].start < at)
    (*ai)++;
  if (*ai < r->natoms && r->atoms[*ai].start == at) {
    unsigned c = r->atoms[*ai].code;
    *kind = c == r->money    ? K_MONEY
            : c == r->rating ? K_RATING
            : c == r->broker ? K_BROKER
                             : K_WORD;
    size_t e = r->atoms[*ai].end;
    return e < end ? e : end;
  }
  size_t e = ticker_end(s, at, end);
  if (e > at) {
    *kind = K_TICKER;
    return e;
  }
  size_t w = word_end(s, at, end);
  size_t n = number_end(s, at, w);
  if (n > at) {
    size_t next = skip_blanks(s, n, end), next_end = word_end(s, next, end);
    if (n < w && s[n] == '%' && n + 1 == w) {
      *kind = K_PCT;
      return w;
    }
    if (n == w && (word_is(s, next, next_end, "c") ||
                   word_is(s, next, next_end, "cent") ||
                   word_is(s, next, next_end, "cents"))) {
      *kind = K_MONEY; /* "99 c": cents */
      return next_end;
    }
    if (n + 1 == w && s[n] == 'c') {
      *kind = K_MONEY; /* "99c" */
      return w;
    }
    if (n == w && n - at <= 2 && is_month(r, next, next_end)) {
      *kind = K_DATE; /* "31 July" */
      return next_end;
    }
    if (n == w) {
      *kind = K_NUM;
      return w;
    }
  }
  if (is_month(r, at, w)) {
    size_t next = skip_blanks(s, w, end);
    size_t d = number_end(s, next, end);
    if (d > next && d - next <= 3) {
      *kind = K_DATE; /* "July 31" */
      return d < end && s[d] == ',' ? d + 1 : d;
    }
  }
  *kind = K_TEXT;
  return w > at ? w : at + 1;
}

static void add_cell(struct reader *r, struct cell c)
{
  if (r->ncells == r->capcells) {
    r->capcells = r->capcells ? 2 * r->capcells : 256;
    r->cells = xrealloc(r->cells, r->capcells * sizeof *r->cells);
  }
  r->cells[r->ncells++] = c;
}

/* An arrow or "to" between an old and a new value. */
static bool is_arrow(const char *s, size_t start, size_t end)
{
  static const char *const arrows[] = {"\xE2\x86\x92", "\xE2\x9E\x9D", "->",
                                       "=>", ">", "to"};
  for (size_t i = 0; i < sizeof arrows / sizeof *arrows; i++)
    if (word_is(s, start, end, arrows[i]))
      return true;
  return false;
}

/* A kind that a move from an old to a new value is written with. */
static bool is_value(enum kind k)
{
  return k == K_RATING || k == K_MONEY || k == K_NUM;
}

/* Cuts the line [start, end) into cells: a run of words is one cell up to
 * a gap (a tab or two spaces) or another kind; a ticker after words joins
 * them ("Anglo American (AAL)"); an old and a new value with an arrow
 * between are one cell ("Hold → Buy"), which the frames read as a move. */
static void read_line(struct reader *r, size_t *ai, struct line *ln)
{
  const char *s = r->text;
  ln->first = r->ncells;
  size_t at = ln->start;
  while (at < ln->end) {
    size_t b = skip_blanks(s, at, ln->end);
    bool gap = at == ln->start || b - at >= 2 || memchr(s + at, '\t', b - at);
    at = b;
    if (at >= ln->end)
      break;
    enum kind kind;
    size_t e = read_token(r, ai, at, ln->end, &kind);
    struct cell *last = r->ncells > ln->first ? &r->cells[r->ncells - 1] : NULL;
    struct cell *before = r->ncells > ln->first + 1 ? last - 1 : NULL;
    if (before && last->kind == K_TEXT && is_arrow(s, last->start, last->end) &&
        is_value(before->kind) && is_value(kind) &&
        (kind == K_RATING) == (before->kind == K_RATING)) {
      before->end = e; /* "Hold → Buy", "$40 -> $45": one cell */
      before->kind = kind;
      r->ncells--;
    } else if (last && !gap && last->kind == K_TEXT && !last->ticker &&
               !is_arrow(s, last->start, last->end) &&
               (kind == K_TEXT || kind == K_TICKER)) {
      last->end = e;
      last->ticker = kind == K_TICKER;
    } else if (last && !gap && kind == K_TICKER &&
               (last->kind == K_BROKER || last->ticker)) {
      last->end = e; /* "Barclays (BARC)" is the company; "(CDI) (CCH)" */
      last->kind = K_TEXT;
      last->ticker = true;
    } else {
      add_cell(r, (struct cell){at, e, kind, gap, false});
    }
    at = e;
  }
  ln->n = r->ncells - ln->first;
}

static void read_lines(struct reader *r, size_t len)
{
  size_t at = 0, ai = 0;
  while (at < len) {
    const char *nl = memchr(r->text + at, '\n', len - at);
    size_t e = nl ? (size_t)(nl - r->text) : len;
    size_t s = skip_blanks(r->text, at, e), te = e;
    while (te > s && is_blank(r->text[te - 1]))
      te--;
    if (te > s) {
      if (r->nlines == r->caplines) {
        r->caplines = r->caplines ? 2 * r->caplines : 64;
        r->lines = xrealloc(r->lines, r->caplines * sizeof *r->lines);
      }
      struct line *ln = &r->lines[r->nlines++];
      *ln = (struct line){s, te, 0, 0, memchr(r->text + s, '|', te - s)};
      if (!ln->bar)
        read_line(r, &ai, ln);
    }
    at = nl ? e + 1 : len;
  }
}

static const struct cell *cell_of(const struct reader *r,
                                  const struct line *ln, size_t i)
{
  return &r->cells[ln->first + i];
}

static bool takes(enum role role, enum kind kind)
{
  return role_takes[role] == 0 || (role_takes[role] >> kind & 1u);
}

/* A row being laid against the columns: the cell each column got. */
struct row {
  const struct cell *at[MAX_COLS];
  size_t col;                /* the last column that got a cell */
  const struct cell *breaks[MAX_BREAKS]; /* line starts in no new column */
  size_t nbreaks;
  bool open;
};

/* A cell of a row and the mark it gets. */
struct marked {
  const struct cell *c;
  unsigned code;
};

/* Marks a finished row when it holds a cell of a rating, target or price
 * column. The mark of a cell covers what is between it and the cell
 * before it (spaces, line breaks); the row's first gets an empty one. */
static void emit_row(struct reader *r, const struct row *w,
                     const enum role *roles, size_t ncols)
{
  bool useful = false;
  for (size_t j = 0; j < ncols; j++)
    if (w->at[j] && (roles[j] == R_RATING || roles[j] == R_TARGET ||
                     roles[j] == R_PRICE || roles[j] == R_MOVE))
      useful = true;
  if (!useful || !w->at[0])
    return;
  struct marked v[MAX_COLS + MAX_BREAKS];
  size_t n = 0;
  for (size_t j = 0; j < ncols; j++)
    if (w->at[j])
      v[n++] = (struct marked){w->at[j], r->code[roles[j]]};
  for (size_t k = 0; k < w->nbreaks; k++)
    v[n++] = (struct marked){w->breaks[k], r->code[R_OTHER]};
  for (size_t i = 1; i < n; i++) /* text order; a row has few cells */
    for (size_t k = i; k > 0 && v[k].c < v[k - 1].c; k--) {
      struct marked t = v[k];
      v[k] = v[k - 1];
      v[k - 1] = t;
    }
  for (size_t i = 0; i < n; i++) {
    if (v[i].code == NO_CODE)
      continue;
    size_t s = i == 0 ? v[i].c->start : (v[i].c - 1)->end;
    nx_table_mark_add(r->out, s, v[i].c->start, v[i].code);
  }
}

/* The column after 'col' that takes the cell, skipping columns of any
 * kind unless 'loose'; ncols when none does. */
static size_t next_column(const enum role *roles, size_t ncols, size_t col,
                          enum kind kind, bool loose)
{
  for (size_t j = col + 1; j < ncols; j++)
    if (takes(roles[j], kind) && (loose || role_takes[roles[j]] != 0))
      return j;
  return ncols;
}

/* Lays the cells of lines [from, to) against the columns 'roles' and
 * marks the rows. Stops early at a line of prose, a '|' line, or a line
 * that neither starts nor continues a row. Returns the line it stopped
 * at. */
static size_t read_body(struct reader *r, size_t from, size_t to,
                        const enum role *roles, size_t ncols)
{
  struct row w;
  memset(&w, 0, sizeof w);
  size_t rows = 0, i = from;
  for (; i < to; i++) {
    const struct line *ln = &r->lines[i];
    if (ln->bar || ln->end - ln->start > MAX_ROW_LINE)
      break;
    for (size_t k = 0; k < ln->n; k++) {
      const struct cell *c = cell_of(r, ln, k);
      size_t j = w.open ? next_column(roles, ncols, w.col, c->kind, k > 0)
                        : ncols;
      if (k == 0 && j == ncols) {
        if (!takes(roles[0], c->kind))
          goto out; /* starts no row and goes on with none */
        if (w.open) {
          emit_row(r, &w, roles, ncols);
          rows++;
        }
        memset(&w, 0, sizeof w);
        w.open = true;
        w.at[0] = c;
        w.col = 0;
      } else if (j < ncols) {
        w.at[j] = c;
        w.col = j;
      } else if ((k == 0 || (role_takes[roles[w.col]] && w.at[w.col] == c - 1)) &&
                 w.nbreaks < MAX_BREAKS) {
        /* a line that goes on with the column it is in, or text after a
         * typed cell that no column takes ("Buy 12x P/E"): its own
         * mark ends the cell before it */
        w.breaks[w.nbreaks++] = c;
      }
    }
  }
out:
  if (w.open) {
    emit_row(r, &w, roles, ncols);
    rows++;
  }
  return i > from ? i : from + 1;
}

/* A header label: a short line of words (no figure). */
static bool label_like(const struct reader *r, const struct line *ln)
{
  if (ln->bar || ln->end - ln->start > MAX_LABEL)
    return false;
  for (size_t i = ln->start; i < ln->end; i++)
    if (is_digit(r->text[i]) || r->text[i] == '.' || r->text[i] == ',')
      return false;
  for (size_t k = 0; k < ln->n; k++) {
    enum kind kd = cell_of(r, ln, k)->kind;
    if (kd == K_RATING || kd == K_BROKER)
      return false;
  }
  return true;
}

/* A header names the column of the rows' subject (a frame reads a row
 * from it), and each column once ("Price", "Price" is a heading broken
 * over lines, not two columns). */
static bool names_subject(const enum role *roles, size_t n)
{
  bool subject = false;
  for (size_t i = 0; i < n; i++) {
    subject |= roles[i] == R_COMPANY || roles[i] == R_SYMBOL;
    for (size_t k = 0; k < i; k++)
      if (roles[k] == roles[i] && roles[i] != R_OTHER)
        return false;
  }
  return subject;
}

/* A header written one label a line at line i: its columns in roles[];
 * returns how many lines it takes (0: none). At least three labels, two
 * of them named, more named than not; the run does not take the first
 * cell of a body written one cell a line (a trailing label that no list
 * names, followed by a line of one cell). */
static size_t header_lines(const struct reader *r, size_t i, enum role *roles,
                           size_t *ncols)
{
  size_t n = 0, named = 0, last_named = 0;
  while (i + n < r->nlines && n < MAX_COLS && label_like(r, &r->lines[i + n])) {
    const struct line *ln = &r->lines[i + n];
    roles[n] = label_role(r, ln->start, ln->end);
    if (roles[n] != NROLES) {
      named++;
      last_named = n + 1;
    } else {
      roles[n] = R_OTHER;
    }
    n++;
  }
  if (n > last_named && i + n < r->nlines && r->lines[i + n].n == 1)
    n = last_named;
  if (n < 3 || named < 2 || 2 * named <= n || !names_subject(roles, n))
    return 0;
  *ncols = n;
  return n;
}

/* A header in one line: its words read as labels, each the longest run
 * of up to three words the list names ("Company Broker Rating Target",
 * "Stock Research house Target price Call"), a word it does not name a
 * column of its own. The text keeps no runs of spaces, so the labels
 * are found by the list, not by the gaps between them. */
static bool header_words(const struct reader *r, const struct line *ln,
                         enum role *roles, size_t *ncols)
{
  const char *s = r->text;
  if (ln->bar || ln->end - ln->start > MAX_ROW_LINE)
    return false;
  for (size_t i = ln->start; i < ln->end; i++)
    if (is_digit(s[i]) || s[i] == '.' || s[i] == ',' || s[i] == ':')
      return false;
  size_t n = 0, named = 0, at = ln->start;
  while (at < ln->end && n < MAX_COLS) {
    size_t ends[3] = {at, at, at}, k = 0, e = at;
    while (k < 3 && e < ln->end) {
      e = word_end(s, e, ln->end);
      ends[k++] = e;
      e = skip_blanks(s, e, ln->end);
    }
    enum role role = NROLES;
    size_t end = ends[0];
    for (size_t w = k; w-- > 0 && role == NROLES;) {
      role = label_role(r, at, ends[w]);
      end = ends[w];
    }
    if (role == NROLES) {
      role = R_OTHER;
      end = ends[0];
    } else {
      named++;
    }
    roles[n++] = role;
    at = skip_blanks(s, end, ln->end);
  }
  *ncols = n;
  return at == ln->end && n >= 3 && named >= 2 && 2 * named > n &&
         names_subject(roles, n);
}

/* Whether the line before line i (a caption, a heading) speaks of
 * targets: then a table's amounts are targets, not prices. */
static bool caption_says_target(const struct reader *r, size_t i)
{
  if (i == 0 || r->target == NO_CODE)
    return false;
  const struct line *ln = &r->lines[i - 1];
  for (size_t a = 0; a < r->natoms; a++)
    if (r->atoms[a].start >= ln->start && r->atoms[a].end <= ln->end &&
        r->atoms[a].code == r->target)
      return true;
  return false;
}

/* The column types of a table with no header, from the kinds its cells
 * hold: words first are the company; amounts are prices, or targets
 * (two: old then new) when its caption says so. */
static bool roles_by_kind(const struct cell *c, size_t n, bool target,
                          enum role *roles)
{
  size_t money = 0;
  for (size_t k = 0; k < n; k++)
    money += c[k].kind == K_MONEY;
  if (c[0].kind != K_TEXT)
    return false;
  bool useful = false;
  size_t seen_money = 0;
  for (size_t k = 0; k < n; k++) {
    enum kind kd = c[k].kind;
    roles[k] = k == 0 ? R_COMPANY
               : kd == K_BROKER ? R_BROKER
               : kd == K_RATING ? R_RATING
               : kd == K_PCT ? R_CHANGE
               : kd == K_DATE ? R_DATE
               : kd == K_TICKER ? R_SYMBOL
               : kd != K_MONEY ? R_OTHER
               : !target ? R_PRICE
               : money == 2 && seen_money++ == 0 ? R_OLD_TARGET
                                               : R_TARGET;
    useful |= roles[k] == R_RATING || roles[k] == R_TARGET ||
              (roles[k] == R_PRICE && c[0].ticker);
  }
  return useful;
}

/* A cell of a table with no header, not a clause of prose: a run of at
 * most five words set off by a gap (a tab, a run of spaces, a line
 * break) when it is not the row's first, that ends in no punctuation of a
 * sentence or list ("Anglo American (AAL)", not "Allfunds Group Plc :" or
 * "from"); no verb or other mention the columns do not read. */
static bool cell_like(const struct reader *r, const struct cell *c,
                      bool first)
{
  if (c->kind == K_WORD)
    return false;
  if (c->kind != K_TEXT)
    return true;
  if (!first && !c->gap)
    return false;
  size_t words = 1;
  for (size_t i = c->start; i < c->end; i++)
    words += r->text[i] == ' ';
  char head = r->text[c->start], tail = r->text[c->end - 1];
  size_t last = c->end - 1; /* "Inc." ends a name, not a sentence */
  while (last > c->start && r->text[last - 1] != ' ')
    last--;
  bool abbrev = tail == '.' && c->end - last <= 5 && is_upper(r->text[last]);
  return words <= 5 && (abbrev || !strchr(":;.,!?", tail)) &&
         !strchr("*-\xE2", head);
}

static bool same_kinds(const struct reader *r, const struct line *a,
                       const struct line *b)
{
  if (a->n != b->n || a->bar || b->bar)
    return false;
  for (size_t k = 0; k < a->n; k++)
    if (cell_of(r, a, k)->kind != cell_of(r, b, k)->kind ||
        cell_of(r, a, k)->ticker != cell_of(r, b, k)->ticker ||
        !cell_like(r, cell_of(r, b, k), k == 0))
      return false;
  return true;
}

/* Rows one a line with no header: three or more short lines of two or
 * more cells whose kinds are the same. Returns the lines it took. */
static size_t line_rows(struct reader *r, size_t i)
{
  const struct line *ln = &r->lines[i];
  if (ln->n < 2 || ln->n > MAX_COLS || ln->end - ln->start > MAX_ROW_LINE)
    return 0;
  for (size_t k = 0; k < ln->n; k++)
    if (!cell_like(r, cell_of(r, ln, k), k == 0))
      return 0;
  size_t n = 1;
  while (i + n < r->nlines && same_kinds(r, ln, &r->lines[i + n]) &&
         r->lines[i + n].end - r->lines[i + n].start <= MAX_ROW_LINE)
    n++;
  enum role roles[MAX_COLS];
  if (n < MIN_ROWS || !roles_by_kind(cell_of(r, ln, 0), ln->n,
                                     caption_says_target(r, i), roles))
    return 0;
  read_body(r, i, i + n, roles, ln->n);
  return n;
}

/* Rows one cell a line with no header: lines of one cell whose kinds
 * repeat with a period of 2 to 6 lines, three rows or more. */
static size_t period_rows(struct reader *r, size_t i)
{
  for (size_t p = 2; p <= 6; p++) {
    size_t n = 0;
    while (i + n < r->nlines && r->lines[i + n].n == 1 &&
           cell_like(r, cell_of(r, &r->lines[i + n], 0), true) &&
           (n < p || same_kinds(r, &r->lines[i + n], &r->lines[i + n - p])))
      n++;
    if (n < MIN_ROWS * p)
      continue;
    struct cell c[MAX_COLS];
    for (size_t k = 0; k < p; k++)
      c[k] = *cell_of(r, &r->lines[i + k], 0);
    enum role roles[MAX_COLS];
    if (!roles_by_kind(c, p, caption_says_target(r, i), roles))
      continue;
    n -= n % p;
    read_body(r, i, i + n, roles, p);
    return n;
  }
  return 0;
}

void nx_rows_marks(const nx_ruleset *rs, const char *text, size_t len,
                   const struct nx_table_mark *atoms, size_t natoms,
                   struct nx_table_marks *out)
{
  struct reader r = {.rs = rs, .text = text, .atoms = atoms,
                     .natoms = natoms, .out = out};
  r.columns = nx_ruleset_list(rs, "table_columns");
  r.months = nx_ruleset_list(rs, "months");
  if (r.columns == NULL)
    return;
  for (int i = 0; i < NROLES; i++)
    r.code[i] = type_code(rs, role_type[i]);
  if (r.code[R_COMPANY] == NO_CODE)
    return;
  r.money = type_code(rs, "MONEY");
  r.rating = type_code(rs, "RATING");
  r.broker = type_code(rs, "BROKER");
  r.target = type_code(rs, "TARGET");
  read_lines(&r, len);
  enum role roles[MAX_COLS];
  size_t ncols;
  for (size_t i = 0; i < r.nlines;) {
    size_t h = header_lines(&r, i, roles, &ncols);
    if (h == 0 && header_words(&r, &r.lines[i], roles, &ncols))
      h = 1;
    if (h) {
      i = read_body(&r, i + h, r.nlines, roles, ncols);
      continue;
    }
    size_t n = line_rows(&r, i);
    if (n == 0)
      n = period_rows(&r, i);
    i += n ? n : 1;
  }
  free(r.cells);
  free(r.lines);
}
