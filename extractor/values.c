/* values.c: see values.h. */
#include "values.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct scale {
  const char *word;
  double factor;
};

/* Longest first within a prefix family, so "bn" is not read as "b". */
static const struct scale scales[] = {
    {"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6},
    {"thousand", 1e3},  {"bn", 1e9},      {"mln", 1e6},
    {"mn", 1e6},        {"tn", 1e12},     {NULL, 0}};

static bool is_word_char(unsigned char c)
{
  return isalnum(c) || c >= 0x80;
}

/* Skips spaces from s[at]; returns the new offset. */
static size_t skip_spaces(const char *s, size_t len, size_t at)
{
  while (at < len && s[at] == ' ')
    at++;
  return at;
}

static size_t scale_word(const char *s, size_t len, size_t at, double *factor)
{
  for (const struct scale *sc = scales; sc->word; sc++) {
    size_t n = strlen(sc->word);
    if (at + n <= len && strncasecmp(s + at, sc->word, n) == 0 &&
        (at + n == len || !is_word_char((unsigned char)s[at + n]))) {
      *factor = sc->factor;
      return at + n;
    }
  }
  return at;
}

/* A comma at s[at] that is a decimal comma ("53,10", "12,5", "1.234,56"):
 * one or two digits follow and end the number. A thousands separator has
 * three digits after it ("1,200"), as has the last group of an Indian
 * number ("1,23,456", whose inner groups go on). */
static bool decimal_comma(const char *s, size_t len, size_t at)
{
  size_t n = 0;
  while (at + 1 + n < len && isdigit((unsigned char)s[at + 1 + n]))
    n++;
  if (n < 1 || n > 2)
    return false;
  size_t after = at + 1 + n;
  return !(after + 1 < len && (s[after] == ',' || s[after] == '.') &&
           isdigit((unsigned char)s[after + 1]));
}

bool nx_value_number(const char *s, size_t len, double *out, size_t *end)
{
  size_t at = 0;
  while (at < len && !isdigit((unsigned char)s[at]))
    at++;
  if (at == len)
    return false;
  /* Copy the digits without their thousands separators. */
  char digits[64];
  size_t k = 0;
  bool dot = false;
  for (; at < len && k + 1 < sizeof digits; at++) {
    unsigned char c = (unsigned char)s[at];
    if (isdigit(c))
      digits[k++] = (char)c;
    else if (c == ',' && decimal_comma(s, len, at)) {
      if (dot) { /* "1.234,56": the dots were thousands separators */
        size_t j = 0;
        for (size_t i = 0; i < k; i++)
          if (digits[i] != '.')
            digits[j++] = digits[i];
        k = j;
      }
      digits[k++] = '.';
      dot = true;
    } else if (c == ',' && at + 1 < len && isdigit((unsigned char)s[at + 1]) &&
             !dot)
      continue;
    else if (c == '.' && !dot && at + 1 < len &&
             isdigit((unsigned char)s[at + 1])) {
      digits[k++] = '.';
      dot = true;
    } else
      break;
  }
  digits[k] = '\0';
  double v = strtod(digits, NULL);
  size_t after = skip_spaces(s, len, at);
  double factor = 1;
  size_t scaled = scale_word(s, len, after, &factor);
  if (scaled != after) {
    v *= factor;
    at = scaled;
  }
  *out = v;
  if (end)
    *end = at;
  return true;
}

bool nx_value_money(const char *s, size_t len, double *out)
{
  size_t at;
  if (!nx_value_number(s, len, out, &at))
    return false;
  at = skip_spaces(s, len, at);
  static const char *const cents[] = {"cents", "cent", "c", "\xC2\xA2"};
  for (size_t i = 0; i < sizeof cents / sizeof *cents; i++) {
    size_t n = strlen(cents[i]);
    if (len - at >= n && memcmp(s + at, cents[i], n) == 0 &&
        (at + n == len || !is_word_char((unsigned char)s[at + n]))) {
      *out /= 100;
      break;
    }
  }
  return true;
}

const struct nx_word *nx_value_marker(const char *s, size_t len,
                                      const nx_wordlist *list)
{
  double ignored;
  size_t end;
  size_t first_digit = 0;
  while (first_digit < len && !isdigit((unsigned char)s[first_digit]))
    first_digit++;
  if (!nx_value_number(s, len, &ignored, &end))
    return NULL;
  /* After: an optional hyphen or space, then a run of word characters. */
  size_t at = end;
  if (at < len && (s[at] == '-' || s[at] == ' '))
    at++;
  size_t w = at;
  while (w < len && (is_word_char((unsigned char)s[w]) || s[w] == '$'))
    w++;
  if (w > at) {
    const struct nx_word *found = nx_wordlist_find(list, s + at, w - at);
    if (found)
      return found;
  }
  /* Before: the symbol run just ahead of the number ("US$", "C$", "€"). */
  size_t b = first_digit;
  while (b > 0 && s[b - 1] == ' ')
    b--;
  size_t a = b;
  while (a > 0 && s[a - 1] != ' ')
    a--;
  if (b > a)
    return nx_wordlist_find(list, s + a, b - a);
  return NULL;
}

bool nx_value_mw(const char *s, size_t len, const nx_wordlist *units,
                 double *mw)
{
  double v;
  if (!nx_value_number(s, len, &v, NULL))
    return false;
  const struct nx_word *unit = nx_value_marker(s, len, units);
  if (unit == NULL || unit->value == NULL)
    return false;
  *mw = v * strtod(unit->value, NULL);
  return true;
}
