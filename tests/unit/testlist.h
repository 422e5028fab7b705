/* testlist.h: a word list written to a temporary file and loaded, as rule
 * directories hold them. Shared by the unit tests that need lists. */
#ifndef NX_TESTLIST_H
#define NX_TESTLIST_H

#include "wordlist.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The list 'body' named 'name'; NULL, with err filled, when it does not
 * load. */
static nx_wordlist *test_list(const char *name, const char *body,
                              struct nx_error *err)
{
  char path[] = "/tmp/nx-test-list-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, body, strlen(body)) < 0)
    return NULL;
  close(fd);
  nx_wordlist *wl = NULL;
  nx_wordlist_load(path, name, &wl, err);
  unlink(path);
  return wl;
}

#endif /* NX_TESTLIST_H */
