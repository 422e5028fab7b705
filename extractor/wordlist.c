/* wordlist.c: see wordlist.h. A lookup is a binary search over the
 * pre-folded keys: record finishing looks names up many times per
 * document. */
#include "wordlist.h"

#include "utf8.h"
#include "util.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct form {
  char *text;  /* as written, without the '=' of an exact form */
  char *key;   /* folded; an exact form keeps its case */
  size_t word; /* index of its entry */
  bool exact;  /* "=GBp": matches only in its own case */
  char *file;  /* where it was read, for collision reports */
  unsigned line;
};

struct nx_wordlist {
  char *name;
  struct nx_word *words;
  size_t nwords;
  struct form *forms;
  size_t nforms;
  bool replace;          /* a "!replace" line: replaces a list, not adds */
  struct nx_buf pattern; /* what nx_wordlist_pattern appends, made once */
  const struct form **sorted; /* the forms by (exact first, key, order) */
};

static void build_pattern(nx_wordlist *wl);
static void build_index(nx_wordlist *wl);

/* NFKC, without the characters folding ignores; caseless or not. */
static void fold(const char *s, size_t len, bool caseless, struct nx_buf *out)
{
  size_t ascii = 0;
  while (ascii < len && (unsigned char)s[ascii] < 0x80 && s[ascii])
    ascii++;
  if (ascii == len) {
    /* NFKC leaves ASCII as it is, and case folding lowers A-Z: the same
     * key as utf8proc's, without its allocation. */
    for (size_t i = 0; i < len; i++) {
      unsigned char c = (unsigned char)s[i];
      if (isspace(c) || c == '-' || c == '.' || c == '\'' || c == '"' ||
          c == '_')
        continue;
      nx_buf_addc(out, (char)(caseless ? tolower(c) : c));
    }
    nx_buf_add(out, "", 0);
    return;
  }
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map(
      (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
          (caseless ? UTF8PROC_CASEFOLD : 0));
  const char *src = n >= 0 ? (const char *)folded : s;
  size_t srclen = n >= 0 ? (size_t)n : len;
  for (size_t i = 0; i < srclen; i++) {
    unsigned char c = (unsigned char)src[i];
    if (isspace(c) || c == '-' || c == '.' || c == '\'' || c == '"' ||
        c == '_')
      continue;
    nx_buf_addc(out, (char)(n >= 0 || !caseless ? c : tolower(c)));
  }
  nx_buf_add(out, "", 0);
  free(folded);
}

void nx_word_fold(const char *s, size_t len, struct nx_buf *out)
{
  fold(s, len, true, out);
}

static void add_form(nx_wordlist *wl, const char *text, bool exact,
                     size_t word, const char *file, unsigned line)
{
  struct nx_buf key;
  nx_buf_init(&key, 0);
  fold(text, strlen(text), !exact, &key);
  wl->forms = xrealloc(wl->forms, (wl->nforms + 1) * sizeof *wl->forms);
  wl->forms[wl->nforms] = (struct form){xstrdup(text),
                                        nx_buf_detach(&key, NULL),
                                        word,
                                        exact,
                                        xstrdup(file),
                                        line};
  wl->nforms++;
}

static bool same_text(const char *a, const char *b)
{
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* Forms i and j would be found for the same text: both exact or both
 * caseless, with equal keys. An exact form beside a caseless one is what
 * '=' is for ("=GBp" beside "GBP"). */
static bool collide(const nx_wordlist *wl, size_t i, size_t j)
{
  const struct form *a = &wl->forms[i], *b = &wl->forms[j];
  if (a->exact != b->exact || strcmp(a->key, b->key) != 0)
    return false;
  /* The same entry twice (a user's copy of a built-in line) is harmless. */
  const struct nx_word *x = &wl->words[a->word], *y = &wl->words[b->word];
  return a->word != b->word &&
         !(same_text(x->canon, y->canon) && same_text(x->value, y->value));
}

/* Reports the first form from 'from' on that a lookup could not tell from
 * an earlier form of another entry: the lookup would always give the
 * earlier one ("GBp" pence would be "GBP" pounds). */
static nx_status check_collisions(const nx_wordlist *wl, size_t from,
                                  struct nx_error *err)
{
  for (size_t i = from; i < wl->nforms; i++)
    for (size_t j = 0; j < i; j++)
      if (collide(wl, i, j))
        return nx_fail(err, NX_ESYNTAX, wl->forms[i].file, wl->forms[i].line,
                       0,
                       "'%s' is '%s' (%s:%u) once case, spaces and "
                       "punctuation are folded: one entry's forms go on "
                       "one line, and '=%s' matches only as written",
                       wl->forms[i].text, wl->forms[j].text,
                       wl->forms[j].file, wl->forms[j].line,
                       wl->forms[i].text);
  return NX_OK;
}

/* Parses "A | B | C => value" into a new entry. */
static nx_status add_line(nx_wordlist *wl, char *line, const char *path,
                          unsigned lineno, struct nx_error *err)
{
  char *value = strstr(line, "=>");
  if (value) {
    *value = '\0';
    value = nx_str_trim(value + 2);
    if (*value == '\0')
      return nx_fail(err, NX_ESYNTAX, path, lineno, 0,
                     "nothing after '=>'");
  }
  size_t word = wl->nwords;
  wl->words = xrealloc(wl->words, (wl->nwords + 1) * sizeof *wl->words);
  wl->words[word].value = value ? xstrdup(value) : NULL;
  wl->words[word].canon = NULL;
  wl->nwords++;
  for (char *form = line; form;) {
    char *bar = strchr(form, '|');
    if (bar)
      *bar = '\0';
    char *t = nx_str_trim(form);
    bool exact = *t == '=';
    if (exact)
      t = nx_str_trim(t + 1);
    if (*t == '\0')
      return nx_fail(err, NX_ESYNTAX, path, lineno, 0, "empty form");
    add_form(wl, t, exact, word, path, lineno);
    if (wl->words[word].canon == NULL)
      wl->words[word].canon = wl->forms[wl->nforms - 1].text;
    form = bar ? bar + 1 : NULL;
  }
  return NX_OK;
}

nx_status nx_wordlist_load(const char *path, const char *name,
                           nx_wordlist **out, struct nx_error *err)
{
  *out = NULL;
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return nx_fail(err, NX_EIO, path, 0, 0, "%s", strerror(errno));
  nx_status st = nx_wordlist_read(f, path, name, out, err);
  fclose(f);
  return st;
}

nx_status nx_wordlist_read(FILE *f, const char *path, const char *name,
                           nx_wordlist **out, struct nx_error *err)
{
  *out = NULL;
  nx_wordlist *wl = xcalloc(1, sizeof *wl);
  wl->name = xstrdup(name);
  char *line = NULL;
  size_t cap = 0;
  unsigned lineno = 0;
  nx_status st = NX_OK;
  ssize_t got;
  while (st == NX_OK && (got = getline(&line, &cap, f)) != -1) {
    lineno++;
    if (!nx_utf8_is_clean(line, (size_t)got)) {
      st = nx_fail(err, NX_ESYNTAX, path, lineno, 0,
                   "not valid UTF-8 (or a NUL byte)");
      break;
    }
    char *t = nx_str_trim(line);
    if (*t == '\0' || *t == '#')
      continue;
    if (strcmp(t, "!replace") == 0)
      wl->replace = true;
    else
      st = add_line(wl, t, path, lineno, err);
  }
  free(line);
  if (st == NX_OK && wl->nwords == 0)
    st = nx_fail(err, NX_ESYNTAX, path, 0, 0, "list has no entries");
  if (st == NX_OK)
    st = check_collisions(wl, 0, err);
  if (st != NX_OK) {
    nx_wordlist_free(wl);
    return st;
  }
  build_pattern(wl);
  build_index(wl);
  *out = wl;
  return NX_OK;
}

void nx_wordlist_free(nx_wordlist *wl)
{
  if (wl == NULL)
    return;
  for (size_t i = 0; i < wl->nforms; i++) {
    free(wl->forms[i].text);
    free(wl->forms[i].key);
    free(wl->forms[i].file);
  }
  for (size_t i = 0; i < wl->nwords; i++)
    free((char *)wl->words[i].value);
  free(wl->forms);
  free(wl->sorted);
  free(wl->words);
  free(wl->name);
  nx_buf_free(&wl->pattern);
  free(wl);
}

const char *nx_wordlist_name(const nx_wordlist *wl)
{
  return wl->name;
}

bool nx_wordlist_replaces(const nx_wordlist *wl)
{
  return wl->replace;
}

/* A form of wl written as f, of an entry like w: f adds nothing. */
static const struct form *have_form(const nx_wordlist *wl,
                                    const struct form *f,
                                    const struct nx_word *w)
{
  for (size_t i = 0; i < wl->nforms; i++) {
    const struct form *g = &wl->forms[i];
    const struct nx_word *v = &wl->words[g->word];
    if (g->exact == f->exact && strcmp(g->text, f->text) == 0 &&
        same_text(v->canon, w->canon) && same_text(v->value, w->value))
      return g;
  }
  return NULL;
}

nx_status nx_wordlist_extend(nx_wordlist *wl, const nx_wordlist *more,
                             struct nx_error *err)
{
  size_t forms = wl->nforms;
  for (size_t w = 0; w < more->nwords; w++) {
    const struct nx_word *mw = &more->words[w];
    const char *canon = NULL;
    size_t word = (size_t)-1;
    /* A line the list already has (the same list added twice, a copy of
     * the built-in file) adds only the forms it lacks. */
    for (size_t i = 0; i < more->nforms; i++) {
      const struct form *f = &more->forms[i];
      if (f->word != w)
        continue;
      const struct form *dup = have_form(wl, f, mw);
      if (dup == NULL) {
        if (word == (size_t)-1) {
          word = wl->nwords++;
          wl->words = xrealloc(wl->words, wl->nwords * sizeof *wl->words);
          wl->words[word] =
              (struct nx_word){NULL, mw->value ? xstrdup(mw->value) : NULL};
        }
        add_form(wl, f->text, f->exact, word, f->file, f->line);
      }
      if (canon == NULL)
        canon = dup ? dup->text : wl->forms[wl->nforms - 1].text;
    }
    if (word != (size_t)-1)
      wl->words[word].canon = canon;
  }
  nx_status st = check_collisions(wl, forms, err);
  nx_buf_free(&wl->pattern);
  build_pattern(wl);
  build_index(wl);
  return st;
}

size_t nx_wordlist_nforms(const nx_wordlist *wl)
{
  return wl->nforms;
}

const char *nx_wordlist_form(const nx_wordlist *wl, size_t i)
{
  return wl->forms[i].text;
}

/* Order of the index: exact forms first, then by key, then as listed. */
static int form_order(const struct form *a, bool exact, const char *key,
                      const struct form *tie)
{
  if (a->exact != exact)
    return a->exact ? -1 : 1;
  int c = strcmp(a->key, key);
  if (c != 0 || tie == NULL)
    return c;
  return (a > tie) - (a < tie);
}

static int by_form_order(const void *x, const void *y)
{
  const struct form *a = *(const struct form *const *)x;
  const struct form *b = *(const struct form *const *)y;
  return form_order(a, b->exact, b->key, b);
}

static void build_index(nx_wordlist *wl)
{
  free(wl->sorted);
  wl->sorted = xcalloc(wl->nforms ? wl->nforms : 1, sizeof *wl->sorted);
  for (size_t i = 0; i < wl->nforms; i++)
    wl->sorted[i] = &wl->forms[i];
  qsort(wl->sorted, wl->nforms, sizeof *wl->sorted, by_form_order);
}

/* The first form in list order with this 'exact' and key, or NULL: the
 * one a scan of the list would find. */
static const struct form *first_form(const nx_wordlist *wl, bool exact,
                                     const char *key)
{
  size_t lo = 0, hi = wl->nforms;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (form_order(wl->sorted[mid], exact, key, NULL) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < wl->nforms && form_order(wl->sorted[lo], exact, key, NULL) == 0)
    return wl->sorted[lo];
  return NULL;
}

const struct nx_word *nx_wordlist_find(const nx_wordlist *wl, const char *s,
                                       size_t len)
{
  /* An exact form first: "GBp" is pence though "GBP" folds the same. */
  struct nx_buf key;
  nx_buf_init(&key, 0);
  fold(s, len, false, &key);
  const struct form *f = first_form(wl, true, key.data);
  nx_buf_clear(&key);
  if (f == NULL) {
    fold(s, len, true, &key);
    f = first_form(wl, false, key.data);
  }
  nx_buf_free(&key);
  return f ? &wl->words[f->word] : NULL;
}

static int longer_first(const void *a, const void *b)
{
  const struct form *x = a, *y = b;
  size_t lx = strlen(x->text), ly = strlen(y->text);
  if (lx != ly)
    return lx < ly ? 1 : -1;
  return strcmp(x->text, y->text);
}

/* Patterns. PCRE2 tries the alternatives of a group one by one, so a flat
 * alternation of hundreds of brokers, tried at every position of a sentence,
 * was most of the matching time. The forms are therefore factored into a
 * prefix tree, "B(?:arclays|MO|o(?:fA|...))": a position where no form
 * starts costs one comparison per first letter instead of one per form.
 *
 * The tree must match what the flat, longest-first alternation matches, in
 * the same order of preference, inside or outside (?i). It does because at
 * each node the branches start with characters that differ even case
 * folded, so at most one branch can go on at a given position, and a form
 * that ends at the node (shorter than every form below it) comes last.
 * Where forms differ only in the case of a character ("Avalanche",
 * "avalanche"), they stay a flat group, behind a lookahead on that
 * character. */

/* Bytes of the UTF-8 character at c. */
static size_t char_bytes(const char *c)
{
  size_t n = 1;
  if ((unsigned char)*c >= 0x80)
    while ((c[n] & 0xC0) == 0x80)
      n++;
  return n;
}

/* The key a character is grouped by: the same for every character that
 * caseless matching may take for it. Lowering the upper case puts a
 * Unicode case set on one code point: K, k and the Kelvin sign all give k;
 * S, s and the long s give s; Σ, σ and ς give σ. */
static utf8proc_int32_t group_key(const char *c)
{
  utf8proc_int32_t cp = -1;
  utf8proc_iterate((const utf8proc_uint8_t *)c, (utf8proc_ssize_t)char_bytes(c),
                   &cp);
  return cp < 0 ? cp : utf8proc_tolower(utf8proc_toupper(cp));
}

/* One character of a form, escaped for an extended-syntax pattern; a space
 * matches any white space. Returns the bytes it took. */
static size_t add_char(struct nx_buf *out, const char *c)
{
  unsigned char u = (unsigned char)*c;
  size_t n = char_bytes(c);
  if (u == ' ')
    nx_buf_adds(out, "\\s+");
  else if (isalnum(u) || u >= 0x80)
    nx_buf_add(out, c, n);
  else {
    nx_buf_addc(out, '\\');
    nx_buf_addc(out, (char)u);
  }
  return n;
}

/* The forms from byte 'depth' on, one after another. */
static void add_flat(struct nx_buf *out, const char **forms, size_t n,
                     size_t depth)
{
  for (size_t i = 0; i < n; i++) {
    if (i)
      nx_buf_addc(out, '|');
    for (const char *c = forms[i] + depth; *c;)
      c += add_char(out, c);
  }
}

/* One branch of a node: the forms whose next character has one key. */
struct branch {
  const char **forms; /* longest first */
  size_t n;
  bool one_char; /* all have the very same next character */
};

/* forms[0, n): longest first, all starting with the same 'depth' bytes,
 * which the pattern has matched already; appends what matches the rest. */
static void add_node(struct nx_buf *out, const char **forms, size_t n,
                     size_t depth)
{
  struct branch *b = xcalloc(n, sizeof *b);
  const char **sorted = xmalloc(n * sizeof *sorted); /* by branch */
  bool *taken = xcalloc(n, sizeof *taken);
  size_t nb = 0, used = 0;
  bool ends = false; /* a form ends here */
  for (size_t i = 0; i < n; i++) {
    if (taken[i])
      continue;
    if (forms[i][depth] == '\0') {
      ends = true;
      continue;
    }
    const char *c = forms[i] + depth;
    size_t len = char_bytes(c);
    struct branch *br = &b[nb++];
    *br = (struct branch){sorted + used, 0, true};
    for (size_t j = i; j < n; j++) {
      const char *d = forms[j] + depth;
      if (taken[j] || *d == '\0' || group_key(d) != group_key(c))
        continue;
      taken[j] = true;
      sorted[used++] = forms[j];
      br->n++;
      if (char_bytes(d) != len || memcmp(d, c, len) != 0)
        br->one_char = false;
    }
  }
  bool group = nb + ends > 1;
  if (group)
    nx_buf_adds(out, "(?:");
  for (size_t k = 0; k < nb; k++) {
    if (k)
      nx_buf_addc(out, '|');
    const char *c = b[k].forms[0] + depth;
    if (b[k].one_char) {
      add_char(out, c);
      add_node(out, b[k].forms, b[k].n, depth + char_bytes(c));
      continue;
    }
    /* (?i:x) compiles to one caseless character */
    nx_buf_adds(out, "(?=(?i:");
    add_char(out, c);
    nx_buf_adds(out, "))");
    nx_buf_adds(out, "(?:");
    add_flat(out, b[k].forms, b[k].n, depth);
    nx_buf_addc(out, ')');
  }
  if (ends && nb)
    nx_buf_addc(out, '|');
  if (group)
    nx_buf_addc(out, ')');
  free(taken);
  free(sorted);
  free(b);
}

/* A rule set expands a list many times, so its pattern is made once, when
 * the list is loaded. */
static void build_pattern(nx_wordlist *wl)
{
  struct form *sorted = xmalloc(wl->nforms * sizeof *sorted);
  memcpy(sorted, wl->forms, wl->nforms * sizeof *sorted);
  qsort(sorted, wl->nforms, sizeof *sorted, longer_first);
  /* Exact forms apart, flat and case-sensitive even inside (?i), tried
   * before the tree of the others. */
  const char **forms = xmalloc(wl->nforms * sizeof *forms);
  size_t nexact = 0, n = 0;
  for (size_t i = 0; i < wl->nforms; i++)
    if (sorted[i].exact)
      forms[nexact++] = sorted[i].text;
  struct nx_buf *out = &wl->pattern;
  nx_buf_init(out, 0);
  nx_buf_adds(out, "(?:");
  if (nexact) {
    nx_buf_adds(out, "(?-i:");
    add_flat(out, forms, nexact, 0);
    nx_buf_addc(out, ')');
  }
  for (size_t i = 0; i < wl->nforms; i++)
    if (!sorted[i].exact)
      forms[n++] = sorted[i].text;
  if (nexact && n)
    nx_buf_addc(out, '|');
  if (n)
    add_node(out, forms, n, 0);
  nx_buf_addc(out, ')');
  free(forms);
  free(sorted);
}

nx_status nx_wordlist_pattern(const nx_wordlist *wl, struct nx_buf *out)
{
  return nx_buf_add(out, wl->pattern.data, wl->pattern.len);
}

const char *nx_wordlist_pattern_text(const nx_wordlist *wl)
{
  return wl->pattern.data ? wl->pattern.data : "";
}
