/* test_rows.c: tables drawn without '|' (rows.h). Each text runs through
 * the built-in rules' mentions, and the test reads the mention text the
 * frames would read: which cells got which column marks, and whether a
 * row is one line of it. */
#include "harness.h"
#include "testrules.h"

#include "match.h"
#include "mentions.h"
#include "rules.h"

#include <stdlib.h>

/* The mention text of 'text' as --explain shows it; the caller frees. */
static char *shown(const nx_ruleset *rs, const char *text)
{
  nx_matcher *m = nx_matcher_new(rs);
  struct nx_hits hits = {0};
  size_t len = strlen(text);
  nx_match_text(m, text, len, (size_t)-1, &hits);
  struct nx_mention_text mt;
  nx_mention_text_init(&mt);
  struct nx_buf out;
  nx_buf_init(&out, 0);
  nx_mention_text_build(&mt, rs, text, len, &hits);
  nx_mention_text_show(&mt, rs, text, &out);
  nx_buf_addc(&out, '\0');
  nx_mention_text_free(&mt);
  nx_hits_free(&hits);
  nx_matcher_free(m);
  return out.data;
}

/* The line of the shown text that holds 'needle' (up to its line end),
 * or "" when none does; the caller frees. */
static char *line_with(const char *s, const char *needle)
{
  const char *at = strstr(s, needle);
  if (at == NULL)
    return strdup("");
  while (at > s && at[-1] != '\n')
    at--;
  const char *nl = strchr(at, '\n');
  size_t n = nl ? (size_t)(nl - at) : strlen(at);
  char *line = malloc(n + 1);
  memcpy(line, at, n);
  line[n] = '\0';
  return line;
}

/* The line of 'text' that holds 'needle', in the mention text. */
static void row_is(const nx_ruleset *rs, const char *text, const char *needle,
                   const char *want, const char *what)
{
  char *s = shown(rs, text);
  char *line = line_with(s, needle);
  STR_EQ(line, want, what);
  free(line);
  free(s);
}

/* The mention text of 'text' holds 'want'. */
static void has(const nx_ruleset *rs, const char *text, const char *want,
                const char *what)
{
  char *s = shown(rs, text);
  if (strstr(s, want) == NULL)
    printf("# got: %s\n", s);
  OK(strstr(s, want) != NULL, what);
  free(s);
}

static void no_marks(const nx_ruleset *rs, const char *text, const char *what)
{
  char *s = shown(rs, text);
  OK(strstr(s, "{COL_") == NULL, what);
  free(s);
}

int main(void)
{
  nx_ruleset *rs = load_builtin_rules(true);
  OK(rs != NULL, "the built-in rules load");
  if (rs == NULL)
    HARNESS_END();

  /* A header one label a line, rows whose cells wrap onto lines. */
  const char *ragged = "Stock\n\nDate\n\nResearch house\n\nRecent price\n\n"
                       "Target price\n\nCall\n\n"
                       "Tern Retail 31 July Jefferies $1.20\n\n$1.35\n\n"
                       "Buy 12x P/E\n"
                       "Osprey Mills 30 July UBS 55 c\n\n71 c\n\nHold\n";
  row_is(rs, ragged, "Tern Retail",
         "{COL_COMPANY: }Tern Retail{COL_DATE:  }31 July{COL_BROKER:  }"
         "{BROKER: Jefferies}{COL_PRICE:  }{MONEY: $1.20}{COL_TARGET: ",
         "a header one label a line: each cell gets its column's mark");
  row_is(rs, ragged, "Osprey Mills",
         "{COL_COMPANY: }Osprey Mills{COL_DATE:  }30 July{COL_BROKER:  }"
         "{BROKER: UBS}{COL_PRICE:  }{MONEY: 55 c}{COL_TARGET: ",
         "a new row starts where no later column takes the first cell");
  row_is(rs, ragged, "{MONEY: 71 c}", "}{MONEY: 71 c}{COL_RATING: ",
         "the line breaks inside a row are in its marks");
  row_is(rs, ragged, "12x",
         "}{RATING: Buy}{COL_OTHER:  }12x P/E",
         "the text after the last column ends the rating's cell");

  /* One row a line, cells a run of spaces apart, under a header line. */
  row_is(rs,
         "Company    Broker    Rating    Target\n"
         "Tern Retail    Jefferies    Buy    $45\n"
         "Osprey Mills    UBS    Hold    $30\n",
         "Osprey",
         "{COL_COMPANY: }Osprey Mills{COL_BROKER:     }{BROKER: UBS}"
         "{COL_RATING:     }{RATING: Hold}{COL_TARGET:     }{MONEY: $30}",
         "a header line of columns a run of spaces apart");

  /* An old and a new value with an arrow between are one cell. */
  row_is(rs,
         "Company    Broker    Rating    Target\n"
         "Tern Retail    Jefferies    Hold \xE2\x86\x92 Buy    $40 -> $45\n",
         "Tern",
         "{COL_COMPANY: }Tern Retail{COL_BROKER:     }{BROKER: Jefferies}"
         "{COL_RATING:     }{RATING: Hold} \xE2\x86\x92 {RATING: Buy}"
         "{COL_TARGET:     }{MONEY: $40} -> {MONEY: $45}",
         "a move from an old to a new value is one cell");

  /* No header: rows of the same kinds, a price column of shares. */
  const char *movers = "Risers\nTern Retail (TRN) 245.50p 3.53%\n"
                       "Osprey Mills (OSP.) 1,808.00p 2.61%\n"
                       "Harbor Rail (HRB) 646.50p 1.33%\n";
  row_is(rs, movers, "Osprey",
         "{COL_COMPANY: }Osprey Mills (OSP.){COL_PRICE:  }"
         "{MONEY: 1,808.00p}{COL_CHANGE:  }2.61%",
         "rows of the same kinds: company, price, change");

  /* No header, one cell a line: kinds repeating with a period. */
  has(rs, "Tern Retail\nBuy\nOsprey Mills\nHold\nHarbor Rail\nSell\n",
      "\n{COL_COMPANY: }Osprey Mills{COL_RATING: \n}{RATING: Hold}\n",
      "one cell a line, period 2: company and rating");

  /* What is not a table gets no marks. */
  no_marks(rs,
           "* Tern Retail : Jefferies raises target price to $45 from $40\n"
           "* Osprey Mills : UBS cuts target price to $30 from $33\n"
           "* Harbor Rail : Citi raises target price to $12 from $10\n",
           "a list of prose items is not a table");
  no_marks(rs,
           "Team    Played    Won    Points\nHarbor FC    10    7    21\n"
           "Osprey United    10    6    19\nTern Rovers    10    5    16\n",
           "a league table (no rating, no money) gets no marks");
  no_marks(rs,
           "Harbor FC 3 Osprey United 1\nTern Rovers 2 Kestrel Town 2\n"
           "Marlin City 0 Heron Athletic 4\n",
           "results one a line get no marks");
  nx_ruleset_free(rs);
  HARNESS_END();
}
