/* buf.h: a growable byte buffer with a hard size cap (curl's dynbuf). */
#ifndef NX_BUF_H
#define NX_BUF_H

#include "nx.h"

#include <stddef.h>

struct nx_buf {
  char *data;           /* NUL-terminated once anything is added; read-only */
  size_t len, cap, max; /* adding past max returns NX_ETOOBIG, frees data */
};

/* A stack object: _init, then _add, then _free. 'max' 0 means no cap. */
void nx_buf_init(struct nx_buf *b, size_t max);
nx_status nx_buf_add(struct nx_buf *b, const void *p, size_t n);
nx_status nx_buf_addc(struct nx_buf *b, char c);
nx_status nx_buf_adds(struct nx_buf *b, const char *s);
void nx_buf_clear(struct nx_buf *b); /* len = 0, keeps the memory */
/* Hands the bytes to the caller (who frees them) and empties b. */
char *nx_buf_detach(struct nx_buf *b, size_t *len);
void nx_buf_free(struct nx_buf *b); /* b is reusable after */

#endif /* NX_BUF_H */
