/* testrules.h: the built-in rules (rules/), loaded and compiled with JIT
 * on or off, for the unit tests that run them. */
#ifndef NX_TESTRULES_H
#define NX_TESTRULES_H

#include "rules.h"

#include <stdbool.h>
#include <stdio.h>

/* NULL, with the reason printed as a TAP comment, when they do not load. */
static nx_ruleset *load_builtin_rules(bool jit)
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
