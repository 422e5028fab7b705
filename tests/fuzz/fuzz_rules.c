/* fuzz_rules.c: the rule-file parser and compiler, then every example of
 * whatever compiled (the matcher and field expressions). */
#include <stdint.h>
#include <stdio.h>

#include "replay.h"
#include "rules.h"
#include "selftest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  nx_ruleset *rs = nx_ruleset_new();
  struct nx_error err;
  if (nx_ruleset_add_memory(rs, "fuzz.rules", (const char *)data, size,
                            &err) == NX_OK &&
      nx_ruleset_compile(rs, &err) == NX_OK) {
    FILE *devnull = fopen("/dev/null", "w");
    struct nx_selftest_result result;
    if (devnull) {
      nx_selftest_run(rs, devnull, &result);
      fclose(devnull);
    }
  }
  nx_ruleset_free(rs);
  return 0;
}
