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
