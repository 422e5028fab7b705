/* keywords.h: many literal words found in a text in one pass. Rules name
 * the words every match of theirs contains ("keywords = target, PT"); one
 * scan of a document then tells every rule where it can match, where a
 * regex anchor per rule would cost a scan each.
 *
 * Matching is "smart case": a word written without capitals matches in any
 * case ("target" finds "Target"), a word with one matches exactly ("PT"
 * does not find "pt"). Only ASCII letters fold. */
#ifndef NX_KEYWORDS_H
#define NX_KEYWORDS_H

#include <stddef.h>
#include <stdint.h>

typedef struct nx_keywords nx_keywords; /* the words; immutable once built */

nx_keywords *nx_keywords_new(void);
void nx_keywords_free(nx_keywords *k); /* NULL is a no-op */

/* Adds 'word' (non-empty) and returns its id; a word added twice keeps its
 * first id. Ids count from 0. */
size_t nx_keywords_add(nx_keywords *k, const char *word);
size_t nx_keywords_count(const nx_keywords *k);

struct nx_keyword_hit {
  size_t at;  /* byte offset of the occurrence */
  uint32_t id;
  uint32_t len;
};

struct nx_keyword_hits {
  struct nx_keyword_hit *v;
  size_t n, cap;
};

/* Replaces out's contents with every occurrence of every word in
 * text[0, len), overlapping ones included, by position (then by id). */
void nx_keywords_find(const nx_keywords *k, const char *text, size_t len,
                      struct nx_keyword_hits *out);

void nx_keyword_hits_free(struct nx_keyword_hits *h);

#endif /* NX_KEYWORDS_H */
