/* date.h: publication dates read from what pages write: ISO 8601 values,
 * "November 19, 2019", "19. März 2019", "14.03.2019", dates inside running
 * text and inside URLs. Every date found is checked: a real day of a real
 * month, a year from 1995 to next year (the web's news, give or take), a
 * time of day and a zone offset in range. Pure functions; no locale. */
#ifndef NX_DATE_H
#define NX_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct nx_date {
  int year, month, day;
  int hour, minute, second; /* hour < 0: no time of day */
  int offset;               /* minutes east of UTC, when has_zone */
  bool has_zone;
};

/* A value from markup (a meta tag's content, a datetime attribute, a
 * JSON-LD string): an ISO 8601 date or date-time at its start
 * ("2019-11-19T02:46:42.471+01:00", "2019-11-19 02:46", "20191119"), else
 * the first date anywhere in it, as nx_date_find reads one ("01:38 PM IST
 * Nov 20, 2019" is 2019-11-20, without its time). Returns false when it
 * holds no valid date. */
bool nx_date_parse(const char *s, struct nx_date *d);

/* The first valid date in running text s[0, len): "November 19th, 2019",
 * "Nov. 19 2019", "19 November 2019", "19. März 2019", "19 de marzo de
 * 2019", "2019-11-19", "19.11.2019", "19/11/2019" (a slashed date only when
 * day and month cannot be swapped). With 'loose', also a month and day
 * with the year apart ("November 20 15:23 2019"), for text that a page
 * marks as its date. Times of day are not read. */
bool nx_date_find(const char *s, size_t len, bool loose, struct nx_date *d);

/* The offset in s[0, len) where the first date nx_date_find would read
 * starts, or len when there is none. */
size_t nx_date_locate(const char *s, size_t len);

/* A date in a URL's path: "/2019/11/19/", "/2019/nov/18/",
 * "/2019-11-19-slug", "slug-20191115". Returns false for none. */
bool nx_date_from_url(const char *url, struct nx_date *d);

/* Writes d as ISO 8601 into out[0, size): "2019-11-19" for a date,
 * "2019-11-19T01:46:42Z" for a time with a zone (converted to UTC),
 * "2019-11-19T02:46:42" for a local time whose zone the page did not say.
 * Returns false (out empty) when it does not fit. */
bool nx_date_format(const struct nx_date *d, char *out, size_t size);

#endif /* NX_DATE_H */
