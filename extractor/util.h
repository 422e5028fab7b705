/* util.h: small helpers that several modules share. */
#ifndef NX_UTIL_H
#define NX_UTIL_H

#include <stddef.h>

/* Trims white space from both ends of s in place; returns the new start. */
char *nx_str_trim(char *s);

/* The names in directory 'dir' that end in 'suffix' (NULL: every name),
 * without names that start with '.', sorted bytewise. Returns a new array
 * of new strings (free each, then the array; nx_names_free does both), or
 * NULL with *n = 0 when the directory cannot be read (errno says why). */
char **nx_dir_names(const char *dir, const char *suffix, size_t *n);
void nx_names_free(char **names, size_t n);

/* The candidate nearest to 'word' (case folded; a transposition is one
 * edit), or NULL when none is within a third of its length (at least one
 * edit): what "did you mean ..." offers for a misspelt key or name. */
const char *nx_nearest(const char *word, const char *const *candidates,
                       size_t n);

#endif /* NX_UTIL_H */
