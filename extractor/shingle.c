/* shingle.c: see shingle.h. Shingles are kept as 64-bit hashes in an
 * open-addressing table; a collision costs a shingle, never correctness
 * of memory. */
#include "shingle.h"

#include "xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

struct nx_shingles {
  uint64_t *slot; /* 0: empty */
  size_t cap, n;  /* cap is a power of two */
};

nx_shingles *nx_shingles_new(void)
{
  nx_shingles *s = xcalloc(1, sizeof *s);
  s->cap = 256;
  s->slot = xcalloc(s->cap, sizeof *s->slot);
  return s;
}

void nx_shingles_free(nx_shingles *s)
{
  if (s == NULL)
    return;
  free(s->slot);
  free(s);
}

static bool is_word_byte(unsigned char c)
{
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

/* The words of a text being read. */
struct words {
  uint64_t h[4]; /* hashes of the last four words */
  size_t n;      /* words seen */
};

static uint64_t word_hash(const char *p, size_t len)
{
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t shingle_hash(const struct words *w, size_t k)
{
  uint64_t h = 0x9E3779B97F4A7C15ULL;
  for (size_t i = 0; i < k; i++)
    h = (h ^ w->h[(w->n - k + i) % 4]) * 0xBF58476D1CE4E5B9ULL;
  return h ? h : 1;
}

static bool find(const nx_shingles *s, uint64_t h, size_t *at)
{
  size_t i = (size_t)h & (s->cap - 1);
  while (s->slot[i] && s->slot[i] != h)
    i = (i + 1) & (s->cap - 1);
  *at = i;
  return s->slot[i] == h;
}

static void insert(nx_shingles *s, uint64_t h)
{
  size_t at;
  if (find(s, h, &at))
    return;
  if ((s->n + 1) * 2 > s->cap) {
    nx_shingles bigger = {xcalloc(s->cap * 2, sizeof *s->slot), s->cap * 2,
                          0};
    for (size_t i = 0; i < s->cap; i++)
      if (s->slot[i])
        insert(&bigger, s->slot[i]);
    free(s->slot);
    *s = bigger;
    find(s, h, &at);
  }
  s->slot[at] = h;
  s->n++;
}

/* Adds shingle h to 'into', or counts it in *shared when 'in' holds it. */
static void visit(uint64_t h, nx_shingles *into, const nx_shingles *in,
                  size_t *shared)
{
  size_t at;
  if (into)
    insert(into, h);
  else if (in && find(in, h, &at))
    (*shared)++;
}

/* Runs over the shingles of p[0, len): adds them to 'into' when it is not
 * NULL, else counts those found in 'in'. Returns the number of shingles. */
static size_t each(const char *p, size_t len, nx_shingles *into,
                   const nx_shingles *in, size_t *shared)
{
  struct words w = {{0}, 0};
  size_t count = 0;
  for (size_t i = 0; i < len;) {
    if (!is_word_byte((unsigned char)p[i])) {
      i++;
      continue;
    }
    size_t start = i;
    while (i < len && is_word_byte((unsigned char)p[i]))
      i++;
    w.h[w.n % 4] = word_hash(p + start, i - start);
    w.n++;
    if (w.n >= 4) {
      visit(shingle_hash(&w, 4), into, in, shared);
      count++;
    }
  }
  if (w.n > 0 && w.n < 4) { /* a text of fewer than four words */
    visit(shingle_hash(&w, w.n), into, in, shared);
    count++;
  }
  return count;
}

size_t nx_shingles_add(nx_shingles *s, const char *p, size_t len)
{
  return each(p, len, s, NULL, NULL);
}

size_t nx_shingles_shared(const nx_shingles *s, const char *p, size_t len,
                          size_t *total)
{
  size_t shared = 0;
  *total = each(p, len, NULL, s, &shared);
  return shared;
}
