/* test_cut_jit.c: the cuts run on PCRE2's interpreter for their first
 * NX_CUT_JIT_AFTER paragraphs and JIT-compiled after (rules_impl.h), and
 * drop the same paragraphs either way; with --no-jit they are never
 * JIT-compiled. */
#include "harness.h"

#include "match.h"
#include "rules.h"
#include "testrules.h"
#include "rules_impl.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

#define NPARAS 150 /* fewer than NX_CUT_JIT_AFTER, more than half of it */

/* Runs the cuts over NPARAS paragraphs, every third an advertising label
 * (the built-in cut 'prompts' drops it); true when exactly those are
 * dropped. */
static bool cuts_right(nx_matcher *m, struct nx_paragraphs *ps)
{
  unsigned char keep[NPARAS];
  memset(keep, 1, sizeof keep);
  nx_match_cuts(m, ps, keep);
  for (size_t i = 0; i < NPARAS; i++)
    if (keep[i] != (i % 3 != 0))
      return false;
  return true;
}

static void paragraphs(struct nx_paragraphs *ps)
{
  nx_paragraphs_init(ps, 0);
  for (size_t i = 0; i < NPARAS; i++) {
    const char *p = i % 3 == 0
                        ? "Advertisement"
                        : "The plant ran at full capacity in the quarter.";
    nx_paragraphs_add(ps, p, strlen(p));
  }
}

int main(void)
{
  uint32_t has_jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &has_jit);
  struct nx_paragraphs ps;
  paragraphs(&ps);
  OK(ps.n == NPARAS, "the paragraphs are kept apart");

  nx_ruleset *rs = load_builtin_rules(true);
  OK(rs != NULL && rs->any_cut != NULL,
     "the built-in cuts load, as one alternation");
  nx_matcher *m = nx_matcher_new(rs);
  OK(cuts_right(m, &ps), "on the interpreter: every label dropped, no prose");
  OK(atomic_load(&rs->any_cut_jit) == NULL,
     "the alternation is not JIT-compiled before NX_CUT_JIT_AFTER paragraphs");
  OK(cuts_right(m, &ps), "past the mark: the same paragraphs dropped");
  OK((atomic_load(&rs->any_cut_jit) != NULL) == (has_jit != 0),
     "the alternation is JIT-compiled past the mark where PCRE2 has JIT");
  nx_matcher_free(m);
  nx_ruleset_free(rs);

  rs = load_builtin_rules(false);
  OK(rs != NULL, "the built-in rules load without JIT");
  m = nx_matcher_new(rs);
  OK(cuts_right(m, &ps) && cuts_right(m, &ps), "--no-jit: the same drops");
  OK(atomic_load(&rs->any_cut_jit) == NULL, "--no-jit: never JIT-compiled");
  nx_matcher_free(m);
  nx_ruleset_free(rs);
  nx_paragraphs_free(&ps);
  HARNESS_END();
}
