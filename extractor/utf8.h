/* utf8.h: validate and repair UTF-8. Everything past the input stage is
 * valid UTF-8 without NUL bytes, so later stages (utf8proc, PCRE2 with
 * PCRE2_NO_UTF_CHECK, JSON output) can rely on it. */
#ifndef NX_UTF8_H
#define NX_UTF8_H

#include "buf.h"

#include <jansson.h>

#include <stdbool.h>
#include <stddef.h>

/* True when p[0, len) is valid UTF-8 with no NUL byte. */
bool nx_utf8_is_clean(const char *p, size_t len);

/* Appends p[0, len) to out with every invalid sequence replaced by U+FFFD
 * and NUL bytes dropped; adds the number of bytes replaced to *replaced
 * (NULL: not counted). Returns NX_ETOOBIG when out's cap is reached. */
nx_status nx_utf8_repair(const char *p, size_t len, struct nx_buf *out,
                         size_t *replaced);

/* True when p[0, len) has bytes that are not UTF-8 and none of its
 * non-ASCII bytes form a UTF-8 character: text in a single-byte encoding
 * (Latin-1, Windows-1252), not UTF-8 with a few damaged bytes. */
bool nx_utf8_is_single_byte(const char *p, size_t len);

/* The offset of the character after the one at 'at' in valid UTF-8;
 * len + 1 when 'at' is len. */
size_t nx_utf8_next(const char *p, size_t len, size_t at);

/* The largest offset <= 'at' that starts a character. */
size_t nx_utf8_floor(const char *p, size_t len, size_t at);

/* A name (a path, an archive entry, a URL) as valid UTF-8 that keeps its
 * bytes: each byte that is not part of valid UTF-8 becomes "\xHH" (as
 * Python's "backslashreplace" decodes it). Returns a new string; the
 * caller frees it. */
char *nx_utf8_escape(const char *p, size_t len);

/* A new JSON string of s (NULL: JSON null), escaped as nx_utf8_escape
 * does where it is not valid UTF-8: jansson's json_string() returns NULL
 * there, and an object would silently lose the key. */
json_t *nx_utf8_json(const char *s);

#endif /* NX_UTF8_H */
