/* gate.h: where a rule can match, so that it is tried only there
 * (rules/README.md, "How a rule is gated").
 *
 * A rule's expanded pattern is read once, at load, for what PCRE2 does not
 * expose:
 *  - where a match can start: the byte before it and the byte at it
 *    ("after '\n', '.' or ';', a capital; or a BROKER mention"). Written
 *    as a lookahead in front of the pattern (nx_gate_start_prefix), it
 *    becomes PCRE2's table of first bytes, and the search skips the rest;
 *  - for a frame, which mention types every match contains ("{{@BROKER}}
 *    ... to {{@RATING}}": a BROKER and a RATING; "(?:{{@UP}}|{{@DOWN}})":
 *    an UP or a DOWN, one clause of two types), and whether a match can
 *    contain a line end ("\n"): none of "\h+", "[^\n]" or a mention can,
 *    "\s", "[^|]", "." or a call to a group might. A frame whose matches
 *    stay on one line runs only on the lines (runs of consecutive lines)
 *    that hold a mention of each clause's types; one that may cross lines
 *    runs on the mention text when the document holds them (a match
 *    starting by the last line that holds each clause), else not at all.
 * All of it is exact: a match can start nowhere else, and the search
 * still sees the whole text around its window (lookbehinds and lookaheads
 * read as before). The reading is conservative: syntax it does not know
 * (a backreference, a subroutine call, \G, a verb, a change of the
 * extended option) counts as "anything" and weakens the gate or removes
 * it, never the other way round. */
#ifndef NX_GATE_H
#define NX_GATE_H

#include "buf.h"
#include "mentions.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of mention types, by mention_code (at most NX_MENTION_MAX). */
struct nx_typeset {
  uint64_t w[4];
};

/* A set of bytes; 'edge' stands for the text's start (as the byte before
 * a position) or its end (as the byte at it). */
struct nx_bset {
  uint64_t w[4];
  bool edge;
};

/* A position where a match can start: the byte before it is in 'prev',
 * the byte at it in 'cur'. */
struct nx_start {
  struct nx_bset prev, cur;
};

struct nx_gate {
  struct nx_typeset *need; /* clauses: a match holds a mention of at least
                            * one type of each */
  size_t nneed;
  bool one_line;          /* no match contains a '\n' */
  struct nx_start *start; /* a match starts where one of these holds; */
  size_t nstart;          /* none: anywhere */
};

/* Reads an expanded rule pattern (every {{name}} inline; {{@TYPE}} as
 * the escape \x{E0NN}) and returns its gate; free with nx_gate_free. A
 * pattern it cannot read gets the gate that lets everything through. */
struct nx_gate *nx_gate_new(const char *pattern);

struct nx_gate_memo;

/* The same gate, read from the pattern before expansion ('src') with the
 * definitions' and lists' readings kept in 'memo' (gate_read.h); the
 * expansion 'pattern' is read only where that cannot be. */
struct nx_gate *nx_gate_new_memo(const char *src, const char *pattern,
                                 struct nx_gate_memo *memo);
void nx_gate_free(struct nx_gate *g); /* NULL is a no-op */

/* True when a text holding the mention types 'have' can hold a match. */
bool nx_gate_admits(const struct nx_gate *g, const struct nx_typeset *have);

/* Appends to 'out' a prefix for g's pattern that states where a match can
 * start, "(?:(?<![^.;\n])(?=[A-Z])|(?=\x{E000}))", a lookahead PCRE2
 * turns into a table of first bytes and skips by: true when it was
 * written, false when the gate knows too little for one to help. The
 * prefix holds wherever a match starts, so prefix + "(?:" + pattern +
 * "\n)" matches what the pattern does. */
bool nx_gate_start_prefix(const struct nx_gate *g, struct nx_buf *out);

/* The lines of a mention text with the mention types each holds. */
struct nx_mention_line {
  size_t start, end; /* [start, end): end is at its '\n' or the text's end */
  struct nx_typeset types;
};

struct nx_mention_lines {
  struct nx_mention_line *v;
  size_t n, cap;
  struct nx_typeset all; /* every type of the document */
};

/* Makes 'ml' the lines of 'mt' (an initialised struct; free with
 * nx_mention_lines_free). */
void nx_mention_lines_build(struct nx_mention_lines *ml,
                            const struct nx_mention_text *mt);
void nx_mention_lines_free(struct nx_mention_lines *ml);

/* The next window of the mention text in which g's frame can match, at or
 * after line *line: a match can start only in [*from, *last] (the offset
 * limit) and ends by *last. Advances *line; false when there is none. */
bool nx_gate_next_window(const struct nx_gate *g,
                         const struct nx_mention_lines *ml, size_t *line,
                         size_t *from, size_t *last);

#endif /* NX_GATE_H */
