/* dollar.h: which dollar a bare "$" is.
 *
 * A rule reads "$19" as USD (lists/currencies.list), but an article on a
 * Sydney-, Toronto-, Hong Kong- or Singapore-listed stock means its own
 * dollar by it, and says so somewhere else: the stock's exchange
 * ("(ASX: GMG)"), a prefixed sign in the same paragraph ("HK$"), a
 * listing word ("Hong Kong-listed"), a ticker's suffix ("00006.HK"), the
 * market the article covers ("ASX Broker Moves"). lists/dollar_markets.list
 * names that evidence and its currency; these functions weigh it. */
#ifndef NX_DOLLAR_H
#define NX_DOLLAR_H

#include "wordlist.h"

#include <stdbool.h>
#include <stddef.h>

/* True when text[start, end) writes an amount with a bare "$" ("C$" and
 * "HK$" are not bare) and names no US dollar ("US$", "USD", "dollars"). */
bool nx_dollar_bare(const char *text, size_t start, size_t end);

/* The currency that the evidence of 'markets' in text[from, to) points
 * to, or NULL when it is absent or split. With 'strong', a lone mention
 * is not enough, and a non-US dollar must outweigh the US evidence
 * three to one (a document's evidence; a paragraph's needs one mention
 * and a majority). */
const char *nx_dollar_evidence(const nx_wordlist *markets, const char *text,
                               size_t from, size_t to, bool strong);

#endif /* NX_DOLLAR_H */
