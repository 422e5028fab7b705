/* test_dollar.c: which dollar a bare "$" is (dollar.h): a sign with a
 * prefix or a currency word is not bare; the evidence of a market's
 * words, signs and ticker suffixes, weighed for a paragraph and (more
 * strictly) for a document. */
#include "harness.h"

#include "dollar.h"
#include "testlist.h"

static const char markets[] =
    "ASX | ASX-listed | A$ | .AX => AUD\n"
    "HKEX | Hong Kong-listed | HK$ | .HK => HKD\n"
    "NYSE | NASDAQ | US$ => USD\n";

static bool bare(const char *s) { return nx_dollar_bare(s, 0, strlen(s)); }

static const char *weigh(const nx_wordlist *wl, const char *s, bool strong)
{
  return nx_dollar_evidence(wl, s, 0, strlen(s), strong);
}

int main(void)
{
  OK(bare("raised its target to $19 from $15"), "a bare $ is bare");
  OK(!bare("raised its target to US$19"), "US$ is not bare");
  OK(!bare("raised its target to HK$19"), "HK$ is not bare");
  OK(bare("to $18.40 from HK$16.90"), "a bare $ beside HK$ is bare");
  OK(!bare("raised its target to $19 (USD)"), "a currency word names it");
  OK(!bare("raised its target to 19 pence"), "no $ at all is not bare");

  struct nx_error err = {0};
  nx_wordlist *wl = test_list("dollar_markets", markets, &err);
  OK(wl != NULL, "the list loads");
  if (wl == NULL)
    HARNESS_END();
  STR_EQ(weigh(wl, "Goodman Group (ASX: GMG) to $19", false), "AUD",
         "a paragraph's one exchange decides");
  OK(weigh(wl, "Goodman Group (ASX: GMG) to $19", true) == NULL,
     "a document needs more than one mention");
  STR_EQ(weigh(wl, "CLP (00002.HK), CKI (01038.HK): targets $78 and $59",
               true),
         "HKD", "ticker suffixes count");
  STR_EQ(weigh(wl, "A Hong Kong-listed peer; Riot (NASDAQ: RIOT), Mara "
                   "(NASDAQ: MARA)",
               false),
         "USD", "the US evidence can outweigh");
  OK(weigh(wl, "ASX and HKEX", false) == NULL, "a tie decides nothing");
  STR_EQ(weigh(wl, "BASX MASX.AXE US$", false), "USD",
         "forms count only as whole words");
  OK(weigh(wl, "HK$5, HK$6 and NYSE", true) == NULL,
     "a document's other dollar must outweigh the US evidence 3 to 1");
  nx_wordlist_free(wl);
  HARNESS_END();
}
