/* test_content.c: the class/id hint patterns of content analysis follow
 * the ruleset's JIT setting (--no-jit must reach them: valgrind cannot
 * follow JIT code). */
#include "harness.h"
#include "testrules.h"

#include "content.h"
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>

int main(void)
{
  uint32_t has_jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &has_jit);

  nx_ruleset *rs = test_rules(false);
  OK(rs != NULL, "the built-in rules load without JIT");
  nx_hints *h = nx_hints_new(rs);
  OK(nx_hints_jitted(h) == 0, "--no-jit: no hint pattern is JIT code");
  nx_hints_free(h);
  nx_ruleset_free(rs);

  rs = test_rules(true);
  OK(rs != NULL, "the built-in rules load with JIT");
  h = nx_hints_new(rs);
  OK(nx_hints_jitted(h) == (has_jit ? 4u : 0u),
     "with JIT, the four hint lists are JIT code where PCRE2 has it");
  nx_hints_free(h);
  nx_ruleset_free(rs);
  HARNESS_END();
}
