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
  STR_EQ(iso("2019-11-19T02:46:42.471Z", d, sizeof d), "2019-11-19T02:46:42Z",
         "ISO date-time with fraction and Z: to the second");
  STR_EQ(iso("2019-11-19 02:46:42+0000", d, sizeof d), "2019-11-19T02:46:42Z",
         "space separator, +HHMM offset");
  STR_EQ(iso("2026-03-04T09:15-03:00", d, sizeof d), "2026-03-04T12:15:00Z",
         "minutes only, negative offset: converted to UTC");
  STR_EQ(iso("2019-11-19T00:30:00+05:30", d, sizeof d),
         "2019-11-18T19:00:00Z", "an offset moves the day back");
  STR_EQ(iso("2019-12-31T23:30:00-01:00", d, sizeof d),
         "2020-01-01T00:30:00Z", "and forward, over a year's end");
  STR_EQ(iso("2019-11-19T02:46:42", d, sizeof d), "2019-11-19T02:46:42",
         "no zone: a local time, kept as such");
  STR_EQ(iso("  2019-11-19", d, sizeof d), "2019-11-19", "date only");
  STR_EQ(iso("2019/11/19", d, sizeof d), "2019-11-19", "slashes");
  STR_EQ(iso("2022-5-5 22:17:36", d, sizeof d), "2022-05-05T22:17:36",
         "one-digit month and day");
  STR_EQ(iso("20191115", d, sizeof d), "2019-11-15", "basic format");
  STR_EQ(iso("November 19, 2019", d, sizeof d), "2019-11-19",
         "month name first");
  STR_EQ(iso("Nov. 3 2019", d, sizeof d), "2019-11-03", "abbreviated month");
  STR_EQ(iso("19 November 2019", d, sizeof d), "2019-11-19", "day first");
  STR_EQ(iso("Tue, 4 May 2021 19:18:00 +0200", d, sizeof d),
         "2021-05-04T17:18:00Z", "RFC 2822 (RSS pubDate)");
  STR_EQ(iso("November 19, 2019, 9:02 PM", d, sizeof d), "2019-11-19T21:02:00",
         "a clock time with PM");
  STR_EQ(iso("01:38:07 PM IST Nov 20, 2019", d, sizeof d), "2019-11-20",
         "a date after a time: the date");
  STR_EQ(iso("Fri Feb 18 10:27:24 2022", d, sizeof d), "2022-02-18",
         "asctime");
  STR_EQ(iso("2019-13-01", d, sizeof d), "(rejected)", "month 13");
  STR_EQ(iso("2019-02-29", d, sizeof d), "(rejected)",
         "no 29 February in 2019");
  STR_EQ(iso("2020-02-29", d, sizeof d), "2020-02-29", "but in 2020");
  STR_EQ(iso("2019-04-31", d, sizeof d), "(rejected)", "no 31 April");
  STR_EQ(iso("1970-01-01T00:00:00Z", d, sizeof d), "(rejected)",
         "the epoch is a placeholder, before 1995");
  STR_EQ(iso("0001-01-01 00:00:00Z", d, sizeof d), "(rejected)", "year 1");
  STR_EQ(iso("2999-01-01", d, sizeof d), "(rejected)", "after next year");
  STR_EQ(iso("yesterday", d, sizeof d), "(rejected)", "not a date");
  STR_EQ(iso("2019-11-19T25:00", d, sizeof d), "(rejected)", "hour 25");
  STR_EQ(iso("2019-11-19T10:00+25:00", d, sizeof d), "(rejected)",
         "offset of 25 hours");

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
