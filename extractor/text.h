/* text.h: a document's paragraphs, in the page's characters and in the
 * normalised form rules match.
 *
 * A paragraph is kept twice. Its page text has the page's own characters
 * (entities decoded, invalid UTF-8 repaired, runs of ASCII white space
 * collapsed, nothing folded): --text prints it and spans index it. Its
 * matched text is the normalised form, with a map (textmap.h) back to the
 * page text. Rules match against that form: Unicode NFKC; typographic
 * quotes folded to ' and "; every dash to '-'; no-break and other odd
 * spaces to ' '; zero-width characters removed; white space inside a
 * paragraph collapsed to one space. So "Cipher’s", "$18" after &nbsp; and
 * "285‑MW" (U+2011) match the same patterns as their ASCII spellings. */
#ifndef NX_TEXT_H
#define NX_TEXT_H

#include "buf.h"
#include "textmap.h"
#include "wordlist.h"

#include <stdbool.h>

/* Appends the normalised form of p[0, len) to out, without leading or
 * trailing space. The output is always valid UTF-8: invalid input bytes
 * become U+FFFD and NUL bytes are dropped first. */
nx_status nx_text_normalize(const char *p, size_t len, struct nx_buf *out);

/* Words whose full stop does not end a sentence ("Inc.", "Dec.", "No."),
 * from the rule data (lists/abbreviations.list), as a hashed set so that
 * the test at each full stop costs one hash and one compare. */
typedef struct nx_abbrevs nx_abbrevs;

/* The set of the forms of 'wl' (NULL: an empty set). A form is read
 * without its final full stop and, for "U.S."-like forms, only after its
 * last inner one. A form that starts with a capital letter only matches a
 * word that starts with one ("No." is listed, "no." ends a sentence); case
 * is ignored otherwise ("INC." matches "Inc"). */
nx_abbrevs *nx_abbrevs_new(const nx_wordlist *wl);
void nx_abbrevs_free(nx_abbrevs *ab); /* NULL is a no-op */

/* True when the full stop at text[dot] ends an abbreviation: the ASCII
 * letters just before it are one letter (an initial: "J. Smith", "U.S.")
 * or a word of 'ab' (which may be NULL). */
bool nx_abbrevs_at(const nx_abbrevs *ab, const char *text, size_t dot);

/* A document as a list of non-empty paragraphs (non-empty once
 * normalised). Each one follows either a paragraph break (a blank line in
 * plain text, a block element in HTML) or a single line break (a lone
 * newline in plain text, one <br> in HTML): line_break[i] says which. */
struct nx_paragraphs {
  struct nx_buf bytes; /* every paragraph normalised, back to back */
  size_t *off, *len;   /* paragraph i is bytes.data[off[i], off[i]+len[i]) */
  struct nx_buf page;  /* every paragraph in the page's characters */
  size_t *page_off, *page_len; /* as off and len, in page */
  struct nx_textmap map; /* each paragraph's anchors, relative to its start */
  size_t *map_off, *map_n; /* paragraph i's are map.v[map_off[i]] on */
  unsigned char *line_break; /* paragraph i follows a single line break */
  size_t n, cap;
};

void nx_paragraphs_init(struct nx_paragraphs *ps, size_t max_bytes);
void nx_paragraphs_clear(struct nx_paragraphs *ps);
void nx_paragraphs_free(struct nx_paragraphs *ps);

/* Adds raw text as a paragraph, in both forms, unless its normalised form
 * is empty; it follows a paragraph break. */
nx_status nx_paragraphs_add(struct nx_paragraphs *ps, const char *p,
                            size_t len);

/* As nx_paragraphs_add, saying what the new paragraph follows: a single
 * line break (line_break true) or a paragraph break. */
nx_status nx_paragraphs_add_after(struct nx_paragraphs *ps, const char *p,
                                  size_t len, bool line_break);

/* Splits plain text into paragraphs, one per non-blank line (invalid UTF-8
 * repaired, as nx_text_normalize does); a line right after another
 * non-blank line follows a single line break. */
nx_status nx_paragraphs_from_text(struct nx_paragraphs *ps, const char *p,
                                  size_t len);

/* Writes the paragraphs whose keep[i] is non-zero (all when keep is NULL)
 * to out, normalised: the document text rules match. When 'page' is not
 * NULL, writes the same paragraphs in the page's characters there, with
 * the same separators, and the anchors from out's offsets to page's to
 * 'map' (cleared first). Paragraphs are separated by
 * a blank line ("\n\n"), except where a line is wrapped: then the two
 * lines are joined by one space, so that sentences, rule windows and
 * patterns ("upgraded\h+Canadian") run across the wrap. 'ab' is the
 * abbreviation set (may be NULL).
 *
 * The segmentation rule. Paragraph B, which follows paragraph A, continues
 * A's sentence (A and B are joined by a space) when all of these hold:
 *  1. B follows a single line break, and A and B are both kept;
 *  2. A ends mid-sentence: its last character, after any closing quotes,
 *     is a letter, a digit, ',', '%', ')', ']', '&', or a full stop that
 *     ends an abbreviation or initial (nx_abbrevs_at). A line that ends
 *     in '.', '!', '?', ':', ';', a dash or any other mark ends there;
 *  3. neither line is a table row (neither holds " | ") and B does not
 *     start an item: its first character is not a bullet or rule mark
 *     (- * + # > | = _ ~ and the bullets U+2022 U+00B7 U+25AA U+25CF
 *     U+25BA U+25A0), it does not start with a number and '.' or ')' and
 *     a space ("1. ", "2) "), nor with one word and a colon ("Note: ",
 *     "date: ");
 *  4. the line is evidently wrapped: B starts with a lower-case ASCII
 *     letter, or A ends with ',', or B itself continues (by 1-3 and this
 *     test without its last clause) into the next paragraph C, as in
 *     "upgraded / Canadian National Railway Ltd. / to "buy"".
 * So a list of one-line items, capitalised headings and lines ending in
 * punctuation keep their line ends as boundaries, and a hard-wrapped
 * sentence reads as one. */
nx_status nx_paragraphs_join(const struct nx_paragraphs *ps,
                             const unsigned char *keep, const nx_abbrevs *ab,
                             struct nx_buf *out, struct nx_buf *page,
                             struct nx_textmap *map);

/* Context lookups look at most this many bytes to each side: a 100 MB
 * page that is one paragraph must not make every lookup linear. */
#define NX_CONTEXT_MAX 1024

/* Bounds of the sentence of text[0, len) that holds offset 'at' (within
 * NX_CONTEXT_MAX bytes of it): a sentence ends at a newline (the text of
 * nx_paragraphs_join has one only where a paragraph, item or unwrapped
 * line ends), or after '.', '!' or '?' followed by a space and a capital
 * letter, digit, quote or non-ASCII character, but not after a full stop
 * that ends an initial or a word of 'ab' ("Inc.", "Dec. 2027"; 'ab' may
 * be NULL: initials only). */
void nx_text_sentence(const nx_abbrevs *ab, const char *text, size_t len,
                      size_t at, size_t *start, size_t *end);

/* Bounds of the paragraph (text between blank lines) that holds 'at',
 * within NX_CONTEXT_MAX bytes of it. */
void nx_text_paragraph(const char *text, size_t len, size_t at,
                       size_t *start, size_t *end);
#endif /* NX_TEXT_H */
