/* date.c: see date.h. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Next year, from the clock: a date later than that is a typo or a
 * placeholder. An average Gregorian year is 31556952 s; at worst the bound
 * is a day late around New Year. */
static int last_year(void)
{
  time_t now = time(NULL);
  return 1970 + (int)(now / 31556952) + 1;
}

static bool is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool valid_day(int y, int m, int d)
{
  return y >= 1995 && y <= last_year() && m >= 1 && m <= 12 && d >= 1 &&
         d <= month_days(y, m);
}

static bool valid(const struct nx_date *d)
{
  if (!valid_day(d->year, d->month, d->day))
    return false;
  if (d->hour >= 0 && (d->hour > 23 || d->minute > 59 || d->second > 59))
    return false;
  return !d->has_zone || (d->offset >= -14 * 60 && d->offset <= 14 * 60);
}

static void set_day(struct nx_date *d, int y, int m, int day)
{
  memset(d, 0, sizeof *d);
  d->year = y;
  d->month = m;
  d->day = day;
  d->hour = -1;
}

/* Reads exactly 'count' digits at *s into *out. */
static bool digits(const char **s, int count, int *out)
{
  int v = 0;
  for (int i = 0; i < count; i++) {
    if (!isdigit((unsigned char)(*s)[i]))
      return false;
    v = v * 10 + ((*s)[i] - '0');
  }
  *s += count;
  *out = v;
  return true;
}

/* Reads 1 to 'max' digits at *s, before 'end', not followed by another
 * digit. */
static bool number(const char **s, const char *end, int max, int *out)
{
  int v = 0, n = 0;
  while (*s + n < end && isdigit((unsigned char)(*s)[n])) {
    if (++n > max)
      return false;
    v = v * 10 + ((*s)[n - 1] - '0');
  }
  if (n == 0)
    return false;
  *s += n;
  *out = v;
  return true;
}

/* A zone at p: "Z", "GMT", "UTC", "+01:00", "+0100", "+01". Returns false
 * for a malformed offset; leaves d without a zone when there is none. */
static bool zone(const char *p, struct nx_date *d)
{
  while (*p == ' ')
    p++;
  if (*p == 'Z' || *p == 'z' || strncmp(p, "GMT", 3) == 0 ||
      strncmp(p, "UTC", 3) == 0) {
    d->has_zone = true;
  } else if ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1])) {
    int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
    if (!digits(&p, 2, &oh))
      return false;
    if (*p == ':')
      p++;
    if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
      return false;
    if (om > 59)
      return false;
    d->has_zone = true;
    d->offset = sign * (oh * 60 + om);
  }
  return true;
}

/* "T02:46", "T02:46:42.471", then a zone. Leaves d's time unset when there
 * is none. */
static bool time_of_day(const char *p, struct nx_date *d)
{
  if (!((*p == 'T' || *p == ' ') && isdigit((unsigned char)p[1])))
    return true;
  p++;
  if (!digits(&p, 2, &d->hour) || *p++ != ':' || !digits(&p, 2, &d->minute))
    return false;
  if (*p == ':') {
    p++;
    if (!digits(&p, 2, &d->second))
      return false;
    /* A fraction: ".471", and ":684" as some sites write it. */
    if ((*p == '.' || *p == ',' || *p == ':') && isdigit((unsigned char)p[1]))
      for (p++; isdigit((unsigned char)*p); p++)
        ;
  }
  return zone(p, d);
}

/* An ISO 8601 date at p: "2019-11-19", "2019/11/19" or "20191119", then
 * an optional time of day. */
static bool iso_date(const char *p, struct nx_date *d)
{
  int y, m, day;
  if (!digits(&p, 4, &y))
    return false;
  if (*p == '-' || *p == '/') {
    char sep = *p++;
    const char *end = p + 6; /* "2022-5-5" as well as "2022-05-05" */
    if (!number(&p, end, 2, &m) || *p++ != sep || !number(&p, end, 2, &day))
      return false;
  } else if (!digits(&p, 2, &m) || !digits(&p, 2, &day) ||
             isdigit((unsigned char)*p))
    return false;
  set_day(d, y, m, day);
  return time_of_day(p, d) && valid(d);
}

