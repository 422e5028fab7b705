/* arena.c: see arena.h. Chunks double in size, so a page of any size
 * takes a handful of mallocs, and growing one block (a long text node)
 * copies it O(log n) times at most. */
#include "arena.h"

#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ALIGN = sizeof(void *) > sizeof(size_t) ? sizeof(void *)
                                               : sizeof(size_t),
       MIN_CHUNK = 64 * 1024 };

struct nx_arena_chunk {
  struct nx_arena_chunk *prev; /* the data follows, ALIGN-aligned */
};

void nx_arena_init(struct nx_arena *a, size_t hint)
{
  a->chunk = NULL;
  a->at = a->end = NULL;
  a->last_size = hint > MIN_CHUNK ? hint / 2 : MIN_CHUNK / 2;
}

/* Starts a chunk with room for at least n bytes. */
static void add_chunk(struct nx_arena *a, size_t n)
{
  size_t size = a->last_size * 2;
  if (size < n + ALIGN)
    size = n + ALIGN;
  struct nx_arena_chunk *c = xmalloc(sizeof *c + size);
  c->prev = a->chunk;
  a->chunk = c;
  a->at = (char *)(c + 1);
  a->end = a->at + size;
  a->last_size = size;
}

void *nx_arena_alloc(struct nx_arena *a, size_t n)
{
  size_t pad = (ALIGN - (uintptr_t)a->at % ALIGN) % ALIGN;
  if (a->at == NULL || n + pad > (size_t)(a->end - a->at)) {
    add_chunk(a, n);
    pad = 0;
  }
  void *p = a->at + pad;
  a->at += pad + n;
  return p;
}

char *nx_arena_strndup(struct nx_arena *a, const char *p, size_t n)
{
  char *s = nx_arena_alloc(a, n + 1);
  memcpy(s, p, n);
  s[n] = '\0';
  return s;
}

void *nx_arena_grow(struct nx_arena *a, void *p, size_t old, size_t size)
{
  if ((char *)p + old == a->at && size - old <= (size_t)(a->end - a->at)) {
    a->at += size - old;
    return p;
  }
  void *q = nx_arena_alloc(a, size);
  memcpy(q, p, old);
  return q;
}

void nx_arena_free(struct nx_arena *a)
{
  for (struct nx_arena_chunk *c = a->chunk, *prev; c; c = prev) {
    prev = c->prev;
    free(c);
  }
  nx_arena_init(a, 0);
}
