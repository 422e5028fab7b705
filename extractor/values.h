/* values.h: pure normalisers from matched text to values. They read the
 * C locale's "1.7" (newsextract never calls setlocale) and never allocate
 * except where a function says so. */
#ifndef NX_VALUES_H
#define NX_VALUES_H

#include "wordlist.h"

#include <stdbool.h>
#include <stddef.h>

/* The first number in s[0, len): "1,200" -> 1200, "$9.7 billion" ->
 * 9.7e9 (thousand, million, billion, trillion and their short forms scale
 * it). Stores the offsets just past the number, scale word included, in
 * *end when end is not NULL. False when s has no number. */
bool nx_value_number(const char *s, size_t len, double *out, size_t *end);

/* An amount of money: nx_value_number, and an amount in cents ("99 c",
 * "55c", "71 cents", "99¢") as the unit's hundredths: 0.99. */
bool nx_value_money(const char *s, size_t len, double *out);

/* The unit or currency marker around the first number of s: the word
 * after it ("1.7 gigawatts" -> "gigawatts", "285-MW" -> "MW", "1,166
 * pence" -> "pence") looked up in 'list'; else the symbol before it
 * ("C$12" -> "C$"). Returns the list entry or NULL. */
const struct nx_word *nx_value_marker(const char *s, size_t len,
                                      const nx_wordlist *list);

/* A power figure in megawatts: the number of s times the value of its unit
 * in 'units' (the multiplier to MW). False when either is missing. */
bool nx_value_mw(const char *s, size_t len, const nx_wordlist *units,
                 double *mw);

#endif /* NX_VALUES_H */
