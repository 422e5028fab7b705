/* gate_read_impl.h: what the pattern reader of gate_read.h shares
 * between its modules: the reader's state, sets of bytes, and the sets of
 * characters one character item of a pattern matches (gate_cset.c). Not
 * an interface: gate_read.h is. */
#ifndef NX_GATE_READ_IMPL_H
#define NX_GATE_READ_IMPL_H

#include "gate_read.h"

#include <stdbool.h>
#include <stdint.h>

struct reader {
  const char *p;
  bool caseless; /* (?i) is on */
  bool bad;      /* syntax the reader does not know: no gate */
  bool no_start; /* \G: a match depends on where the search began */
  struct nx_gate_memo *memo; /* reading a source: how {{name}} reads */
  int depth;                 /* of {{name}} inside {{name}} */
};

/* ---- sets of bytes ------------------------------------------------------ */

static inline void bset_add(struct nx_bset *s, unsigned b) {
  s->w[b / 64] |= (uint64_t)1 << (b % 64);
}

static inline void bset_range(struct nx_bset *s, unsigned lo, unsigned hi) {
  for (unsigned b = lo; b <= hi; b++)
    bset_add(s, b);
}

static inline void bset_or(struct nx_bset *a, const struct nx_bset *b) {
  for (int i = 0; i < 4; i++)
    a->w[i] |= b->w[i];
  a->edge |= b->edge;
}

/* ---- sets of characters (one character of the pattern) ------------------ */

/* What one character item (a literal, an escape such as \p{Lu}, a class)
 * matches: its ASCII characters, exactly or not, and how much outside
 * ASCII. */
enum { NONE, SOME, ALL };
struct cset {
  uint64_t asc[2];
  bool exact;          /* asc is exactly its ASCII characters */
  int nonascii;        /* NONE, SOME or ALL of the others */
  struct nx_bset lead; /* lead bytes of its non-ASCII characters */
};

static inline bool cset_has(const struct cset *c, unsigned ch) {
  return (c->asc[ch / 64] >> (ch % 64)) & 1;
}

static inline struct cset cset_anything(void) {
  struct cset c = {{~0ull, ~0ull}, false, ALL, {{0}, false}};
  bset_range(&c.lead, 0xC2, 0xF4);
  return c;
}

static inline void cset_union(struct cset *a, const struct cset *b) {
  a->asc[0] |= b->asc[0];
  a->asc[1] |= b->asc[1];
  a->exact = a->exact && b->exact;
  a->nonascii = a->nonascii > b->nonascii ? a->nonascii : b->nonascii;
  bset_or(&a->lead, &b->lead);
}

/* Under (?i) a letter matches its other case too ('k' and 's' also a
 * character outside ASCII: KELVIN SIGN, LONG S). */
void nx_cset_caseless(struct cset *c);

/* Hex digits in braces, or up to two without, rd->p after "\x"; -1 when
 * bad. */
long nx_cset_read_hex(struct reader *rd);

/* The character set of code point cp. */
struct cset nx_cset_code_point(long cp);

/* The set of a backslash class escape (\d, \s, ...) or a literal escape,
 * rd->p after the backslash, inside a class or not. *other is set for
 * an escape that is no character (an assertion, a reference). */
struct cset nx_cset_escape(struct reader *rd, bool in_class, bool *other);

/* A class, rd->p after its '['. */
struct cset nx_cset_class(struct reader *rd);

#endif /* NX_GATE_READ_IMPL_H */
