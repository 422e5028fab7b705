/* testrules.h: the built-in rules (rules/ under the directory the tests
 * run in), loaded and compiled. Shared by the unit tests that need them. */
#ifndef NX_TESTRULES_H
#define NX_TESTRULES_H

#include "rules.h"

#include <stdbool.h>
#include <stdio.h>

/* The rules, JIT-compiled when 'jit'; NULL, after a "# rules:" line, when
 * they do not load. */
static nx_ruleset *test_rules(bool jit)
{
  struct nx_error err;
  nx_ruleset *rs = nx_ruleset_new();
  nx_ruleset_set_jit(rs, jit);
  if (nx_ruleset_add_path(rs, "rules", &err) != NX_OK ||
      nx_ruleset_compile(rs, &err) != NX_OK) {
    printf("# rules: %s\n", err.text);
    nx_ruleset_free(rs);
    return NULL;
  }
  return rs;
}

#endif /* NX_TESTRULES_H */
