/* match.h: run a compiled ruleset over one text. A matcher is the
 * per-thread state (match data, match limits); the ruleset it reads is
 * shared. */
#ifndef NX_MATCH_H
#define NX_MATCH_H

#include "rules.h"
#include "text.h"

#include <jansson.h>
#include <stdbool.h>

typedef struct nx_matcher nx_matcher; /* opaque, one per thread */

/* Why a match did not become a record (what --explain reports). */
enum nx_drop {
  NX_KEPT = 0,
  NX_DROP_VETO,      /* the rule's veto matched its sentence */
  NX_DROP_OVERLAP,   /* an earlier rule of the same type matched there */
  NX_DROP_REPLACED,  /* a later match of the same type that contains it
                      * states more */
  NX_DROP_EXCLUDE,   /* the type's stop list holds the field */
  NX_DROP_DUPLICATE  /* the same statement as an earlier record */
};

/* One match of one rule: its fields, in the rule's order. */
struct nx_hit {
  size_t rule;
  size_t start, end; /* byte offsets of the match in the text */
  json_t *fields;    /* an object; owned by the hit */
  enum nx_drop drop;
  size_t other;      /* NX_DROP_DUPLICATE: where the kept record starts */
  unsigned sibling;  /* "split": 0 for the first record of a match, k for
                      * the k-th further one (same span, another item) */
};

struct nx_hits {
  struct nx_hit *v;
  size_t n, cap;
  size_t *limited; /* rules that hit their match limit on this text */
  size_t nlimited;
};

/* Match limits bound each pattern's work on one document, so that a rule
 * that backtracks badly costs only itself. */
#define NX_MATCH_LIMIT 10000000u
#define NX_DEPTH_LIMIT 10000u
#define NX_HEAP_LIMIT_KIB 65536u
#define NX_JIT_STACK_KIB 2048u

nx_matcher *nx_matcher_new(const nx_ruleset *rs);

/* Keeps vetoed matches as hits marked NX_DROP_VETO (for --explain). */
void nx_matcher_keep_vetoed(nx_matcher *m, bool keep);
void nx_matcher_free(nx_matcher *m); /* NULL is a no-op */

/* Runs every rule over the whole text, ignoring its keywords and anchor:
 * what --check-rules tries when an example fails, to tell the author the
 * gate is why. */
void nx_matcher_ungated(nx_matcher *m, bool ungated);

/* Appends to 'out' the hits of every rule over text[0, len) (valid UTF-8),
 * rule by rule in ruleset order, each rule's hits in text order. When
 * 'only' is not (size_t)-1, runs that rule alone. A rule that hits a limit
 * keeps the hits it found before, and its index is added to 'limited'. */
void nx_match_text(nx_matcher *m, const char *text, size_t len, size_t only,
                   struct nx_hits *out);

void nx_hits_clear(struct nx_hits *h); /* frees the fields, keeps memory */
void nx_hits_free(struct nx_hits *h);

/* Applies the [cut] rules to the paragraphs: keep[i] becomes 0 for each
 * paragraph they drop (keep has ps->n entries, all set by the caller). */
void nx_match_cuts(nx_matcher *m, const struct nx_paragraphs *ps,
                   unsigned char *keep);

#endif /* NX_MATCH_H */
