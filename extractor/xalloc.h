/* xalloc.h: allocation that never returns NULL. Running out of memory is
 * not a per-document error we can recover from, so these print
 * "out of memory" and abort, as cmark and jq do. */
#ifndef NX_XALLOC_H
#define NX_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len); /* always NUL-terminated */

/* The same end for an allocation made elsewhere (PCRE2's contexts). */
_Noreturn void nx_out_of_memory(void);

#endif /* NX_XALLOC_H */
