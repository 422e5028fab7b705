/* wordlist.c: see wordlist.h. Lists are small (hundreds of forms), so a
 * lookup is a scan over pre-folded keys; no hash table is worth its code. */
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
  char *text;  /* as written */
  char *key;   /* folded */
  size_t word; /* index of its entry */
};

struct nx_wordlist {
  char *name;
  struct nx_word *words;
  size_t nwords;
  struct form *forms;
  size_t nforms;
  struct nx_buf pattern; /* what nx_wordlist_pattern appends, made once */
};

static void build_pattern(nx_wordlist *wl);

void nx_word_fold(const char *s, size_t len, struct nx_buf *out)
{
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                    (utf8proc_ssize_t)len, &folded,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  const char *src = n >= 0 ? (const char *)folded : s;
  size_t srclen = n >= 0 ? (size_t)n : len;
  for (size_t i = 0; i < srclen; i++) {
    unsigned char c = (unsigned char)src[i];
    if (isspace(c) || c == '-' || c == '.' || c == '\'' || c == '"' ||
        c == '_')
      continue;
    nx_buf_addc(out, (char)(n >= 0 ? c : tolower(c)));
  }
  nx_buf_add(out, "", 0);
  free(folded);
}


static void add_form(nx_wordlist *wl, const char *text, size_t word)
{
  struct nx_buf key;
  nx_buf_init(&key, 0);
  nx_word_fold(text, strlen(text), &key);
  wl->forms = xrealloc(wl->forms, (wl->nforms + 1) * sizeof *wl->forms);
  wl->forms[wl->nforms].text = xstrdup(text);
  wl->forms[wl->nforms].key = nx_buf_detach(&key, NULL);
  wl->forms[wl->nforms].word = word;
  wl->nforms++;
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
    if (*t == '\0')
      return nx_fail(err, NX_ESYNTAX, path, lineno, 0, "empty form");
    add_form(wl, t, word);
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
    st = add_line(wl, t, path, lineno, err);
  }
  free(line);
  fclose(f);
  if (st == NX_OK && wl->nwords == 0)
    st = nx_fail(err, NX_ESYNTAX, path, 0, 0, "list has no entries");
  if (st != NX_OK) {
    nx_wordlist_free(wl);
    return st;
  }
  build_pattern(wl);
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
  }
  for (size_t i = 0; i < wl->nwords; i++)
    free((char *)wl->words[i].value);
  free(wl->forms);
  free(wl->words);
  free(wl->name);
  nx_buf_free(&wl->pattern);
  free(wl);
}

const char *nx_wordlist_name(const nx_wordlist *wl)
{
  return wl->name;
}

const struct nx_word *nx_wordlist_find(const nx_wordlist *wl, const char *s,
                                       size_t len)
{
  struct nx_buf key;
  nx_buf_init(&key, 0);
  nx_word_fold(s, len, &key);
  const struct nx_word *found = NULL;
  for (size_t i = 0; i < wl->nforms && !found; i++)
    if (strcmp(wl->forms[i].key, key.data) == 0)
      found = &wl->words[wl->forms[i].word];
  nx_buf_free(&key);
  return found;
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
 * was most of the matching time. The forms are therefore grouped by their
 * first characters (case folded), each group behind a lookahead that fails
 * at once on any other text: (?=[Bb])(?:Barclays|BofA|...). Forms that can
 * match at one position all share those characters, so they sit in one
 * group, in their longest-first order, and the grouped pattern matches
 * exactly what the flat one does, in or out of (?i). */

#define GROUP_MIN 8   /* smaller groups are not split further */
#define GROUP_LIST 100 /* smaller lists stay flat: the lookaheads make the
                        * pattern longer, and PCRE2 caps a compiled
                        * pattern at 64 KiB */
#define GROUP_DEPTH 2 /* characters a lookahead checks at most */

/* The key a character is grouped by: ASCII letters folded; every non-ASCII
 * character one key, as case folding may pair any two of them. */
static int group_key(const char *form, size_t depth)
{
  unsigned char c = (unsigned char)form[depth];
  return c >= 0x80 ? 0x80 : tolower(c);
}

/* One character of a form, escaped for an extended-syntax pattern; a space
 * matches any white space. Returns the bytes it took. */
static size_t add_char(struct nx_buf *out, const char *c)
{
  unsigned char u = (unsigned char)*c;
  size_t n = 1;
  if (u >= 0x80)
    while ((c[n] & 0xC0) == 0x80)
      n++;
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

static void add_flat(struct nx_buf *out, const char **forms, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (i)
      nx_buf_addc(out, '|');
    for (const char *c = forms[i]; *c;)
      c += add_char(out, c);
  }
}

/* forms[0, n): longest first, all sharing their first 'depth' ASCII
 * characters (case folded), none of them a space. */
static void add_group(struct nx_buf *out, const char **forms, size_t n,
                      size_t depth)
{
  if (n < GROUP_MIN || depth == GROUP_DEPTH) {
    add_flat(out, forms, n);
    return;
  }
  const char **sub = xmalloc(n * sizeof *sub);
  bool *done = xcalloc(n, sizeof *done);
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    if (done[i] || strlen(forms[i]) <= depth)
      continue;
    int key = group_key(forms[i], depth);
    size_t m = 0;
    for (size_t j = i; j < n; j++)
      if (!done[j] && strlen(forms[j]) > depth &&
          group_key(forms[j], depth) == key) {
        sub[m++] = forms[j];
        done[j] = true;
      }
    nx_buf_adds(out, first ? "" : "|");
    first = false;
    if (key == 0x80 || key == ' ') { /* no lookahead that stays exact */
      add_flat(out, sub, m);
      continue;
    }
    /* (?i:...) compiles to caseless characters, smaller than classes. */
    nx_buf_adds(out, "(?=(?i:");
    for (size_t d = 0; d <= depth; d++)
      add_char(out, &sub[0][d]);
    nx_buf_addc(out, ')');
    nx_buf_adds(out, ")(?:");
    add_group(out, sub, m, depth + 1);
    nx_buf_addc(out, ')');
  }
  /* Forms no longer than the shared characters: shorter than every form
   * in the groups, so last, as in the longest-first order. */
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!done[i])
      sub[m++] = forms[i];
  if (m) {
    nx_buf_adds(out, first ? "" : "|");
    add_flat(out, sub, m);
  }
  free(done);
  free(sub);
}

/* A rule set expands a list many times, so its pattern is made once, when
 * the list is loaded. */
static void build_pattern(nx_wordlist *wl)
{
  struct form *sorted = xmalloc(wl->nforms * sizeof *sorted);
  memcpy(sorted, wl->forms, wl->nforms * sizeof *sorted);
  qsort(sorted, wl->nforms, sizeof *sorted, longer_first);
  const char **forms = xmalloc(wl->nforms * sizeof *forms);
  for (size_t i = 0; i < wl->nforms; i++)
    forms[i] = sorted[i].text;
  struct nx_buf *out = &wl->pattern;
  nx_buf_init(out, 0);
  nx_buf_adds(out, "(?:");
  if (wl->nforms < GROUP_LIST)
    add_flat(out, forms, wl->nforms);
  else
    add_group(out, forms, wl->nforms, 0);
  nx_buf_addc(out, ')');
  free(forms);
  free(sorted);
}

nx_status nx_wordlist_pattern(const nx_wordlist *wl, struct nx_buf *out)
{
  return nx_buf_add(out, wl->pattern.data, wl->pattern.len);
}
