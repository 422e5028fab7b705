/* test_lint.c: the catastrophic-backtracking heuristic. */
#include "harness.h"

#include "lint.h"

int main(void)
{
  OK(nx_lint_nested_quantifier("(a+)+$"), "(a+)+ is flagged");
  OK(nx_lint_nested_quantifier("x (?:\\w*)* y"), "(?:\\w*)* is flagged");
  OK(nx_lint_nested_quantifier("(?<n>[a-z]+){2,}"), "named group, {2,}");
  OK(!nx_lint_nested_quantifier("(a+)"), "a single quantifier is fine");
  OK(!nx_lint_nested_quantifier("(?:\\s+\\w+){0,5}"), "a bounded outer is fine");
  OK(!nx_lint_nested_quantifier("(?>a+)+"), "an atomic group is fine");
  OK(!nx_lint_nested_quantifier("(a++)+"), "a possessive inner is fine");
  OK(!nx_lint_nested_quantifier("\\(a+\\)+"), "escaped parentheses are text");
  OK(!nx_lint_nested_quantifier("(?:ab+c)+"), "a separator between repeats");
  /* "a few words", as people write it (issue 15) */
  OK(nx_lint_nested_quantifier("(?:\\w+\\s*)+"), "(?:\\w+\\s*)+ is flagged");
  OK(nx_lint_nested_quantifier("(\\w+\\s?)*"), "(\\w+\\s?)* is flagged");
  OK(nx_lint_nested_quantifier("(?: \\w+ \\s* )+ x"), "extended layout is read");
  OK(!nx_lint_nested_quantifier("(?:\\w+\\s+)+"), "a required separator is fine");
  OK(!nx_lint_nested_quantifier("(?:\\w+\\s*)++"), "a possessive outer is fine");
  OK(!nx_lint_nested_quantifier("[(a+)+]"), "a class is text");
  OK(!nx_lint_nested_quantifier("(?:\\w+\\s?){1,4}"), "a bounded outer is fine");
  HARNESS_END();
}
