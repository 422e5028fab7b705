/* test_keywords.c: the one-pass keyword scan that gates rules. */
#include "harness.h"

#include "keywords.h"

#include <stdio.h>

/* The hits as "at:id" pairs, for comparing in one string. */
static const char *hits(const nx_keywords *k, const char *text)
{
  static char out[512];
  struct nx_keyword_hits h = {0};
  nx_keywords_find(k, text, strlen(text), &h);
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < h.n && n < sizeof out - 32; i++)
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%zu:%u/%u", i ? " " : "",
                          h.v[i].at, (unsigned)h.v[i].id, (unsigned)h.v[i].len);
  nx_keyword_hits_free(&h);
  return out;
}

int main(void)
{
  nx_keywords *k = nx_keywords_new();
  OK(nx_keywords_add(k, "target") == 0, "first word gets id 0");
  OK(nx_keywords_add(k, "PT") == 1, "second word gets id 1");
  OK(nx_keywords_add(k, "target") == 0, "a word added twice keeps its id");
  OK(nx_keywords_count(k) == 2, "count");
  STR_EQ(hits(k, "Price Target and TARGET and target"), "6:0/6 17:0/6 28:0/6",
         "a lower-case word matches in any case");
  STR_EQ(hits(k, "PT, pt, Pt"), "0:1/2", "a word with a capital matches exactly");
  STR_EQ(hits(k, ""), "", "empty text");
  STR_EQ(hits(k, "targe"), "", "a word cut off by the end of the text");

  nx_keywords_add(k, "up from");
  nx_keywords_add(k, "upgrad");
  nx_keywords_add(k, "upgrade");
  nx_keywords_add(k, "(");
  nx_keywords_add(k, "$");
  STR_EQ(hits(k, "Upgraded (CIFR) up from $5"),
         "0:3/6 0:4/7 9:5/1 16:2/7 24:6/1",
         "overlapping words all found, by position then id; spaces and "
         "punctuation");
  STR_EQ(hits(k, "up  from"), "", "white space is literal");

  nx_keywords_add(k, "café");
  STR_EQ(hits(k, "CAFÉ café"), "6:7/5", "only ASCII letters fold");
  nx_keywords_free(k);
  nx_keywords_free(NULL);
  HARNESS_END();
}
