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
};

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

nx_status nx_wordlist_pattern(const nx_wordlist *wl, struct nx_buf *out)
{
  struct form *sorted = xmalloc(wl->nforms * sizeof *sorted);
  memcpy(sorted, wl->forms, wl->nforms * sizeof *sorted);
  qsort(sorted, wl->nforms, sizeof *sorted, longer_first);
  nx_status st = nx_buf_adds(out, "(?:");
  for (size_t i = 0; i < wl->nforms && st == NX_OK; i++) {
    if (i)
      st = nx_buf_addc(out, '|');
    for (const char *c = sorted[i].text; *c && st == NX_OK; c++) {
      unsigned char u = (unsigned char)*c;
      if (u == ' ')
        st = nx_buf_adds(out, "\\s+");
      else if (isalnum(u) || u >= 0x80)
        st = nx_buf_addc(out, *c);
      else {
        st = nx_buf_addc(out, '\\');
        if (st == NX_OK)
          st = nx_buf_addc(out, *c);
      }
    }
  }
  if (st == NX_OK)
    st = nx_buf_addc(out, ')');
  free(sorted);
  return st;
}
