/* textmap.c: see textmap.h. */
#include "textmap.h"

#include "xalloc.h"

#include <stdlib.h>

void nx_textmap_init(struct nx_textmap *m)
{
  m->v = NULL;
  m->n = m->cap = 0;
}

void nx_textmap_clear(struct nx_textmap *m)
{
  m->n = 0;
}

void nx_textmap_free(struct nx_textmap *m)
{
  free(m->v);
  nx_textmap_init(m);
}

void nx_textmap_add(struct nx_textmap *m, size_t out, size_t page,
                    bool opaque)
{
  if (m->n && m->v[m->n - 1].out == out)
    m->n--;
  if (m->n == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 16;
    m->v = xrealloc(m->v, m->cap * sizeof *m->v);
  }
  m->v[m->n++] = (struct nx_anchor){out, page, opaque};
}

void nx_textmap_same(struct nx_textmap *m, size_t out, size_t page, size_t n)
{
  if (n == 0)
    return;
  const struct nx_anchor *last = m->n ? &m->v[m->n - 1] : NULL;
  if (last && !last->opaque && out >= last->out &&
      last->page + (out - last->out) == page)
    return;
  nx_textmap_add(m, out, page, false);
}

void nx_textmap_append(struct nx_textmap *m, const struct nx_anchor *from,
                       size_t n, size_t out, size_t page)
{
  for (size_t i = 0; i < n; i++)
    nx_textmap_add(m, from[i].out + out, from[i].page + page, from[i].opaque);
}

/* The last anchor whose 'out' is at most 'at' (strict: less than 'at'),
 * or NULL. */
static const struct nx_anchor *anchor_at(const struct nx_textmap *m,
                                         size_t at, bool strict)
{
  size_t lo = 0, hi = m->n; /* answer in [lo - 1, hi) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->v[mid].out < at || (!strict && m->v[mid].out == at))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo ? &m->v[lo - 1] : NULL;
}

size_t nx_textmap_start(const struct nx_textmap *m, size_t at)
{
  const struct nx_anchor *a = anchor_at(m, at, false);
  if (a == NULL)
    return at;
  return a->opaque ? a->page : a->page + (at - a->out);
}

size_t nx_textmap_end(const struct nx_textmap *m, size_t at)
{
  const struct nx_anchor *a = anchor_at(m, at, true);
  if (a == NULL)
    return at;
  if (!a->opaque)
    return a->page + (at - a->out);
  return a + 1 < m->v + m->n ? a[1].page : a->page;
}
