/* expand.h: rule patterns with their {{name}} references filled in, from
 * the ruleset's [define] sections and word lists.
 *
 * Two forms of the same pattern. The inline form copies each definition
 * where it is used: what the lint reads and what an error offset points
 * into. The called form writes each definition that captures nothing once,
 * in a (?(DEFINE)...) group at the end, and calls it with (?&__name): the
 * built-in ratings rules use the company-name parts two dozen times each,
 * and inlined they made patterns near PCRE2's 64 KiB limit, slow to JIT
 * and hard on the instruction cache. Still copied inline: a short
 * definition; one that captures, refers to other groups or uses
 * backtracking verbs; and one used under options other than i, m and s. */
#ifndef NX_EXPAND_H
#define NX_EXPAND_H

#include "buf.h"
#include "rules_impl.h"

#include <stdbool.h>
#include <stddef.h>

/* Appends the inline form of 'src' to out. On an unknown name or a loop,
 * writes why to bad[0, badsize) and returns false. */
bool nx_expand_inline(const nx_ruleset *rs, const char *src,
                      struct nx_buf *out, char *bad, size_t badsize);

/* Appends the called form of 'src' to out; errors as above. */
bool nx_expand_called(const nx_ruleset *rs, const char *src,
                      struct nx_buf *out, char *bad, size_t badsize);

/* True when an expanded pattern can be copied into a larger one (as a
 * subroutine, or as one branch of an alternation) and match the same: it
 * captures nothing, and refers to no group by number or name. */
bool nx_expand_self_contained(const char *pattern);

struct nx_gate_ref;

/* What the reference name[0, len) stands for, for the gate's reader
 * (gate_read.h; 'rs' is the nx_ruleset, as a callback's context): false
 * when it names nothing. */
bool nx_expand_resolve(void *rs, const char *name, size_t len,
                       struct nx_gate_ref *out);

/* Group names the called form adds start with this: not fields, not
 * helpers the lint should ask about. */
#define NX_EXPAND_PREFIX "__"

#endif /* NX_EXPAND_H */
