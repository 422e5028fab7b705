/* test_text.c: UTF-8 repair, normalisation, paragraphs, line wraps,
 * sentences and abbreviations. */
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

/* The text nx_paragraphs_join makes of plain text 'doc' (keep: NULL or
 * one flag per paragraph). */
static const char *joined(const char *doc, const unsigned char *keep,
                          const nx_abbrevs *ab, struct nx_buf *b)
{
  struct nx_paragraphs ps;
  nx_paragraphs_init(&ps, 0);
  nx_paragraphs_from_text(&ps, doc, strlen(doc));
  nx_buf_clear(b);
  nx_paragraphs_join(&ps, keep, ab, b, NULL, NULL);
  nx_buf_add(b, "", 0);
  nx_paragraphs_free(&ps);
  return b->data;
}

/* The sentence of s that holds the first occurrence of 'word'. */
static const char *sentence_of(const nx_abbrevs *ab, const char *s,
                               const char *word, struct nx_buf *b)
{
  size_t start, end;
  nx_text_sentence(ab, s, strlen(s), (size_t)(strstr(s, word) - s), &start,
                   &end);
  nx_buf_clear(b);
  nx_buf_add(b, s + start, end - start);
  nx_buf_add(b, "", 0);
  return b->data;
}

static const char *repaired(const char *in, size_t len, struct nx_buf *b)
{
  nx_buf_clear(b);
  nx_utf8_repair(in, len, b, NULL);
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
  OK(!ps.line_break[0] && !ps.line_break[1] && ps.line_break[2],
     "a line right after a non-blank line follows a single line break");
  nx_buf_clear(&b);
  nx_paragraphs_join(&ps, NULL, NULL, &b, NULL, NULL);
  STR_EQ(b.data, "Title line\n\nBody one.\n\nBody two.",
         "paragraphs join with a blank line");
  unsigned char keep[3] = {1, 0, 1};
  nx_buf_clear(&b);
  nx_paragraphs_join(&ps, keep, NULL, &b, NULL, NULL);
  STR_EQ(b.data, "Title line\n\nBody two.", "dropped paragraphs vanish");
  nx_paragraphs_free(&ps);

  /* The abbreviations are rule data: the project's list. */
  nx_wordlist *wl = NULL;
  struct nx_error err = {0};
  OK(nx_wordlist_load("rules/lists/abbreviations.list", "abbreviations", &wl,
                      &err) == NX_OK,
     "rules/lists/abbreviations.list loads");
  nx_abbrevs *ab = nx_abbrevs_new(wl);

  const char *s = "Shares rose. Apple Inc. was upgraded by J. Smith. Done";
  size_t start, end;
  nx_text_sentence(ab, s, strlen(s), 20, &start, &end);
  OK(start == 13 && end == 49,
     "sentence bounds skip 'Inc.' and initials");
  nx_text_sentence(ab, s, strlen(s), 2, &start, &end);
  OK(start == 0 && end == 12, "first sentence ends at its full stop");
  STR_EQ(sentence_of(ab, "Shares fell. Jefferies raised its Dec. 2027 price "
                         "target to $45. Done.", "target", &b),
         "Jefferies raised its Dec. 2027 price target to $45.",
         "'Dec.' before a year does not end the sentence");
  STR_EQ(sentence_of(ab, "It is the No. 2 miner in the U.S. Cipher rose.",
                     "miner", &b),
         "It is the No. 2 miner in the U.S. Cipher rose.",
         "'No.' and initials ('U.S.') do not end sentences");
  STR_EQ(sentence_of(ab, "The answer was no. Shares rose.", "answer", &b),
         "The answer was no.",
         "a capitalised entry ('No') does not match 'no.'");
  STR_EQ(sentence_of(ab, "Output is approx. 5 MW vs. 4 MW. Next.", "Output",
                     &b),
         "Output is approx. 5 MW vs. 4 MW.",
         "lower-case entries ('approx', 'vs') match");
  STR_EQ(sentence_of(ab, "Shares of ACME CORP. Rose. Next.", "Shares", &b),
         "Shares of ACME CORP. Rose.",
         "a capitalised entry matches its upper-case spelling");
  STR_EQ(sentence_of(ab, "Sept. 30 is near. Mr. Poirier said St. Louis was "
                         "fine. Next.", "Poirier", &b),
         "Mr. Poirier said St. Louis was fine.",
         "'Mr.', 'St.' and 'Sept.' are listed");
  STR_EQ(sentence_of(NULL, "Its Dec. 2027 target. Next.", "target", &b),
         "2027 target.", "without a list only initials are abbreviations");
  OK(nx_abbrevs_at(ab, "Corp.", 4) && !nx_abbrevs_at(ab, "Corps.", 5) &&
         !nx_abbrevs_at(ab, "May.", 3) && nx_abbrevs_at(NULL, "A.", 1),
     "nx_abbrevs_at: listed words and initials only");

  /* Line breaks: a wrapped line continues its sentence. */
  STR_EQ(joined("Desjardins Securities analyst Benoit Poirier upgraded\n"
                "Canadian National Railway Ltd.\n"
                "to \"buy\" from \"hold,\" commenting that the company's\n"
                "results were strong.\n"
                "Mr. Poirier raised his target.",
                NULL, ab, &b),
         "Desjardins Securities analyst Benoit Poirier upgraded Canadian "
         "National Railway Ltd. to \"buy\" from \"hold,\" commenting that the "
         "company's results were strong.\n\nMr. Poirier raised his target.",
         "hard-wrapped lines join; a line ending in a full stop ends");
  size_t w0, w1;
  const char *wrapped = "Benoit Poirier upgraded Canadian National Railway "
                        "Ltd. to \"buy\" from \"hold\".";
  nx_text_sentence(ab, wrapped, strlen(wrapped), 0, &w0, &w1);
  OK(w0 == 0 && w1 == strlen(wrapped),
     "the joined wrap is one sentence (through 'Ltd.')");
  STR_EQ(joined("Raymond James raised its price target,\nKeeping a Buy.",
                NULL, ab, &b),
         "Raymond James raised its price target, Keeping a Buy.",
         "a line ending in a comma continues");
  STR_EQ(joined("Ideaya Biosciences price target raised to $31 from $23 at "
                "Roth Capital\nAcme price target raised to $5 from $4 at "
                "Citi\nBeta price target cut to $9 at UBS",
                NULL, ab, &b),
         "Ideaya Biosciences price target raised to $31 from $23 at Roth "
         "Capital\n\nAcme price target raised to $5 from $4 at Citi\n\nBeta "
         "price target cut to $9 at UBS",
         "one-line items without punctuation stay apart");
  STR_EQ(joined("Top calls\n- Acme : Jefferies raises target\n* Beta : "
                "HSBC cuts\n\xE2\x80\xA2 Gamma : UBS starts\n1. Delta : Citi "
                "raises\n2) Echo : BofA cuts",
                NULL, ab, &b),
         "Top calls\n\n- Acme : Jefferies raises target\n\n* Beta : HSBC "
         "cuts\n\n\xE2\x80\xA2 Gamma : UBS starts\n\n1. Delta : Citi "
         "raises\n\n2) Echo : BofA cuts",
         "bullets and numbered items start a new line");
  STR_EQ(joined("FTSE 100\n----------\nCitigroup raises Melrose target\n"
                "KEI Industries:\nNuvama maintained a Buy rating",
                NULL, ab, &b),
         "FTSE 100\n\n----------\n\nCitigroup raises Melrose target\n\n"
         "KEI Industries:\n\nNuvama maintained a Buy rating",
         "rules, headings and a line ending in a colon stay apart");
  STR_EQ(joined("title: \"Acme\"\ndate: \"2025-02-10\"\nAcme | Buy | 50\n"
                "target raised",
                NULL, ab, &b),
         "title: \"Acme\"\n\ndate: \"2025-02-10\"\n\nAcme | Buy | 50\n\n"
         "target raised",
         "'label:' lines and table rows stay apart");
  STR_EQ(joined("Acme was upgraded\n\nto Buy, it said", NULL, ab, &b),
         "Acme was upgraded\n\nto Buy, it said",
         "a blank line is a paragraph break whatever follows");
  unsigned char keep3[3] = {1, 0, 1};
  STR_EQ(joined("Acme was upgraded\nby Jefferies\nto Buy", keep3, ab, &b),
         "Acme was upgraded\n\nto Buy",
         "lines are not joined across a dropped paragraph");
  STR_EQ(joined("Shares of Acme Inc.\nThe stock rose", NULL, ab, &b),
         "Shares of Acme Inc.\n\nThe stock rose",
         "after an abbreviation a capitalised line still needs evidence");
  nx_abbrevs_free(ab);
  nx_wordlist_free(wl);
  nx_abbrevs_free(NULL);

  nx_buf_free(&b);
  HARNESS_END();
}