/* Month names, lower case, in English, German, French and Spanish. A word
 * of three letters or more that starts an English or German name is its
 * abbreviation ("Nov", "Sept", "Okt", "Dez"). */
static const struct {
  const char *name;
  int month;
  bool prefix_ok;
} months[] = {
    /* clang-format off */
    {"january", 1, true},  {"february", 2, true},  {"march", 3, true},
    {"april", 4, true},    {"may", 5, true},       {"june", 6, true},
    {"july", 7, true},     {"august", 8, true},    {"september", 9, true},
    {"october", 10, true}, {"november", 11, true}, {"december", 12, true},
    {"januar", 1, true},   {"februar", 2, true},   {"m\xc3\xa4rz", 3, true},
    {"maerz", 3, false},   {"mai", 5, false},      {"juni", 6, false},
    {"juli", 7, false},    {"oktober", 10, true},  {"dezember", 12, true},
    {"janvier", 1, false}, {"f\xc3\xa9vrier", 2, false},
    {"fevrier", 2, false}, {"mars", 3, false},     {"avril", 4, false},
    {"juin", 6, false},    {"juillet", 7, false},  {"ao\xc3\xbbt", 8, false},
    {"aout", 8, false},    {"septembre", 9, false}, {"octobre", 10, false},
    {"novembre", 11, false}, {"d\xc3\xa9" "cembre", 12, false},
    {"decembre", 12, false}, {"enero", 1, false},  {"febrero", 2, false},
    {"marzo", 3, false},   {"abril", 4, false},    {"mayo", 5, false},
    {"junio", 6, false},   {"julio", 7, false},    {"agosto", 8, false},
    {"septiembre", 9, false}, {"setiembre", 9, false}, {"octubre", 10, false},
    {"noviembre", 11, false}, {"diciembre", 12, false},
    /* clang-format on */
};

static bool is_word_byte(unsigned char c)
{
  return isalpha(c) || c >= 0x80;
}

/* The month named by the word at s[0, n), or 0. */
static int month_word(const char *s, size_t n)
{
  char w[16];
  if (n < 3 || n >= sizeof w)
    return 0;
  for (size_t i = 0; i < n; i++)
    w[i] = (char)tolower((unsigned char)s[i]);
  w[n] = '\0';
  for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
    size_t k = strlen(months[i].name);
    if ((k == n && memcmp(w, months[i].name, n) == 0) ||
        (months[i].prefix_ok && n < k && memcmp(w, months[i].name, n) == 0))
      return months[i].month;
  }
  return 0;
}

/* A month word at *s (with its trailing period), moving *s past it. */
static int month_at(const char **s, const char *end)
{
  size_t n = 0;
  while (*s + n < end && is_word_byte((unsigned char)(*s)[n]))
    n++;
  int m = month_word(*s, n);
  if (m) {
    *s += n;
    if (*s < end && **s == '.')
      (*s)++;
  }
  return m;
}

/* Skips white space (U+00A0 too), commas and, if given, the word 'word'
 * ("de"). */
static void skip_glue(const char **s, const char *end, const char *word)
{
  for (;;) {
    const char *p = *s;
    if (p < end && (isspace((unsigned char)*p) || *p == ','))
      *s = p + 1;
    else if (end - p >= 2 && (unsigned char)p[0] == 0xc2 &&
             (unsigned char)p[1] == 0xa0)
      *s = p + 2;
    if (*s != p)
      continue;
    size_t k = word ? strlen(word) : 0;
    if (k && *s + k < end && strncmp(*s, word, k) == 0 && (*s)[k] == ' ')
      *s += k;
    else
      return;
  }
}

/* A 4-digit year at *s, not followed by a digit. */
static bool year_at(const char **s, const char *end, int *y)
{
  const char *p = *s;
  if (end - p < 4 || !digits(&p, 4, y) ||
      (p < end && isdigit((unsigned char)*p)))
    return false;
  *s = p;
  return true;
}

