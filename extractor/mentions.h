/* mentions.h: the mention text of a document, what frames match.
 *
 * The second stage of the rule cascade (rules/README.md, "Frames"). The
 * rules of mention types ("mention = yes": a broker, a rating word, an
 * amount of money, a verb of change) have run over the text; their
 * mentions are chosen leftmost-longest, and each chosen one is written as
 * a single private-use character (U+E000 + its type's mention_code) in a
 * copy of the text, the text between them kept as it is. A frame's
 * pattern ({{@BROKER}} \h+ {{@UP}} ...) matches that copy, so it reads a
 * whole broker name as one symbol and its gaps cannot run into one; a
 * frame's groups and span are carried back to the text through the map
 * kept here. */
#ifndef NX_MENTIONS_H
#define NX_MENTIONS_H

#include "buf.h"
#include "match.h"
#include "rules.h"
#include "table.h"

#include <stddef.h>

/* One mention written into the mention text. */
struct nx_mention_place {
  size_t at;           /* offset of its character in the mention text */
  size_t start, end;   /* its span in the text */
};

struct nx_mention_text {
  struct nx_buf text; /* the mention text (valid UTF-8) */
  struct nx_mention_place *v;
  size_t n, cap;
  struct nx_table_marks marks; /* the column marks of its tables (table.h) */
};

void nx_mention_text_init(struct nx_mention_text *mt);
void nx_mention_text_free(struct nx_mention_text *mt);

/* Makes mt the mention text of text[0, len), from the hits of the rules
 * of mention types among 'hits' (vetoed ones are left out). Where
 * mentions overlap, the one that starts first wins, then the longer, then
 * the earlier rule. The column marks of the text's tables (table.h) are
 * mentions too; an empty one at a row's start comes before a mention that
 * starts there. Returns the number of mentions written. */
size_t nx_mention_text_build(struct nx_mention_text *mt, const nx_ruleset *rs,
                             const char *text, size_t len,
                             const struct nx_hits *hits);

/* The text offset where a match starting at mention-text offset 'at'
 * starts (a mention's character starts at its mention's start). */
size_t nx_mention_text_start(const struct nx_mention_text *mt, size_t at);

/* The text offset where a match ending at mention-text offset 'at' ends
 * (just after a mention's character is its mention's end). */
size_t nx_mention_text_end(const struct nx_mention_text *mt, size_t at);

/* Appends the mention text for a reader: each mention as {TYPE: its
 * text} (--explain shows it, so that a rule author sees what frames read). */
void nx_mention_text_show(const struct nx_mention_text *mt,
                          const nx_ruleset *rs, const char *text,
                          struct nx_buf *out);

#endif /* NX_MENTIONS_H */
