/* arena.h: a bump allocator for data that lives and dies together (one
 * parsed page: dom.h). Allocation is a pointer bump in the current chunk;
 * nothing is freed on its own, everything goes at once with
 * nx_arena_free. Out of memory aborts, as xalloc.h does. */
#ifndef NX_ARENA_H
#define NX_ARENA_H

#include <stddef.h>

struct nx_arena_chunk; /* private */

struct nx_arena {
  struct nx_arena_chunk *chunk; /* the newest; each links to the one before */
  char *at, *end;               /* the free space of the newest chunk */
  size_t last_size;             /* the newest chunk's size: the next doubles */
};

/* A stack object: _init, then allocations, then _free. 'hint' is the
 * expected total in bytes (the first chunk's size), or 0. */
void nx_arena_init(struct nx_arena *a, size_t hint);

/* n bytes aligned for any pointer or size_t, valid until nx_arena_free. */
void *nx_arena_alloc(struct nx_arena *a, size_t n);

/* A NUL-terminated copy of p[0, n) in the arena. */
char *nx_arena_strndup(struct nx_arena *a, const char *p, size_t n);

/* Grows the block p of 'old' bytes (the latest allocation, usually) to
 * 'size' >= 'old' bytes: in place when p is the latest allocation and its chunk
 * has room, else as a copy. Returns the block's new address. */
void *nx_arena_grow(struct nx_arena *a, void *p, size_t old, size_t size);

void nx_arena_free(struct nx_arena *a); /* a is reusable after */

#endif /* NX_ARENA_H */
