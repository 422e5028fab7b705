/* test_decode.c: plain text to UTF-8 (issue 15, item 6): the guess
 * between UTF-8, UTF-16 and Windows-1252, --encoding, and the count of
 * bytes that became U+FFFD. */
#include "harness.h"

#include "decode.h"
#include "utf8.h"

struct decoded {
  char text[256];
  bool decoded;
  size_t replaced;
  const char *used;
};

static struct decoded run(const char *p, size_t len, const char *encoding)
{
  struct decoded d = {"", false, 0, NULL};
  struct nx_buf out;
  nx_buf_init(&out, 0);
  nx_decode_text(p, len, encoding, &out, &d.decoded, &d.replaced, &d.used);
  snprintf(d.text, sizeof d.text, "%.*s", (int)out.len,
           out.data ? out.data : "");
  nx_buf_free(&out);
  return d;
}

#define RUN(s, enc) run(s, sizeof s - 1, enc)

int main(void)
{
  struct decoded d = RUN("caf\xC3\xA9 \xC2\xA3" "18", NULL);
  OK(!d.decoded && d.replaced == 0, "UTF-8 needs no decoding");

  d = RUN("\xA3" "18 caf\xE9 \x93q\x94", NULL);
  STR_EQ(d.text, "\xC2\xA3" "18 caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D",
         "no byte forms UTF-8: Windows-1252 (curly quotes too)");
  OK(d.replaced == 0 && strcmp(d.used, "WINDOWS-1252") == 0,
     "Windows-1252 replaces nothing");

  d = RUN("caf\xC3\xA9 \xA3" "18", NULL);
  STR_EQ(d.text, "caf\xC3\xA9 \xEF\xBF\xBD" "18",
         "UTF-8 with a stray byte stays UTF-8");
  OK(d.replaced == 1 && strcmp(d.used, "UTF-8") == 0, "one byte replaced");

  d = RUN("\xA4" "18", "ISO-8859-15");
  STR_EQ(d.text, "\xE2\x82\xAC" "18", "--encoding ISO-8859-15: the euro");

  d = RUN("\xA3" "18", "UTF-8");
  OK(d.replaced == 1, "--encoding UTF-8 turns the guess off");

  d = RUN("a\x81" "b", "WINDOWS-1252");
  STR_EQ(d.text, "a\xEF\xBF\xBD" "b", "a byte the encoding lacks is U+FFFD");
  OK(d.replaced == 1, "and is counted");

  d = RUN("\xE3\x81", "UTF-8");
  OK(d.replaced == 2, "a character cut at the end: each byte counted");

  d = RUN("\xFF\xFE" "a\0\xA3\0", NULL);
  STR_EQ(d.text, "a\xC2\xA3", "UTF-16 after its byte order mark");

  d = RUN("\x82\xA0", "SHIFT_JIS");
  STR_EQ(d.text, "\xE3\x81\x82", "--encoding SHIFT_JIS");

  OK(nx_decode_known("latin1") && !nx_decode_known("no-such-charset"),
     "iconv's names are checked");
  OK(nx_utf8_is_single_byte("a\xE9", 2) && !nx_utf8_is_single_byte("a", 1) &&
         !nx_utf8_is_single_byte("\xC3\xA9\xE9", 3),
     "single-byte text: bad bytes and no UTF-8 character");
  HARNESS_END();
}
