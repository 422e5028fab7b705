/* test_meta.c: metadata normalisers (meta.h) and shingle overlap
 * (shingle.h), the pieces of issue 4 that are pure functions. */
#include "harness.h"

#include "meta.h"
#include "shingle.h"

static const char *iso(const char *in, char *out, size_t size)
{
  return nx_meta_iso_date(in, out, size) ? out : "(rejected)";
}

int main(void)
{
  char d[64];
  STR_EQ(iso("2019-11-19T02:46:42.471Z", d, sizeof d),
         "2019-11-19T02:46:42.471Z", "ISO date-time with fraction and Z");
  STR_EQ(iso("2019-11-19 02:46:42+0000", d, sizeof d),
         "2019-11-19T02:46:42+00:00", "space separator, +HHMM offset");
  STR_EQ(iso("2026-03-04T09:15-03:00", d, sizeof d), "2026-03-04T09:15-03:00",
         "minutes only, negative offset");
  STR_EQ(iso("  2019-11-19", d, sizeof d), "2019-11-19", "date only");
  STR_EQ(iso("2019/11/19", d, sizeof d), "2019-11-19", "slashes");
  STR_EQ(iso("November 19, 2019", d, sizeof d), "2019-11-19",
         "month name first");
  STR_EQ(iso("Nov. 3 2019", d, sizeof d), "2019-11-03", "abbreviated month");
  STR_EQ(iso("19 November 2019", d, sizeof d), "2019-11-19", "day first");
  STR_EQ(iso("2019-13-01", d, sizeof d), "(rejected)", "month 13");
  STR_EQ(iso("yesterday", d, sizeof d), "(rejected)", "not a date");
  STR_EQ(iso("2019-11-19T25:00", d, sizeof d), "(rejected)", "hour 25");

  struct nx_meta m;
  nx_meta_init(&m);
  OK(nx_meta_set_lang(&m, "en_US"), "en_US is a language tag");
  STR_EQ(m.lang, "en-US", "underscore becomes a hyphen");
  OK(!nx_meta_set_lang(&m, "fr"), "a set field is kept");
  nx_meta_clear(&m);
  OK(!nx_meta_set_lang(&m, "english"), "a word is not a language tag");
  OK(!nx_meta_set_url(&m, "/relative/path"), "a relative URL is refused");
  OK(nx_meta_set_url(&m, "https://example.com/a"), "an absolute URL is kept");
  nx_meta_add_author(&m, "By  Jane Roe");
  nx_meta_add_author(&m, "Jane Roe");
  nx_meta_add_author(&m, "https://example.com/authors/jane");
  OK(m.nauthors == 1, "authors: 'By' dropped, duplicates and URLs skipped");
  STR_EQ(m.nauthors ? m.authors[0] : NULL, "Jane Roe", "author name");
  nx_meta_set_title(&m, "  A \xE2\x80\x9Cquoted\xE2\x80\x9D   title ");
  STR_EQ(m.title, "A \"quoted\" title", "title is normalised");
  nx_meta_clear(&m);

  nx_shingles *s = nx_shingles_new();
  const char *body = "one two three four five six seven eight";
  OK(nx_shingles_add(s, body, strlen(body)) == 5, "8 words give 5 shingles");
  size_t total;
  size_t shared = nx_shingles_shared(s, "three four five six", 19, &total);
  OK(shared == 1 && total == 1, "a 4-word piece of the text is shared");
  shared = nx_shingles_shared(s, "two three", 9, &total);
  OK(shared == 0 && total == 1, "a short text is one shingle of its own");
  nx_shingles_free(s);
  HARNESS_END();
}
