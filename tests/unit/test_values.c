/* test_values.c: numbers, money, units. */
#include "harness.h"

#include "testlist.h"
#include "values.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static double number(const char *s)
{
  double v = -1;
  nx_value_number(s, strlen(s), &v, NULL);
  return v;
}

static nx_wordlist *list(const char *name, const char *body)
{
  struct nx_error err;
  return test_list(name, body, &err);
}

int main(void)
{
  NUM_EQ(number("1,200"), 1200, "thousands separator");
  NUM_EQ(number("1.7"), 1.7, "decimal point (C locale)");
  NUM_EQ(number("$9.7 billion"), 9.7e9, "scale word");
  NUM_EQ(number("C$12.50"), 12.5, "prefix currency");
  NUM_EQ(number("US$1.3bn"), 1.3e9, "short scale word glued to the number");
  NUM_EQ(number("1,166 pence"), 1166, "pence amount");
  NUM_EQ(number("57,00 Euro"), 57, "decimal comma, two digits");
  NUM_EQ(number("12,5"), 12.5, "decimal comma, one digit");
  NUM_EQ(number("1.234,56"), 1234.56, "thousands dot, decimal comma");
  NUM_EQ(number("1,23,456"), 123456, "Indian grouping is no decimal comma");
  NUM_EQ(number("1,200,000"), 1200000, "groups of three");
  double v;
  OK(!nx_value_number("no digits", 9, &v, NULL), "no number, no value");

  /* money(): cents are hundredths of the unit; anything else as number() */
  const char *cents[][2] = {{"99 c", "0.99"}, {"55c", "0.55"},
                            {"71 cents", "0.71"}, {"99\xC2\xA2", "0.99"},
                            {"$1.35", "1.35"}, {"12 CAD", "12"},
                            {"40 cats", "40"}, {"940p", "940"}};
  for (size_t i = 0; i < sizeof cents / sizeof *cents; i++) {
    char what[64];
    snprintf(what, sizeof what, "money(\"%s\")", cents[i][0]);
    v = -1;
    OK(nx_value_money(cents[i][0], strlen(cents[i][0]), &v), what);
    NUM_EQ(v, strtod(cents[i][1], NULL), what);
  }

  nx_wordlist *units = list("power_units", "MW | megawatt | megawatts | "
                                           "MWac => 1\n"
                                           "GW | gigawatt | gigawatts => 1000\n"
                                           "kW | kilowatts => 0.001\n");
  nx_wordlist *money = list("currencies", "USD | $ | US$ => USD\n"
                                          "CAD | C$ => CAD\n"
                                          "GBX | pence | p => GBX\n"
                                          "EUR | \xE2\x82\xAC => EUR\n");
  OK(units && money, "lists load");
  double mw = 0;
  OK(nx_value_mw("1.7 gigawatts", 13, units, &mw), "spelled unit");
  NUM_EQ(mw, 1700, "1.7 gigawatts is 1700 MW");
  nx_value_mw("285-MW", 6, units, &mw);
  NUM_EQ(mw, 285, "285-MW is 285 MW");
  nx_value_mw("500 kW", 6, units, &mw);
  NUM_EQ(mw, 0.5, "500 kW is 0.5 MW");
  nx_value_mw("1.5GW", 5, units, &mw);
  NUM_EQ(mw, 1500, "1.5GW is 1500 MW");
  nx_value_mw("300 MWac", 8, units, &mw);
  NUM_EQ(mw, 300, "MWac is MW");
  OK(!nx_value_mw("300 MWh", 7, units, &mw), "MWh is not a power unit");

  const struct nx_word *w = nx_value_marker("C$12", 4, money);
  STR_EQ(w ? w->value : NULL, "CAD", "C$ is CAD");
  w = nx_value_marker("$18", 3, money);
  STR_EQ(w ? w->value : NULL, "USD", "$ is USD");
  w = nx_value_marker("1,166 pence", 11, money);
  STR_EQ(w ? w->value : NULL, "GBX", "pence is GBX");
  w = nx_value_marker("120p", 4, money);
  STR_EQ(w ? w->value : NULL, "GBX", "p after the number is GBX");
  w = nx_value_marker("\xE2\x82\xAC" "45", 5, money);
  STR_EQ(w ? w->value : NULL, "EUR", "euro sign is EUR");

  w = nx_wordlist_find(units, "Mega-Watts", 10);
  STR_EQ(w ? w->canon : NULL, "MW", "lookup folds case and hyphens");

  nx_wordlist_free(units);
  nx_wordlist_free(money);
  HARNESS_END();
}
