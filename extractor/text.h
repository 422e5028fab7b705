/* text.h: normalise text for matching and hold a document's paragraphs.
 *
 * Rules match against one form of the text: Unicode NFKC; typographic
 * quotes folded to ' and "; every dash to '-'; no-break and other odd
 * spaces to ' '; zero-width characters removed; white space inside a
 * paragraph collapsed to one space. So "Cipher’s", "$18" after &nbsp; and
 * "285‑MW" (U+2011) match the same patterns as their ASCII spellings. */
#ifndef NX_TEXT_H
#define NX_TEXT_H

#include "buf.h"

/* Appends the normalised form of p[0, len) to out, without leading or
 * trailing space. The output is always valid UTF-8: invalid input bytes
 * become U+FFFD and NUL bytes are dropped first. */
nx_status nx_text_normalize(const char *p, size_t len, struct nx_buf *out);

/* A document as a list of normalised, non-empty paragraphs. */
struct nx_paragraphs {
  struct nx_buf bytes; /* every paragraph, back to back */
  size_t *off, *len;   /* paragraph i is bytes.data[off[i], off[i]+len[i]) */
  size_t n, cap;
};

void nx_paragraphs_init(struct nx_paragraphs *ps, size_t max_bytes);
void nx_paragraphs_clear(struct nx_paragraphs *ps);
void nx_paragraphs_free(struct nx_paragraphs *ps);

/* Normalises raw text and adds it as a paragraph unless it comes out
 * empty. */
nx_status nx_paragraphs_add(struct nx_paragraphs *ps, const char *p,
                            size_t len);

/* Splits plain text into paragraphs, one per non-blank line (invalid UTF-8
 * repaired, as nx_text_normalize does). */
nx_status nx_paragraphs_from_text(struct nx_paragraphs *ps, const char *p,
                                  size_t len);

/* Writes the paragraphs whose keep[i] is non-zero (all when keep is NULL)
 * to out, separated by a blank line: the document text that spans index. */
nx_status nx_paragraphs_join(const struct nx_paragraphs *ps,
                             const unsigned char *keep, struct nx_buf *out);



/* Context lookups look at most this many bytes to each side: a 100 MB
 * page that is one paragraph must not make every lookup linear. */
#define NX_CONTEXT_MAX 1024

/* Bounds of the sentence of text[0, len) that holds offset 'at' (within
 * NX_CONTEXT_MAX bytes of it): a
 * sentence ends at a paragraph break, or after '.', '!' or '?' followed by
 * a space and a capital letter, digit or quote (not after an initial or a
 * common abbreviation such as "Inc." or "Mr."). */
void nx_text_sentence(const char *text, size_t len, size_t at, size_t *start,
                      size_t *end);

/* Bounds of the paragraph (text between blank lines) that holds 'at',
 * within NX_CONTEXT_MAX bytes of it. */
void nx_text_paragraph(const char *text, size_t len, size_t at,
                       size_t *start, size_t *end);
#endif /* NX_TEXT_H */
