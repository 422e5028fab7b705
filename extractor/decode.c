/* decode.c: see decode.h. iconv is glibc's; an iconv_t is opened per
 * document that needs one (most text is UTF-8 and needs none), so threads
 * share nothing. */
#include "decode.h"

#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <strings.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

bool nx_decode_known(const char *encoding)
{
  iconv_t cd = iconv_open("UTF-8", encoding);
  if (cd == (iconv_t)-1)
    return false;
  iconv_close(cd);
  return true;
}

static bool is_utf8_name(const char *name)
{
  return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

/* p[0, len) through iconv into out; a byte it cannot decode becomes
 * U+FFFD (and is counted), and decoding goes on after it. */
static nx_status convert(iconv_t cd, const char *p, size_t len,
                         struct nx_buf *out, size_t *replaced)
{
  char *in = (char *)p; /* iconv's prototype; it does not write there */
  size_t left = len;
  nx_status st = NX_OK;
  while (left && st == NX_OK) {
    char chunk[4096], *to = chunk;
    size_t room = sizeof chunk;
    size_t rc = iconv(cd, &in, &left, &to, &room);
    int why = rc == (size_t)-1 ? errno : 0;
    st = nx_buf_add(out, chunk, sizeof chunk - room);
    if (st != NX_OK || why == 0 || why == E2BIG)
      continue;
    /* EILSEQ: a byte that is not this encoding; EINVAL: the text ends in
     * the middle of a character. */
    size_t bad = why == EINVAL ? left : 1;
    st = nx_buf_add(out, replacement, 3);
    *replaced += bad;
    in += bad;
    left -= bad;
  }
  return st;
}

nx_status nx_decode_text(const char *p, size_t len, const char *encoding,
                         struct nx_buf *out, bool *decoded, size_t *replaced,
                         const char **used)
{
  *decoded = false;
  *replaced = 0;
  *used = encoding ? encoding : "UTF-8";
  const unsigned char *u = (const unsigned char *)p;
  if (encoding == NULL && len >= 2 &&
      ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    *used = "UTF-16"; /* iconv reads the byte order mark and drops it */
  else if (encoding == NULL && !nx_utf8_is_clean(p, len) &&
           nx_utf8_is_single_byte(p, len))
    *used = "WINDOWS-1252";
  if (is_utf8_name(*used)) {
    if (nx_utf8_is_clean(p, len))
      return NX_OK;
    *decoded = true;
    return nx_utf8_repair(p, len, out, replaced);
  }
  iconv_t cd = iconv_open("UTF-8", *used);
  if (cd == (iconv_t)-1) /* a header's charset iconv does not know */
    return nx_decode_text(p, len, NULL, out, decoded, replaced, used);
  *decoded = true;
  nx_status st = convert(cd, p, len, out, replaced);
  iconv_close(cd);
  return st;
}
