/* test_expand.c: {{name}} expansion, inline and with subroutine calls. */
#include "harness.h"

#include "expand.h"
#include "match.h"
#include "rules.h"
#include "rules_impl.h"

#include <stdlib.h>

/* A definition long enough to be called: 150 words, word000|word001|... */
static char *long_words(void)
{
  static char body[2048];
  size_t n = 0;
  for (int i = 0; i < 150; i++)
    n += (size_t)snprintf(body + n, sizeof body - n, "%sword%03d",
                          i ? "|" : "", i);
  return body;
}

static nx_ruleset *ruleset(void)
{
  char text[12288];
  snprintf(text, sizeof text,
           "[define big]\npattern = (?:%s)\n\n"
           "[define small]\npattern = [A-Z]+\n\n"
           "[define grabs]\npattern = (?<g>%s)\n\n"
           "[define big_i]\npattern = (?:other|%s)\n",
           long_words(), long_words(), long_words());
  nx_ruleset *rs = nx_ruleset_new();
  struct nx_error err;
  if (nx_ruleset_add_memory(rs, "test.rules", text, strlen(text), &err) !=
      NX_OK) {
    nx_ruleset_free(rs);
    return NULL;
  }
  return rs;
}

static struct nx_buf out; /* what called() returns points into it */

/* The called form of 'src', or "ERROR: why". */
static const char *called(const nx_ruleset *rs, const char *src)
{
  char bad[256];
  nx_buf_free(&out);
  nx_buf_init(&out, 0);
  if (!nx_expand_called(rs, src, &out, bad, sizeof bad)) {
    nx_buf_free(&out);
    nx_buf_adds(&out, "ERROR: ");
    nx_buf_adds(&out, bad);
  }
  return out.data ? out.data : "";
}

static bool has(const char *hay, const char *needle)
{
  return strstr(hay, needle) != NULL;
}

int main(void)
{
  nx_ruleset *rs = ruleset();
  OK(rs != NULL, "rule text with three definitions loads");
  if (rs == NULL)
    HARNESS_END();

  const char *p = called(rs, "a{{big}}b{{big}}");
  OK(has(p, "a(?&__0_big)b(?&__0_big)"), "a long definition is called");
  OK(has(p, "(?(DEFINE)(?<__0_big>(?^x)(?:word000|"), "and defined once, "
     "with its options stated");
  const char *def = strstr(p, "(?<__0_big>");
  OK(def && !strstr(def + 1, "(?<__"), "not twice");
  OK(has(called(rs, "{{small}}"), "(?:[A-Z]+\n)"), "a short one is copied");
  OK(has(called(rs, "{{grabs}}"), "(?:(?<g>word000"), "one that captures is "
     "copied");
  OK(has(called(rs, "(?i:x{{big}})"), "(?<__0_big>(?^xi)"),
     "under (?i:...) the caseless variant is called");
  OK(has(called(rs, "(?i)x{{big}}"), "(?<__0_big>(?^xi)"),
     "an option setting holds to the end of its group");
  OK(has(called(rs, "(?i:x)(?m)[(?i:]\\(?i:#(?i:\n{{big}}"),
         "(?<__0_big>(?^xm)"),
     "classes, escapes and comments are not groups");
  p = called(rs, "(?i:{{big}}){{big_i}}{{big}}");
  OK(has(p, "(?i:(?&__0_big))(?&__1_big_i)(?&__2_big)") &&
         has(p, "(?<__0_big>(?^xi)") && has(p, "(?<__1_big_i>(?^x)(?:other") &&
         has(p, "(?<__2_big>(?^x)(?:word000"),
     "a variant and a definition whose name looks like one stay apart");
  OK(has(called(rs, "(?-x:{{big}})"), "(?:(?:word000"),
     "under other options it is copied");
  OK(has(called(rs, "{{nothing}}"), "ERROR: no definition or list named "
     "'nothing'"), "an unknown name is an error");

  /* What the rules compile to must match as the inline form does. */
  struct nx_error err;
  const char *rule = "[rule t/x]\ntype = t\n"
                     "pattern = (?<![\\w])(?i:{{big}})\\h+(?<=\\h){{big}}\n"
                     "example = WORD042 word007\nexpect = {}\n";
  OK(nx_ruleset_add_memory(rs, "rule.rules", rule, strlen(rule), &err) ==
             NX_OK &&
         nx_ruleset_compile(rs, &err) == NX_OK,
     "a rule calling definitions compiles");
  nx_matcher *m = nx_matcher_new(rs);
  struct nx_hits hits = {0};
  const char *text = "x WORD042 word007 and WORD042 Word007";
  nx_match_text(m, text, strlen(text), (size_t)-1, &hits);
  OK(hits.n == 1 && hits.v[0].start == 2 && hits.v[0].end == 17,
     "its calls match as the inline form: caseless only where (?i) was");
  nx_hits_free(&hits);
  nx_matcher_free(m);
  nx_ruleset_free(rs);
  nx_buf_free(&out);
  HARNESS_END();
}
