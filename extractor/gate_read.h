/* gate_read.h: reads a rule's pattern for gate.h. A small recursive
 * descent over PCRE2's syntax as rule patterns are compiled (UTF, UCP,
 * EXTENDED) that works out, for any match of the pattern, how it starts,
 * which mention types it contains and whether it may contain a '\n'.
 * Whatever it does not follow reads as "anything": every answer is one
 * that holds for every match (and may hold for more). */
#ifndef NX_GATE_READ_H
#define NX_GATE_READ_H

#include "gate.h"

#include <stdbool.h>
#include <stddef.h>

/* More clauses than this are dropped (a weaker gate); more ways to start
 * are merged (a wider one). */
#define NX_GATE_MAX_CLAUSES 16
#define NX_GATE_MAX_STARTS 16

struct nx_gate_reading {
  bool known;   /* false: syntax it does not follow (a verb, (?x)...): no
                 * gate at all */
  bool newline; /* a match may contain a '\n' */
  struct nx_typeset need[NX_GATE_MAX_CLAUSES]; /* as in struct nx_gate */
  size_t nneed;
  struct nx_start start[NX_GATE_MAX_STARTS]; /* none: anywhere (also for
                                              * a pattern with \G) */
  size_t nstart;
};

/* Reads 'pattern' (expanded: no {{name}} left) into *out. */
void nx_gate_read(const char *pattern, struct nx_gate_reading *out);

/* True when byte b is in s. */
bool nx_bset_has(const struct nx_bset *s, unsigned b);

#endif /* NX_GATE_READ_H */
