/* selftest.h: --check-rules. Every rule's examples are its tests: run each
 * example sentence through the rule and compare with its 'expect'. */
#ifndef NX_SELFTEST_H
#define NX_SELFTEST_H

#include "rules.h"

#include <stdio.h>

struct nx_selftest_result {
  size_t passed, failed, warnings;
};

/* Runs every example, writing one line per failure ("FILE:LINE: rule
 * NAME: ...") and per lint warning to 'report', then a summary line.
 * Fills 'result'. */
void nx_selftest_run(const nx_ruleset *rs, FILE *report,
                     struct nx_selftest_result *result);

#endif /* NX_SELFTEST_H */
