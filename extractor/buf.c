/* buf.c: see buf.h. */
#include "buf.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void nx_buf_init(struct nx_buf *b, size_t max)
{
  b->data = NULL;
  b->len = b->cap = 0;
  b->max = max;
}

nx_status nx_buf_add(struct nx_buf *b, const void *p, size_t n)
{
  if (b->max && (n > b->max || b->len > b->max - n)) {
    nx_buf_free(b);
    return NX_ETOOBIG;
  }
  if (b->len + n + 1 > b->cap) {
    /* Grow by half again to keep appends amortised linear. */
    size_t cap = b->cap ? b->cap + b->cap / 2 : 256;
    if (cap < b->len + n + 1)
      cap = b->len + n + 1;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
  }
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return NX_OK;
}

nx_status nx_buf_addc(struct nx_buf *b, char c)
{
  return nx_buf_add(b, &c, 1);
}

nx_status nx_buf_adds(struct nx_buf *b, const char *s)
{
  return nx_buf_add(b, s, strlen(s));
}

void nx_buf_clear(struct nx_buf *b)
{
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

char *nx_buf_detach(struct nx_buf *b, size_t *len)
{
  if (b->data == NULL)
    nx_buf_add(b, "", 0);
  char *p = b->data;
  if (len)
    *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void nx_buf_free(struct nx_buf *b)
{
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
