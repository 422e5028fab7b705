/* shingle.h: sets of word 4-grams ("shingles"), to measure how much of
 * one text another holds, as the article-extraction benchmark does. A
 * word is a run of letters and digits (any non-ASCII byte counts as a
 * letter), so normalised text (text.h) compares as its words. */
#ifndef NX_SHINGLE_H
#define NX_SHINGLE_H

#include <stddef.h>

typedef struct nx_shingles nx_shingles; /* opaque */

/* A new, empty set; free with nx_shingles_free. */
nx_shingles *nx_shingles_new(void);
void nx_shingles_free(nx_shingles *s); /* NULL is a no-op */

/* Adds the shingles of p[0, len) (a text of fewer than four words is one
 * shingle); returns how many it has. */
size_t nx_shingles_add(nx_shingles *s, const char *p, size_t len);

/* How many of the shingles of p[0, len) are in s; '*total' receives how
 * many p has. */
size_t nx_shingles_shared(const nx_shingles *s, const char *p, size_t len,
                          size_t *total);

#endif /* NX_SHINGLE_H */
