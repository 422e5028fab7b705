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

/* Reading a rule's pattern before expansion, with each definition and
 * list read once per ruleset (a memo) instead of once per pattern that
 * uses it: the same reading as nx_gate_read gives on the expansion. */

/* What {{name}} stands for. */
struct nx_gate_ref {
  enum { NX_GATE_REF_MENTION, NX_GATE_REF_DEFINE, NX_GATE_REF_LIST } kind;
  unsigned code;    /* MENTION: its mention_code */
  const char *text; /* DEFINE: its body, as written (it may hold {{name}});
                     * LIST: its pattern, one group */
  const void *key;  /* DEFINE, LIST: the same for every reference to it */
};

/* Resolves the name[0, len) of a reference into *out; false when it names
 * nothing. */
typedef bool (*nx_gate_resolve_fn)(void *ctx, const char *name, size_t len,
                                   struct nx_gate_ref *out);

struct nx_gate_memo; /* readings of definitions and lists */

/* A memo that resolves names with 'resolve' (ctx is its first argument).
 * Free with nx_gate_memo_free; valid while what resolve returns is. */
struct nx_gate_memo *nx_gate_memo_new(nx_gate_resolve_fn resolve, void *ctx);
void nx_gate_memo_free(struct nx_gate_memo *m); /* NULL is a no-op */

/* How many readings it holds. */
size_t nx_gate_memo_count(const struct nx_gate_memo *m);

/* Reads the unexpanded pattern 'src' into *out, as nx_gate_read reads its
 * inline expansion. False when it cannot tell (a reference in a comment or
 * a class, syntax the reader does not know): then read the expansion. */
bool nx_gate_read_source(const char *src, struct nx_gate_memo *memo,
                         struct nx_gate_reading *out);

/* True when byte b is in s. */
bool nx_bset_has(const struct nx_bset *s, unsigned b);

#endif /* NX_GATE_READ_H */
