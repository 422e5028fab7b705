/* test_content.c: the class/id hint patterns of content analysis follow
 * the ruleset's JIT setting (--no-jit must reach them: valgrind cannot
 * follow JIT code). */
#include "harness.h"

#include "content.h"
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>

static nx_ruleset *load(bool jit)
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

int main(void)
{
  uint32_t has_jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &has_jit);

  nx_ruleset *rs = load(false);
  OK(rs != NULL, "the built-in rules load without JIT");
  nx_hints *h = nx_hints_new(rs);
  OK(nx_hints_jitted(h) == 0, "--no-jit: no hint pattern is JIT code");
  nx_hints_free(h);
  nx_ruleset_free(rs);

  rs = load(true);
  OK(rs != NULL, "the built-in rules load with JIT");
  h = nx_hints_new(rs);
  OK(nx_hints_jitted(h) == (has_jit ? 4u : 0u),
     "with JIT, the four hint lists are JIT code where PCRE2 has it");
  nx_hints_free(h);
  nx_ruleset_free(rs);
  HARNESS_END();
}
