/* test_text.c: UTF-8 repair, normalisation, paragraphs, sentences. */
#include "harness.h"

#include "text.h"
#include "utf8.h"

static const char *normalized(const char *in, struct nx_buf *b)
{
  nx_buf_clear(b);
  nx_text_normalize(in, strlen(in), b);
  nx_buf_add(b, "", 0);
  return b->data;
}

static const char *repaired(const char *in, size_t len, struct nx_buf *b)
{
  nx_buf_clear(b);
  nx_utf8_repair(in, len, b);
  nx_buf_add(b, "", 0);
  return b->data;
}

/* The fast path for typographic characters (text.c) against utf8proc: each
 * two- and three-byte character it could take, between letters and next
 * to spaces, normalised alone and with a CJK character after it, which
 * sends the text through utf8proc; the two must agree. */
static int fast_path_disagreements(void)
{
  static const char *const around[][2] = {
      {"a", "b"}, {"", ""}, {"a ", " b"}, {"x\t", "\ty"}, {"\xC3\xA9", "."}};
  int bad = 0;
  char ch[4], in[64];
  for (unsigned lead = 0xC2; lead <= 0xE2; lead++) {
    if (lead > 0xC5 && lead < 0xE2)
      continue;
    for (unsigned mid = 0x80; mid <= (lead == 0xE2 ? 0x81u : 0x80u); mid++)
      for (unsigned last = 0x80; last <= 0xBF; last++) {
        if (lead == 0xE2)
          snprintf(ch, sizeof ch, "%c%c%c", lead, mid, last);
        else
          snprintf(ch, sizeof ch, "%c%c", lead, last);
        for (size_t k = 0; k < sizeof around / sizeof *around; k++) {
          struct nx_buf fast, slow;
          nx_buf_init(&fast, 0);
          nx_buf_init(&slow, 0);
          snprintf(in, sizeof in, "%s%s%s", around[k][0], ch, around[k][1]);
          nx_text_normalize(in, strlen(in), &fast);
          snprintf(in, sizeof in, "%s%s%s \xE4\xB8\x80", around[k][0], ch,
                   around[k][1]);
          nx_text_normalize(in, strlen(in), &slow);
          size_t n = slow.len >= 3 ? slow.len - 3 : 0; /* drop the CJK */
          while (n > 0 && slow.data[n - 1] == ' ')
            n--;
          if (fast.len != n || (n && memcmp(fast.data, slow.data, n) != 0))
            bad++;
          nx_buf_free(&fast);
          nx_buf_free(&slow);
        }
      }
  }
  return bad;
}

int main(void)
{
  struct nx_buf b;
  nx_buf_init(&b, 0);

  STR_EQ(normalized("Cipher\xE2\x80\x99s", &b), "Cipher's",
         "curly apostrophe folds to '");
  STR_EQ(normalized("\xE2\x80\x9C" "Buy\xE2\x80\x9D", &b), "\"Buy\"",
         "curly double quotes fold to \"");
  STR_EQ(normalized("a 285\xE2\x80\x91MW site", &b), "a 285-MW site",
         "non-breaking hyphen folds to -");
  STR_EQ(normalized("200\xE2\x80\x93" "300 MW", &b), "200-300 MW",
         "en dash folds to -");
  STR_EQ(normalized("to\xC2\xA0$18", &b), "to $18", "NBSP becomes a space");
  STR_EQ(normalized("zero\xE2\x80\x8Bwidth", &b), "zerowidth",
         "zero-width space is removed");
  STR_EQ(normalized("  many \t\n spaces  ", &b), "many spaces",
         "white space collapses and trims");
  STR_EQ(normalized("\xEF\xBC\x84" "18", &b), "$18",
         "NFKC maps a full-width dollar sign");
  STR_EQ(normalized("\xE2\x80\xAF" "x", &b), "x",
         "narrow NBSP at the start is trimmed");
  /* The fast path for typographic characters and Latin-1 letters, and the
   * utf8proc path, give the same text. */
  STR_EQ(normalized("Caf\xC3\xA9 \xC2\xAB" "Buy\xC2\xBB\xE2\x80\xA6 co\xC2\xADop",
                    &b),
         "Caf\xC3\xA9 \"Buy\"... coop", "fast path: Latin-1, guillemets, "
         "ellipsis, soft hyphen");
  STR_EQ(normalized("Caf\xC3\xA9 \xC2\xAB" "Buy\xC2\xBB\xE2\x80\xA6 co\xC2\xADop "
                    "\xE4\xB8\x80", &b),
         "Caf\xC3\xA9 \"Buy\"... coop \xE4\xB8\x80",
         "the same through utf8proc (a CJK character forces it)");
  STR_EQ(normalized("e\xCC\x81t\xC3\xA9", &b), "\xC3\xA9t\xC3\xA9",
         "a combining accent composes (utf8proc path)");
  STR_EQ(normalized("2\xC2\xB2", &b), "22", "a superscript two is not a "
         "Latin-1 letter: NFKC folds it");
  OK(fast_path_disagreements() == 0, "the fast path agrees with utf8proc on "
     "every character it could take, in five contexts");

  STR_EQ(repaired("ok\xFFok", 5, &b), "ok\xEF\xBF\xBDok",
         "invalid byte becomes U+FFFD");
  STR_EQ(repaired("a\0b", 3, &b), "ab", "NUL bytes are dropped");
  STR_EQ(repaired("\xC0\xAF", 2, &b), "\xEF\xBF\xBD\xEF\xBF\xBD",
         "overlong form is rejected");
  OK(nx_utf8_is_clean("h\xC3\xA9", 3), "valid UTF-8 is clean");
  OK(!nx_utf8_is_clean("\xED\xA0\x80", 3), "a surrogate is not clean");
  OK(!nx_utf8_is_clean("\xE2\x82", 2), "a truncated sequence is not clean");

  struct nx_paragraphs ps;
  nx_paragraphs_init(&ps, 0);
  const char *doc = "Title line\n\n  \nBody one.\r\nBody\xC2\xA0two.\n";
  nx_paragraphs_from_text(&ps, doc, strlen(doc));
  OK(ps.n == 3, "plain text: one paragraph per non-blank line");
  nx_buf_clear(&b);
  nx_paragraphs_join(&ps, NULL, &b);
  STR_EQ(b.data, "Title line\n\nBody one.\n\nBody two.",
         "paragraphs join with a blank line");
  unsigned char keep[3] = {1, 0, 1};
  nx_buf_clear(&b);
  nx_paragraphs_join(&ps, keep, &b);
  STR_EQ(b.data, "Title line\n\nBody two.", "dropped paragraphs vanish");
  nx_paragraphs_free(&ps);

  const char *s = "Shares rose. Apple Inc. was upgraded by J. Smith. Done";
  size_t start, end;
  nx_text_sentence(s, strlen(s), 20, &start, &end);
  OK(start == 13 && end == 49,
     "sentence bounds skip 'Inc.' and initials");
  nx_text_sentence(s, strlen(s), 2, &start, &end);
  OK(start == 0 && end == 12, "first sentence ends at its full stop");

  nx_buf_free(&b);
  HARNESS_END();
}
