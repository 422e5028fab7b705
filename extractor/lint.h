/* lint.h: warnings about rule files that compile but are likely wrong or
 * slow, reported by --check-rules: a rule without examples, a pattern that
 * can match the empty string, a shared definition nothing uses, a private
 * group nothing reads, a declared field no rule sets, and nested unbounded
 * quantifiers such as (a+)+ that invite catastrophic backtracking. */
#ifndef NX_LINT_H
#define NX_LINT_H

#include "rules.h"

#include <stdbool.h>
#include <stdio.h>

/* Writes one "FILE:LINE: warning: ..." line per finding to 'report' and
 * returns how many there were. */
size_t nx_lint_run(const nx_ruleset *rs, FILE *report);

/* True when the (extended-syntax) pattern holds a group whose body is a
 * single unboundedly repeated item and which is itself repeated without
 * bound: "(a+)+", "(?:\w*)*". Exposed for tests. */
bool nx_lint_nested_quantifier(const char *pattern);

#endif /* NX_LINT_H */
