/* test_gate_memo.c: a pattern's gate read before expansion, with each
 * definition and list read once (gate_read.h's memo), is the gate its
 * inline expansion gives: for every built-in rule, and for the places
 * where a reference cannot be read in place. */
#include "harness.h"

#include "expand.h"
#include "gate.h"
#include "gate_read.h"
#include "rules.h"
#include "rules_impl.h"

#include <stdio.h>

static bool same_reading(const struct nx_gate_reading *a,
                         const struct nx_gate_reading *b) {
  if (a->known != b->known || a->newline != b->newline ||
      a->nneed != b->nneed || a->nstart != b->nstart)
    return false;
  for (size_t i = 0; i < a->nneed; i++)
    if (memcmp(a->need[i].w, b->need[i].w, sizeof a->need[i].w) != 0)
      return false;
  for (size_t i = 0; i < a->nstart; i++) {
    const struct nx_start *x = &a->start[i], *y = &b->start[i];
    if (memcmp(x->prev.w, y->prev.w, sizeof x->prev.w) != 0 ||
        memcmp(x->cur.w, y->cur.w, sizeof x->cur.w) != 0 ||
        x->prev.edge != y->prev.edge || x->cur.edge != y->cur.edge)
      return false;
  }
  return true;
}

/* Reads 'src' both ways in rs: 1 when the memo read it and agrees with
 * the expansion, 0 when it declined, -1 when they differ. */
static int both_ways(nx_ruleset *rs, struct nx_gate_memo *memo,
                     const char *src) {
  struct nx_buf pat;
  nx_buf_init(&pat, 0);
  char bad[256];
  if (!nx_expand_inline(rs, src, &pat, bad, sizeof bad)) {
    nx_buf_free(&pat);
    return -1;
  }
  struct nx_gate_reading inline_form, source;
  nx_gate_read(pat.data, &inline_form);
  nx_buf_free(&pat);
  if (!nx_gate_read_source(src, memo, &source))
    return 0;
  return same_reading(&inline_form, &source) ? 1 : -1;
}

static nx_ruleset *load(const char *text) {
  nx_ruleset *rs = nx_ruleset_new();
  struct nx_error err;
  if (nx_ruleset_add_memory(rs, "t.rules", text, strlen(text), &err) !=
          NX_OK ||
      nx_ruleset_compile(rs, &err) != NX_OK) {
    nx_ruleset_free(rs);
    return NULL;
  }
  return rs;
}

int main(void) {
  /* The built-in rules: every pattern reads the same both ways. */
  nx_ruleset *rs = nx_ruleset_new();
  struct nx_error err;
  OK(nx_ruleset_add_path(rs, "rules", &err) == NX_OK &&
         nx_ruleset_compile(rs, &err) == NX_OK,
     "the built-in rules load");
  struct nx_gate_memo *memo = nx_gate_memo_new(nx_expand_resolve, rs);
  size_t read = 0, declined = 0, differ = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    int r = both_ways(rs, memo, rs->rules[i]->pattern);
    read += r == 1;
    declined += r == 0;
    if (r < 0 && differ++ == 0)
      printf("# differs: %s\n", rs->rules[i]->name);
  }
  char name[160];
  snprintf(name, sizeof name,
           "every built-in gate reads the same from the source "
           "(%zu read, %zu declined)",
           read, declined);
  OK(differ == 0 && rs->nrules > 0, name);
  OK(read >= rs->nrules * 9 / 10, "nearly every rule is read from its source");
  size_t entries = nx_gate_memo_count(memo);
  for (size_t i = 0; i < rs->nrules; i++)
    both_ways(rs, memo, rs->rules[i]->pattern);
  OK(nx_gate_memo_count(memo) == entries && entries > 0,
     "a second reading adds nothing to the memo");
  nx_gate_memo_free(memo);
  nx_ruleset_free(rs);

  /* One definition read under (?i) and not: two readings, each right. */
  rs = load("[type m]\nmention = yes\n\n"
            "[define d]\npattern = Ab(?:c|D)\n\n"
            "[define open]\npattern = a)(b\n\n"
            "[define outer]\npattern = x{{d}}+ # a comment\n\n"
            "[rule m/a]\ntype = m\npattern = q\n");
  OK(rs != NULL, "a small rule set loads");
  memo = nx_gate_memo_new(nx_expand_resolve, rs);
  OK(both_ways(rs, memo, "{{d}}\\h+{{@m}}") == 1, "a definition and a mention");
  OK(both_ways(rs, memo, "(?i:{{d}})|{{d}}?") == 1 &&
         nx_gate_memo_count(memo) == 2,
     "caseless and not: one reading each");
  OK(both_ways(rs, memo, "{{outer}}{2}\\n{{d}}") == 1 &&
         nx_gate_memo_count(memo) == 3,
     "a definition inside another is read once");
  OK(both_ways(rs, memo, "a # see {{d}}\nb") == 0,
     "a reference in a comment: the expansion is read");
  OK(both_ways(rs, memo, "[{{d}}]") == 0,
     "a reference in a class: the expansion is read");
  OK(both_ways(rs, memo, "(?:{{open}})") == 0,
     "a definition whose groups do not close: the expansion is read");
  nx_gate_memo_free(memo);
  nx_ruleset_free(rs);
  HARNESS_END();
}