/* A day number at *s: "19", "19th", "1st", "1er", "19." */
static bool day_at(const char **s, const char *end, int *day)
{
  const char *p = *s;
  if (p >= end || !isdigit((unsigned char)*p) || !number(&p, end, 2, day))
    return false;
  if (end - p >= 2 && (strncmp(p, "st", 2) == 0 || strncmp(p, "nd", 2) == 0 ||
                       strncmp(p, "rd", 2) == 0 || strncmp(p, "th", 2) == 0 ||
                       strncmp(p, "er", 2) == 0))
    p += 2;
  else if (p < end && *p == '.')
    p++;
  if (p < end && is_word_byte((unsigned char)*p))
    return false;
  *s = p;
  return true;
}

/* "November 19, 2019" (or, loose, "November 20 15:23 2019") at s. */
static bool month_first(const char **sp, const char *end, bool loose,
                        struct nx_date *d)
{
  const char *s = *sp;
  int m = month_at(&s, end), day, y;
  if (m == 0)
    return false;
  skip_glue(&s, end, NULL);
  if (!day_at(&s, end, &day))
    return false;
  skip_glue(&s, end, NULL);
  if (year_at(&s, end, &y)) {
    set_day(d, y, m, day);
    *sp = s;
    return valid(d);
  }
  /* Loose: the next 4-digit number within 20 bytes, past a time. */
  for (const char *p = s; loose && p < end && p < s + 20; p++)
    if (isdigit((unsigned char)*p) &&
        (p == s || !isdigit((unsigned char)p[-1]))) {
      const char *q = p;
      if (year_at(&q, end, &y)) {
        set_day(d, y, m, day);
        *sp = q;
        return valid(d);
      }
    }
  return false;
}

/* "19 November 2019", "19. März 2019", "19 de marzo de 2019" at s. */
static bool day_first(const char **sp, const char *end, struct nx_date *d)
{
  const char *s = *sp;
  int day, m, y;
  if (!day_at(&s, end, &day))
    return false;
  skip_glue(&s, end, "de");
  if ((m = month_at(&s, end)) == 0)
    return false;
  skip_glue(&s, end, "de");
  if (!year_at(&s, end, &y))
    return false;
  set_day(d, y, m, day);
  *sp = s;
  return valid(d);
}

/* "2019-11-19", "2019/11/19", "2019.11.19", "19.11.2019", "19/11/2019" at s,
 * which starts a number. */
static bool numeric(const char **sp, const char *end, struct nx_date *d)
{
  int a, b, c;
  const char *s = *sp, *p = s;
  if (end - p < 8 || !number(&p, end, 4, &a) || p >= end)
    return false;
  char sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return false;
  size_t na = (size_t)(p - s);
  p++;
  if (p >= end || !isdigit((unsigned char)*p) || !number(&p, end, 2, &b) ||
      p >= end || *p != sep)
    return false;
  p++;
  if (p >= end || !isdigit((unsigned char)*p))
    return false;
  const char *q = p;
  if (!number(&p, end, 4, &c) || (p < end && isdigit((unsigned char)*p)))
    return false;
  size_t nc = (size_t)(p - q);
  if (na == 4 && nc <= 2)
    set_day(d, a, b, c);
  else if (na <= 2 && nc == 4 && sep == '.')
    set_day(d, c, b, a);
  else if (na <= 2 && nc == 4 && sep == '/' && a > 12 && b <= 12)
    set_day(d, c, b, a);
  else if (na <= 2 && nc == 4 && sep == '/' && b > 12 && a <= 12)
    set_day(d, c, a, b);
  else
    return false;
  *sp = p;
  return valid(d);
}

/* The first date in s[0, end); it spans [*start, *after). */
static bool find(const char *s, const char *end, bool loose, struct nx_date *d,
                 const char **start, const char **after)
{
  for (const char *p = s; p < end; p++) {
    unsigned char c = (unsigned char)*p,
                  prev = p > s ? (unsigned char)p[-1] : ' ';
    const char *q = p;
    if ((isdigit(c) && !isdigit(prev) && !isalpha(prev) &&
         (numeric(&q, end, d) || day_first(&q, end, d))) ||
        (is_word_byte(c) && !is_word_byte(prev) &&
         month_first(&q, end, loose, d))) {
      *start = p;
      *after = q;
      return true;
    }
  }
  return false;
}

bool nx_date_find(const char *s, size_t len, bool loose, struct nx_date *d)
{
  const char *start, *after;
  return find(s, s + len, loose, d, &start, &after);
}

