/* utf8.c: see utf8.h. Decoding is utf8proc's, which rejects overlong
 * forms, surrogates and code points past U+10FFFF. */
#include "utf8.h"

#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Bytes taken by the character at p, or a negative number when it is not
 * valid UTF-8. */
static utf8proc_ssize_t char_len(const char *p, size_t len)
{
  utf8proc_int32_t cp;
  return utf8proc_iterate((const utf8proc_uint8_t *)p,
                          (utf8proc_ssize_t)(len < 4 ? len : 4), &cp);
}

/* True when the 8 bytes at p are ASCII and none is NUL: most of a page is,
 * so it is checked a word at a time (the bit trick from "Bit Twiddling
 * Hacks": a byte is zero iff (b - 1) & ~b has its high bit set). */
static bool ascii8(const char *p)
{
  uint64_t w;
  memcpy(&w, p, sizeof w);
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  return ((w | ((w - ones) & ~w)) & highs) == 0;
}

bool nx_utf8_is_clean(const char *p, size_t len)
{
  size_t at = 0;
  while (at < len) {
    if (len - at >= 8 && ascii8(p + at)) {
      at += 8;
      continue;
    }
    unsigned char c = (unsigned char)p[at];
    if (c == 0)
      return false;
    if (c < 0x80) {
      at++;
      continue;
    }
    utf8proc_ssize_t n = char_len(p + at, len - at);
    if (n <= 0)
      return false;
    at += (size_t)n;
  }
  return true;
}

nx_status nx_utf8_repair(const char *p, size_t len, struct nx_buf *out,
                         size_t *replaced)
{
  size_t at = 0, run = 0; /* p[run, at) is clean and not yet copied */
  nx_status st = NX_OK;
  while (at < len && st == NX_OK) {
    unsigned char c = (unsigned char)p[at];
    if (c != 0 && c < 0x80) {
      at++;
      continue;
    }
    utf8proc_ssize_t n = c ? char_len(p + at, len - at) : -1;
    if (n > 0) {
      at += (size_t)n;
      continue;
    }
    st = nx_buf_add(out, p + run, at - run);
    if (st == NX_OK && c != 0) {
      st = nx_buf_add(out, replacement, 3);
      if (replaced)
        (*replaced)++;
    }
    at++;
    run = at;
  }
  if (st == NX_OK)
    st = nx_buf_add(out, p + run, at - run);
  return st;
}

bool nx_utf8_is_single_byte(const char *p, size_t len)
{
  bool invalid = false;
  for (size_t at = 0; at < len; at++) {
    if ((unsigned char)p[at] < 0x80)
      continue;
    utf8proc_ssize_t n = char_len(p + at, len - at);
    if (n > 1)
      return false;
    invalid = true;
  }
  return invalid;
}

size_t nx_utf8_next(const char *p, size_t len, size_t at)
{
  if (at >= len)
    return len + 1;
  at++;
  while (at < len && ((unsigned char)p[at] & 0xC0) == 0x80)
    at++;
  return at;
}

size_t nx_utf8_floor(const char *p, size_t len, size_t at)
{
  if (at > len)
    at = len;
  while (at > 0 && at < len && ((unsigned char)p[at] & 0xC0) == 0x80)
    at--;
  return at;
}

char *nx_utf8_escape(const char *p, size_t len)
{
  struct nx_buf out;
  nx_buf_init(&out, 0);
  size_t at = 0;
  while (at < len) {
    unsigned char c = (unsigned char)p[at];
    utf8proc_ssize_t n = c < 0x80 ? 1 : char_len(p + at, len - at);
    if (c != 0 && n > 0) {
      nx_buf_add(&out, p + at, (size_t)n);
      at += (size_t)n;
    } else {
      char hex[5];
      snprintf(hex, sizeof hex, "\\x%02x", c);
      nx_buf_add(&out, hex, 4);
      at++;
    }
  }
  nx_buf_add(&out, "", 0);
  size_t n;
  return nx_buf_detach(&out, &n);
}

json_t *nx_utf8_json(const char *s)
{
  if (s == NULL)
    return json_null();
  json_t *v = json_string(s);
  if (v == NULL) {
    char *escaped = nx_utf8_escape(s, strlen(s));
    v = json_string(escaped);
    free(escaped);
  }
  return v;
}
