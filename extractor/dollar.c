/* dollar.c: see dollar.h. */
#include "dollar.h"

#include <ctype.h>
#include <string.h>

static bool is_word(char c) { return isalnum((unsigned char)c) || c == '_'; }

bool nx_dollar_bare(const char *text, size_t start, size_t end)
{
  static const char *const words[] = {"USD", "dollar", "Dollar"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    for (size_t at = start; at + n <= end; at++)
      if (memcmp(text + at, words[i], n) == 0)
        return false;
  }
  bool bare = false;
  for (size_t at = start; at < end; at++) {
    if (text[at] != '$')
      continue;
    /* "US$" and "U.S.$" say it; "HK$" beside a bare "$" says what that
     * one is ("to $18.40 from HK$16.90"). */
    if (at >= 2 && (memcmp(text + at - 2, "US", 2) == 0 ||
                    memcmp(text + at - 2, "S.", 2) == 0))
      return false;
    bare |= at == 0 || !(isalpha((unsigned char)text[at - 1]) ||
                         text[at - 1] == '.');
  }
  return bare;
}

/* How often 'form' stands in text[from, to) as a whole: a form that
 * starts (ends) with a letter or digit is not part of a longer word; one
 * that starts with '.' (a ticker's suffix) follows a letter or digit. */
static size_t count_form(const char *text, size_t from, size_t to,
                         const char *form)
{
  size_t n = strlen(form), hits = 0;
  if (n == 0)
    return 0;
  for (size_t at = from; at + n <= to; at++) {
    if (text[at] != form[0] || memcmp(text + at, form, n) != 0)
      continue;
    if (form[0] == '.') {
      if (at == from || !is_word(text[at - 1]))
        continue;
    } else if (is_word(form[0]) && at > from &&
               (is_word(text[at - 1]) || text[at - 1] == '$'))
      continue;
    if (is_word(form[n - 1]) && at + n < to && is_word(text[at + n]))
      continue;
    hits++;
  }
  return hits;
}

#define MAX_CURRENCIES 16

const char *nx_dollar_evidence(const nx_wordlist *markets, const char *text,
                               size_t from, size_t to, bool strong)
{
  if (markets == NULL)
    return NULL;
  const char *code[MAX_CURRENCIES];
  size_t hits[MAX_CURRENCIES], ncodes = 0;
  size_t nforms = nx_wordlist_nforms(markets);
  for (size_t i = 0; i < nforms; i++) {
    /* Counted first: most forms are absent, and looking a form's value
     * up (folding it) cost more than the count. */
    const char *form = nx_wordlist_form(markets, i);
    size_t n = count_form(text, from, to, form);
    if (n == 0)
      continue;
    const struct nx_word *w = nx_wordlist_find(markets, form, strlen(form));
    if (w == NULL || w->value == NULL)
      continue;
    size_t k = 0;
    while (k < ncodes && strcmp(code[k], w->value) != 0)
      k++;
    if (k == ncodes) {
      if (ncodes == MAX_CURRENCIES)
        continue;
      code[ncodes] = w->value;
      hits[ncodes++] = 0;
    }
    hits[k] += n;
  }
  size_t best = MAX_CURRENCIES, best_n = 0, runner_up = 0, usd = 0;
  for (size_t k = 0; k < ncodes; k++) {
    if (strcmp(code[k], "USD") == 0)
      usd = hits[k];
    if (hits[k] > best_n) {
      runner_up = best_n;
      best_n = hits[k];
      best = k;
    } else if (hits[k] > runner_up)
      runner_up = hits[k];
  }
  if (best == MAX_CURRENCIES || best_n == runner_up)
    return NULL;
  if (strong && strcmp(code[best], "USD") != 0 &&
      (best_n < 2 || best_n <= 3 * usd))
    return NULL;
  return code[best];
}
