/* keywords.c: see keywords.h. Words are bucketed by their first byte
 * (folded), and bitmaps of how words begin (their first byte, two bytes, or
 * a hash of three) let the scan pass over most positions with a few
 * look-ups, whatever the number of words: common pairs such as "st" or
 * "re" start many words of a text but few of the keywords. */
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
  bool single[256];            /* a one-byte word folds to this byte */
  uint64_t pairs[65536 / 64];  /* bit (a << 8 | b): a two-byte word "ab" */
  uint64_t triples[65536 / 64]; /* bit triple(a, b, c): a longer word
                                 * begins "abc" */
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

/* ASCII letters to lower case, every other byte as it is: a table, as the
 * scan looks at every byte of every text (tolower() is a call per byte). */
static const unsigned char lower[256] = {
#define L4(b) L1(b), L1(b + 1), L1(b + 2), L1(b + 3)
#define L1(b) ((b) >= 'A' && (b) <= 'Z' ? (b) | 0x20 : (b))
#define L16(b) L4(b), L4(b + 4), L4(b + 8), L4(b + 12)
#define L64(b) L16(b), L16(b + 16), L16(b + 32), L16(b + 48)
    L64(0), L64(64), L64(128), L64(192)
#undef L64
#undef L16
#undef L1
#undef L4
};

static unsigned char fold(unsigned char c)
{
  return lower[c];
}

static unsigned pair_bit(unsigned a, unsigned b)
{
  return a << 8 | b;
}

/* Three bytes hashed into 16 bits: a collision only costs a comparison. */
static unsigned triple_bit(unsigned a, unsigned b, unsigned c)
{
  return ((a << 8 | b) ^ (c * 0x9E5u)) & 0xFFFFu;
}

static void set_bit(uint64_t *bits, unsigned i)
{
  bits[i / 64] |= UINT64_C(1) << (i % 64);
}

static bool has_bit(const uint64_t *bits, unsigned i)
{
  return (bits[i / 64] >> (i % 64)) & 1;
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
  memset(k->triples, 0, sizeof k->triples);
  memset(k->single, 0, sizeof k->single);
  for (size_t i = 0; i < k->n; i++) {
    const unsigned char *w = (const unsigned char *)k->words[i].text;
    if (k->words[i].len == 1)
      k->single[fold(w[0])] = true;
    else if (k->words[i].len == 2)
      set_bit(k->pairs, pair_bit(fold(w[0]), fold(w[1])));
    else
      set_bit(k->triples, triple_bit(fold(w[0]), fold(w[1]), fold(w[2])));
  }
}

/* Whether a word may begin at text[at] (len - at > 0 bytes left). */
static bool may_begin(const nx_keywords *k, const char *text, size_t len,
                      size_t at)
{
  const unsigned char *t = (const unsigned char *)text + at;
  size_t left = len - at;
  unsigned a = fold(t[0]);
  if (k->single[a])
    return true;
  if (left < 2)
    return false;
  unsigned b = fold(t[1]);
  if (has_bit(k->pairs, pair_bit(a, b)))
    return true;
  return left >= 3 && has_bit(k->triples, triple_bit(a, b, fold(t[2])));
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
