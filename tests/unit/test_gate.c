/* test_gate.c: where a rule can match (gate.h). A gate must never lose a
 * match: behind its start prefix a pattern finds what it found without
 * it, and a frame runs on the lines that hold its mentions. */
#include "harness.h"

#include "gate.h"
#include "rules_impl.h"

#include <stdio.h>

/* Every match of 're' in s, as "start-end" pairs, the way match.c loops. */
static void all_matches(const pcre2_code *re, const char *s, char *out,
                        size_t size) {
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  size_t len = strlen(s), at = 0, n = 0;
  out[0] = '\0';
  while (at <= len &&
         pcre2_match(re, (PCRE2_SPTR)s, len, at, 0, md, NULL) >= 0) {
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    n += (size_t)snprintf(out + n, size - n, "%zu-%zu ", (size_t)ov[0],
                          (size_t)ov[1]);
    at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  pcre2_match_data_free(md);
}

static pcre2_code *compile(const char *p) {
  int code;
  PCRE2_SIZE off;
  return pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED, &code, &off,
                       NULL);
}

/* The pattern behind its gate's prefix finds the same matches in each
 * text; and the prefix exists when 'gated' says it should. */
static void same_matches(const char *pattern, bool gated,
                         const char *const *texts, const char *what) {
  struct nx_gate *g = nx_gate_new(pattern);
  struct nx_buf prefixed;
  nx_buf_init(&prefixed, 0);
  bool has = nx_gate_start_prefix(g, &prefixed);
  char name[160];
  snprintf(name, sizeof name, "%s: %s", what,
           gated ? "has a start prefix" : "has no start prefix");
  OK(has == gated, name);
  nx_buf_adds(&prefixed, "(?:");
  nx_buf_adds(&prefixed, pattern);
  nx_buf_adds(&prefixed, "\n)");
  pcre2_code *plain = compile(pattern), *gate = compile(prefixed.data);
  snprintf(name, sizeof name, "%s: the prefixed pattern compiles", what);
  OK(plain && gate, name);
  for (size_t i = 0; plain && gate && texts[i]; i++) {
    char want[512], got[512];
    all_matches(plain, texts[i], want, sizeof want);
    all_matches(gate, texts[i], got, sizeof got);
    snprintf(name, sizeof name, "%s: same matches in text %zu", what, i);
    STR_EQ(got, want, name);
  }
  pcre2_code_free(plain);
  pcre2_code_free(gate);
  nx_buf_free(&prefixed);
  nx_gate_free(g);
}

/* A mention text of two lines: BROKER (type 0) and UP (type 1) on the
 * first, UP and RATING (type 2) on the second. */
#define BROKER "\xEE\x80\x80"
#define UP "\xEE\x80\x81"
#define RATING "\xEE\x80\x82"

static void make_mentions(struct nx_mention_text *mt, const char *text) {
  nx_mention_text_init(mt);
  nx_buf_adds(&mt->text, text);
  for (size_t at = 0; at + 2 < mt->text.len; at++)
    if ((unsigned char)text[at] == 0xEE) {
      if (mt->n == mt->cap) {
        mt->cap = mt->cap ? mt->cap * 2 : 8;
        mt->v = realloc(mt->v, mt->cap * sizeof *mt->v);
      }
      mt->v[mt->n++] = (struct nx_mention_place){at, at, at + 3};
    }
}

