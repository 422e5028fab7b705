/* util.c: see util.h. */
#include "util.h"

#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *nx_str_trim(char *s)
{
  while (isspace((unsigned char)*s))
    s++;
  char *e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1]))
    *--e = '\0';
  return s;
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char **nx_dir_names(const char *dir, const char *suffix, size_t *n)
{
  *n = 0;
  DIR *d = opendir(dir);
  if (d == NULL)
    return NULL;
  char **names = NULL;
  size_t slen = suffix ? strlen(suffix) : 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' ||
        (suffix && (len <= slen || strcmp(e->d_name + len - slen, suffix))))
      continue;
    names = xrealloc(names, (*n + 1) * sizeof *names);
    names[(*n)++] = xstrdup(e->d_name);
  }
  int saved = errno;
  closedir(d);
  if (*n > 1)
    qsort(names, *n, sizeof *names, by_name);
  errno = saved;
  return names;
}

void nx_names_free(char **names, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

/* Edit distance with adjacent transpositions ("optimal string
 * alignment"), case folded; stops counting past 'limit'. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64)
    return limit + 1;
  size_t d[65][65];
  for (size_t i = 0; i <= la; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      int x = tolower((unsigned char)a[i - 1]);
      int y = tolower((unsigned char)b[j - 1]);
      size_t best = d[i - 1][j - 1] + (x != y);
      if (d[i - 1][j] + 1 < best)
        best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best)
        best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && x == tolower((unsigned char)b[j - 2]) &&
          tolower((unsigned char)a[i - 2]) == y && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

const char *nx_nearest(const char *word, const char *const *candidates,
                       size_t n)
{
  size_t limit = strlen(word) / 3 ? strlen(word) / 3 : 1;
  const char *best = NULL;
  size_t best_d = limit + 1;
  for (size_t i = 0; i < n; i++) {
    size_t d = edit_distance(word, candidates[i], limit);
    if (d < best_d) {
      best_d = d;
      best = candidates[i];
    }
  }
  return best;
}