size_t nx_date_locate(const char *s, size_t len)
{
  struct nx_date d;
  const char *start, *after;
  return find(s, s + len, false, &d, &start, &after) ? (size_t)(start - s)
                                                     : len;
}

/* A clock time after a date in markup ("Tue, 4 May 2021 19:18:00 +0200",
 * "November 19, 2019, 9:02 AM", "21.01.2022 - 13:30"): sets d's time when
 * there is a valid one, else leaves d a date. */
static void clock_after(const char *p, struct nx_date *d)
{
  while (*p == ' ' || *p == ',' || *p == '-' || *p == '|')
    p++;
  if (strncmp(p, "at ", 3) == 0 || strncmp(p, "um ", 3) == 0)
    p += 3;
  struct nx_date t = *d;
  const char *end = p + strlen(p);
  if (!number(&p, end, 2, &t.hour) || *p++ != ':' || !digits(&p, 2, &t.minute))
    return;
  if (*p == ':' && (p++, !digits(&p, 2, &t.second)))
    return;
  while (*p == ' ')
    p++;
  if (strncasecmp(p, "am", 2) == 0 || strncasecmp(p, "pm", 2) == 0) {
    if (t.hour < 1 || t.hour > 12)
      return;
    t.hour = t.hour % 12 + (tolower((unsigned char)*p) == 'p' ? 12 : 0);
    p += 2;
  }
  if (zone(p, &t) && valid(&t))
    *d = t;
}

bool nx_date_parse(const char *s, struct nx_date *d)
{
  while (isspace((unsigned char)*s))
    s++;
  if (iso_date(s, d))
    return true;
  /* A malformed ISO value ("2019-02-30", "2019-11-19T25:00") is not
   * searched for another date. */
  const char *p = s;
  int y;
  if (digits(&p, 4, &y) && (*p == '-' || *p == '/'))
    return false;
  /* Loose: "Fri Feb 18 10:27:24 2022" (C's asctime) is a date. */
  const char *start;
  if (!find(s, s + strlen(s), true, d, &start, &p))
    return false;
  clock_after(p, d);
  return true;
}

bool nx_date_from_url(const char *url, struct nx_date *d)
{
  const char *start = strstr(url, "://");
  start = start ? strchr(start + 3, '/') : url;
  if (start == NULL)
    return false;
  const char *end = start + strcspn(start, "?#");
  for (const char *p = start; p < end; p++) {
    if (!isdigit((unsigned char)*p) ||
        (p > start && isdigit((unsigned char)p[-1])))
      continue;
    const char *q = p;
    int y, m, day;
    if (end - q < 4 || !digits(&q, 4, &y))
      continue;
    if (q < end && (*q == '/' || *q == '-' || *q == '_')) {
      char sep = *q++;
      const char *r = q;
      if (!number(&r, end, 2, &m) && (m = month_at(&r, end)) == 0)
        continue;
      if (r < end && *r++ == sep && number(&r, end, 2, &day) &&
          (r == end || !isdigit((unsigned char)*r))) {
        set_day(d, y, m, day);
        if (valid(d))
          return true;
      }
    } else if (end - q >= 4 && digits(&q, 2, &m) && digits(&q, 2, &day) &&
               (q == end || !isdigit((unsigned char)*q))) {
      set_day(d, y, m, day);
      if (valid(d))
        return true;
    }
  }
  return false;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool nx_date_format(const struct nx_date *d, char *out, size_t size)
{
  int n;
  if (d->hour < 0)
    n = snprintf(out, size, "%04d-%02d-%02d", d->year, d->month, d->day);
  else if (!d->has_zone)
    n = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month,
                 d->day, d->hour, d->minute, d->second);
  else {
    long min = days_from_civil(d->year, d->month, d->day) * 1440 +
               d->hour * 60 + d->minute - d->offset;
    long days = min >= 0 ? min / 1440 : (min - 1439) / 1440;
    int y, m, day, rest = (int)(min - days * 1440);
    civil_from_days(days, &y, &m, &day);
    n = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, day,
                 rest / 60, rest % 60, d->second);
  }
  if (n < 0 || (size_t)n >= size) {
    if (size)
      *out = '\0';
    return false;
  }
  return true;
}