int main(void) {
  /* Start prefixes: each pattern tried on texts where it matches and
   * where it nearly does. */
  const char *const words[] = {"Citi raised Acme to Buy. it cut it",
                               "x\nAcme: Citi  raises", "", "ACME; Beta. gamma",
                               NULL};
  same_matches("(?<![\\p{L}\\p{N}])(?i:rais(?:e[sd]?|ing)|cut)(?![\\p{L}])",
               true, words, "a verb after a word boundary");
  same_matches("(?:(?<![^\\n])|(?<=[.;]))\\h*(?=\\p{Lu})\\p{Lu}\\w+", true,
               words, "a word at a line or sentence start");
  same_matches("(?:\\p{Lu}\\w+\\h*:\\h*)?(?:Citi|it)\\b", true, words,
               "an optional heading before a name");
  same_matches("(?i)acme|(?-i)Beta", true, words, "alternatives and case");
  same_matches("\\w*", false, words, "a pattern that may match nothing");
  same_matches("\\Gx|.y", false, words, "\\G: no gate");
  same_matches("(?(?=A)A\\w+|[a-z]+)", true, words, "a conditional");

  /* Clauses: what every match holds. */
  struct nx_gate *g = nx_gate_new(BROKER "\\h+(?:" UP "|\\x{E003})\\h+to"
                                         "\\h+" RATING "(?:\\h+" UP ")?");
  OK(g->nneed == 3, "three clauses: broker, up or type 3, rating");
  OK(g->one_line, "\\h and mentions cannot cross a line");
  struct nx_typeset have = {{(1u << 0) | (1u << 1) | (1u << 2)}};
  OK(nx_gate_admits(g, &have), "admitted where all three are");
  have.w[0] = (1u << 0) | (1u << 2);
  OK(!nx_gate_admits(g, &have), "not admitted without the verb");
  have.w[0] = (1u << 0) | (1u << 2) | (1u << 3);
  OK(nx_gate_admits(g, &have), "the clause's other type does");

  /* Windows: the frame runs on the first line only, where its mentions
   * are, and still matches there. */
  struct nx_mention_text mt;
  make_mentions(&mt,
                "Acme: " BROKER " " UP " to " RATING ".\n\n" UP " and " RATING);
  struct nx_mention_lines ml = {0};
  nx_mention_lines_build(&ml, &mt);
  OK(ml.n == 3, "three lines (one empty)");
  size_t line = 0, from = 1, last = 0;
  OK(nx_gate_next_window(g, &ml, &line, &from, &last) && from == 0 &&
         last == ml.v[0].end,
     "the first line is a window");
  OK(!nx_gate_next_window(g, &ml, &line, &from, &last),
     "the line without a broker is not");
  pcre2_code *re = compile(BROKER "\\h+(?:" UP "|\\x{E003})\\h+to\\h+" RATING);
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  OK(re && pcre2_match(re, (PCRE2_SPTR)mt.text.data, ml.v[0].end, 0, 0, md,
                       NULL) >= 0,
     "the frame matches in its window");
  pcre2_match_data_free(md);
  pcre2_code_free(re);
  nx_gate_free(g);

  /* A frame that may cross lines (\s) is admitted by the document, and
   * its matches start by the last line holding a broker (every match
   * holds one). */
  g = nx_gate_new(BROKER "\\s+" UP);
  OK(!g->one_line, "\\s may cross a line");
  line = 0;
  OK(nx_gate_next_window(g, &ml, &line, &from, &last) && from == 0 &&
         last == ml.v[0].end,
     "its window is the text up to its last broker's line");
  nx_gate_free(g);
  g = nx_gate_new(UP "\\s+" RATING);
  line = 0;
  OK(nx_gate_next_window(g, &ml, &line, &from, &last) && from == 0 &&
         last == mt.text.len,
     "the whole text when each type is on the last line");
  nx_gate_free(g);
  g = nx_gate_new(BROKER "\\s+\\x{E005}");
  line = 0;
  OK(!nx_gate_next_window(g, &ml, &line, &from, &last),
     "skipped where the document lacks a type it needs");
  nx_gate_free(g);

  /* What the reader does not know lets everything through. */
  g = nx_gate_new("(*SKIP)" BROKER);
  OK(g->nneed == 0 && g->nstart == 0 && !g->one_line, "a verb: no gate at all");
  nx_gate_free(g);
  g = nx_gate_new("(a)\\1" BROKER);
  OK(!g->one_line, "a backreference may cross a line");
  nx_gate_free(g);

  nx_mention_lines_free(&ml);
  nx_mention_text_free(&mt);
  return harness_failed;
}
