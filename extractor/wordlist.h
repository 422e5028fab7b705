/* wordlist.h: named word lists, the data that rules refer to.
 *
 * A list file has one entry per line: "Canonical | alias | alias => value"
 * ('#' starts a comment line). Patterns use a list as an alternation of
 * every form; field expressions look matched text up in it, with case,
 * white space, hyphens, dots and quotes folded away. A form written
 * "=GBp" keeps its case, in lookups and patterns alike; two forms of
 * different entries that a lookup cannot tell apart are a load error. A
 * "!replace" line says the list replaces a list of the same name rather
 * than adding to it. */
#ifndef NX_WORDLIST_H
#define NX_WORDLIST_H

#include "buf.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct nx_wordlist nx_wordlist; /* opaque, immutable once loaded */

struct nx_word {
  const char *canon; /* the first form on the line */
  const char *value; /* what follows "=>", or NULL */
};

/* Reads the list at 'path' and names it 'name'. On failure returns the
 * status with err naming the file and line. */
nx_status nx_wordlist_load(const char *path, const char *name,
                           nx_wordlist **out, struct nx_error *err);
/* The same from an open stream; 'path' names it in errors. f stays open. */
nx_status nx_wordlist_read(FILE *f, const char *path, const char *name,
                           nx_wordlist **out, struct nx_error *err);
void nx_wordlist_free(nx_wordlist *wl); /* NULL is a no-op */

const char *nx_wordlist_name(const nx_wordlist *wl);

/* True when the file said "!replace". */
bool nx_wordlist_replaces(const nx_wordlist *wl);

/* Adds the entries of 'more' after those of wl (a user's list extending
 * a built-in one). Fails, naming more's file and line, when one of its
 * forms cannot be told from one of wl's. */
nx_status nx_wordlist_extend(nx_wordlist *wl, const nx_wordlist *more,
                             struct nx_error *err);

/* The entry one of whose forms folds to the same as s[0, len), or NULL;
 * an exact form that s equals in case first. */
const struct nx_word *nx_wordlist_find(const nx_wordlist *wl, const char *s,
                                       size_t len);

/* The forms of every entry, as written, in file order: how many, and the
 * i-th. */
size_t nx_wordlist_nforms(const nx_wordlist *wl);
const char *nx_wordlist_form(const nx_wordlist *wl, size_t i);

/* Appends to out a group that matches every form, trying them longest
 * first, escaped for an extended-syntax PCRE2 pattern, a space matching any
 * white space. The forms are factored into a prefix tree (the same
 * matches, in the same order of preference, with far fewer alternatives
 * tried per position). */
nx_status nx_wordlist_pattern(const nx_wordlist *wl, struct nx_buf *out);

/* The same group as a string, owned by the list. */
const char *nx_wordlist_pattern_text(const nx_wordlist *wl);

/* Appends the folded key of s[0, len) to out (exposed for tests). */
void nx_word_fold(const char *s, size_t len, struct nx_buf *out);

#endif /* NX_WORDLIST_H */
