/* keywords.c: see keywords.h. Words are bucketed by their first byte
 * (folded), and a bitmap of the folded byte pairs that begin a word lets
 * the scan pass over most positions with one look-up, whatever the number
 * of words. */
#include "keywords.h"

#include "xalloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct word {
  char *text;
  size_t len;
  bool any_case; /* written without capitals */
};

struct nx_keywords {
  struct word *words;
  size_t n;
  /* bucket[b]: ids of the words whose first byte folds to b, in
   * bucket_ids[bucket_at[b], bucket_at[b + 1]). Rebuilt on each add. */
  uint32_t bucket_at[257];
  uint32_t *bucket_ids;
  uint64_t pairs[65536 / 64]; /* bit (a << 8 | b): a word begins "ab" */
  bool single[256];           /* a one-byte word folds to this byte */
};

nx_keywords *nx_keywords_new(void)
{
  return xcalloc(1, sizeof(nx_keywords));
}

void nx_keywords_free(nx_keywords *k)
{
  if (k == NULL)
    return;
  for (size_t i = 0; i < k->n; i++)
    free(k->words[i].text);
  free(k->words);
  free(k->bucket_ids);
  free(k);
}

static unsigned char fold(unsigned char c)
{
  return (unsigned char)tolower(c);
}

static void rebuild_buckets(nx_keywords *k)
{
  memset(k->bucket_at, 0, sizeof k->bucket_at);
  for (size_t i = 0; i < k->n; i++)
    k->bucket_at[fold((unsigned char)k->words[i].text[0]) + 1]++;
  for (size_t b = 0; b < 256; b++)
    k->bucket_at[b + 1] += k->bucket_at[b];
  uint32_t fill[256];
  memcpy(fill, k->bucket_at, sizeof fill);
  k->bucket_ids = xrealloc(k->bucket_ids, k->n * sizeof *k->bucket_ids);
  for (size_t i = 0; i < k->n; i++)
    k->bucket_ids[fill[fold((unsigned char)k->words[i].text[0])]++] =
        (uint32_t)i;
  memset(k->pairs, 0, sizeof k->pairs);
  memset(k->single, 0, sizeof k->single);
  for (size_t i = 0; i < k->n; i++) {
    unsigned a = fold((unsigned char)k->words[i].text[0]);
    if (k->words[i].len == 1) {
      k->single[a] = true;
      continue;
    }
    unsigned pair = a << 8 | fold((unsigned char)k->words[i].text[1]);
    k->pairs[pair / 64] |= UINT64_C(1) << (pair % 64);
  }
}

/* Whether a word may begin at text[at] (len - at > 0 bytes left). */
static bool may_begin(const nx_keywords *k, const char *text, size_t len,
                      size_t at)
{
  unsigned a = fold((unsigned char)text[at]);
  if (k->single[a])
    return true;
  if (len - at < 2)
    return false;
  unsigned pair = a << 8 | fold((unsigned char)text[at + 1]);
  return (k->pairs[pair / 64] >> (pair % 64)) & 1;
}

size_t nx_keywords_add(nx_keywords *k, const char *word)
{
  for (size_t i = 0; i < k->n; i++)
    if (strcmp(k->words[i].text, word) == 0)
      return i;
  bool any_case = true;
  for (const char *c = word; *c; c++)
    if (isupper((unsigned char)*c))
      any_case = false;
  k->words = xrealloc(k->words, (k->n + 1) * sizeof *k->words);
  k->words[k->n] = (struct word){xstrdup(word), strlen(word), any_case};
  k->n++;
  rebuild_buckets(k);
  return k->n - 1;
}

size_t nx_keywords_count(const nx_keywords *k)
{
  return k->n;
}

static bool same_any_case(const char *text, const char *word, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (fold((unsigned char)text[i]) != (unsigned char)word[i])
      return false;
  return true;
}

static void add_hit(struct nx_keyword_hits *out, size_t at, uint32_t id,
                    size_t len)
{
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 64;
    out->v = xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = (struct nx_keyword_hit){at, id, (uint32_t)len};
}

void nx_keywords_find(const nx_keywords *k, const char *text, size_t len,
                      struct nx_keyword_hits *out)
{
  out->n = 0;
  for (size_t at = 0; at < len; at++) {
    if (!may_begin(k, text, len, at))
      continue;
    unsigned char b = fold((unsigned char)text[at]);
    for (uint32_t j = k->bucket_at[b]; j < k->bucket_at[b + 1]; j++) {
      const struct word *w = &k->words[k->bucket_ids[j]];
      if (w->len > len - at)
        continue;
      bool found = w->any_case ? same_any_case(text + at, w->text, w->len)
                               : memcmp(text + at, w->text, w->len) == 0;
      if (found)
        add_hit(out, at, k->bucket_ids[j], w->len);
    }
  }
}

void nx_keyword_hits_free(struct nx_keyword_hits *h)
{
  free(h->v);
  memset(h, 0, sizeof *h);
}
