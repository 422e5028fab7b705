/* test_date.c: dates in running text and in URLs (date.h), the evidence
 * below markup that issue 14 asks a date extractor to read. */
#include "harness.h"

#include "date.h"

/* The first date in s as ISO 8601, or "(none)". */
static const char *found(const char *s, bool loose, char *out, size_t size)
{
  struct nx_date d;
  if (!nx_date_find(s, strlen(s), loose, &d) || !nx_date_format(&d, out, size))
    return "(none)";
  return out;
}

static const char *in_url(const char *url, char *out, size_t size)
{
  struct nx_date d;
  if (!nx_date_from_url(url, &d) || !nx_date_format(&d, out, size))
    return "(none)";
  return out;
}

int main(void)
{
  char d[64];
  STR_EQ(found("Published: Monday, November 18th, 2019 at 11:08 a.m.", false, d,
               sizeof d),
         "2019-11-18", "weekday, month, ordinal day, year");
  STR_EQ(found("publiziert am 25. September 2018", false, d, sizeof d),
         "2018-09-25", "German, day first with a period");
  STR_EQ(found("30. M\xc3\xa4rz 2020, 13:15 Uhr", false, d, sizeof d),
         "2020-03-30", "German month with an umlaut");
  STR_EQ(found("Von X, 07 Dezember, 2022", false, d, sizeof d), "2022-12-07",
         "German month, comma before the year");
  STR_EQ(found("le 15 septembre 2009", false, d, sizeof d), "2009-09-15",
         "French");
  STR_EQ(found("1er d\xc3\xa9"
               "cembre 2019",
               false, d, sizeof d),
         "2019-12-01", "French first of the month");
  STR_EQ(found("19 de marzo de 2019", false, d, sizeof d), "2019-03-19",
         "Spanish");
  STR_EQ(found("Stand 14.03.2019", false, d, sizeof d), "2019-03-14",
         "day.month.year");
  STR_EQ(found("[ 2018-09-28 17:32 ]", false, d, sizeof d), "2018-09-28",
         "ISO inside text");
  STR_EQ(found("on 25/12/2019", false, d, sizeof d), "2019-12-25",
         "slashes, day first when the day is over 12");
  STR_EQ(found("on 12/25/2019", false, d, sizeof d), "2019-12-25",
         "slashes, month first when the day is over 12");
  STR_EQ(found("on 03/04/2019", false, d, sizeof d), "(none)",
         "slashes that could be either way: no date");
  STR_EQ(found("31.02.2019 then 01.03.2019", false, d, sizeof d), "2019-03-01",
         "an impossible date is passed over");
  STR_EQ(found("May 2019", false, d, sizeof d), "(none)", "no day");
  STR_EQ(found("Marching 12, 2019", false, d, sizeof d), "(none)",
         "a word that starts like a month is not one");
  STR_EQ(found("November 20 15:23 2019", false, d, sizeof d), "(none)",
         "a year apart is not read strictly");
  STR_EQ(found("November 20 15:23 2019", true, d, sizeof d), "2019-11-20",
         "but loosely");
  STR_EQ(found("June 5, 1994", false, d, sizeof d), "(none)",
         "before 1995: not a web page's date");

  STR_EQ(in_url("https://example.com/news/2019/03/14/slug/", d, sizeof d),
         "2019-03-14", "/YYYY/MM/DD/");
  STR_EQ(in_url("https://www.politifact.com/x/2019/nov/18/y/", d, sizeof d),
         "2019-11-18", "/YYYY/mon/DD/");
  STR_EQ(in_url("https://example.org/tuft-cells-20191115/", d, sizeof d),
         "2019-11-15", "YYYYMMDD at the end of a slug");
  STR_EQ(in_url("https://example.org/2019-03-14-slug.html", d, sizeof d),
         "2019-03-14", "YYYY-MM-DD in a slug");
  STR_EQ(in_url("https://web.archive.org/web/20140109030403/"
                "http://x.example/2013/12/09/a/",
                d, sizeof d),
         "2013-12-09", "a 14-digit timestamp is not a date");
  STR_EQ(in_url("https://example.org/2019/03/slug", d, sizeof d), "(none)",
         "year and month only");
  STR_EQ(in_url("https://example.org/a/1538123681.jpg", d, sizeof d), "(none)",
         "an id");
  STR_EQ(in_url("https://example.org/a?d=2019-03-14", d, sizeof d), "(none)",
         "the query is not the path");
  STR_EQ(in_url("https://2019.example.org/a/", d, sizeof d), "(none)",
         "the host is not the path");
  HARNESS_END();
}
