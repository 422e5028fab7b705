/* mentions.c: see mentions.h. */
#include "mentions.h"

#include "rows.h"
#include "rules_impl.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A mention's character is always three bytes of UTF-8 (U+E000..U+E0FF). */
#define CODE_LEN 3

void nx_mention_text_init(struct nx_mention_text *mt)
{
  memset(mt, 0, sizeof *mt);
  nx_buf_init(&mt->text, 0);
}

void nx_mention_text_free(struct nx_mention_text *mt)
{
  nx_buf_free(&mt->text);
  free(mt->v);
  nx_table_marks_free(&mt->marks);
  memset(mt, 0, sizeof *mt);
}

/* A candidate mention: a hit of a mention type. */
struct cand {
  size_t start, end, rule;
  unsigned code;
};

static int by_start(const void *a, const void *b)
{
  const struct cand *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if ((x->end == x->start) != (y->end == y->start))
    return x->end == x->start ? -1 : 1; /* an empty column mark first */
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1; /* the longer first */
  return (x->rule > y->rule) - (x->rule < y->rule);
}

static void add_code(struct nx_buf *b, unsigned code)
{
  unsigned cp = NX_MENTION_BASE + code;
  char u[CODE_LEN] = {(char)(0xE0 | (cp >> 12)),
                      (char)(0x80 | ((cp >> 6) & 0x3F)),
                      (char)(0x80 | (cp & 0x3F))};
  nx_buf_add(b, u, CODE_LEN);
}

/* The marks of tables drawn without '|' (rows.h), read from the
 * mentions that would be chosen (c sorted by start). */
static void row_marks(const nx_ruleset *rs, const char *text, size_t len,
                      const struct cand *c, size_t nc,
                      struct nx_table_marks *out)
{
  struct nx_table_mark *atoms = xmalloc((nc ? nc : 1) * sizeof *atoms);
  size_t n = 0, end = 0;
  for (size_t i = 0; i < nc; i++)
    if (c[i].start >= end && c[i].end > c[i].start) {
      atoms[n++] = (struct nx_table_mark){c[i].start, c[i].end, c[i].code};
      end = c[i].end;
    }
  nx_rows_marks(rs, text, len, atoms, n, out);
  free(atoms);
}

size_t nx_mention_text_build(struct nx_mention_text *mt, const nx_ruleset *rs,
                             const char *text, size_t len,
                             const struct nx_hits *hits)
{
  nx_buf_clear(&mt->text);
  mt->n = 0;
  struct cand *c = NULL;
  size_t nc = 0;
  for (size_t i = 0; i < hits->n; i++) {
    const struct nx_hit *h = &hits->v[i];
    const struct nx_type *t = rs->types[rs->rules[h->rule]->type];
    if (!t->mention || h->drop != NX_KEPT || h->end <= h->start)
      continue;
    if (nc % 64 == 0)
      c = xrealloc(c, (nc + 64) * sizeof *c);
    c[nc++] = (struct cand){h->start, h->end, h->rule, t->mention_code};
  }
  mt->marks.n = 0;
  nx_table_marks(rs, text, len, &mt->marks);
  if (nc > 1)
    qsort(c, nc, sizeof *c, by_start);
  row_marks(rs, text, len, c, nc, &mt->marks);
  if (mt->marks.n) {
    c = xrealloc(c, (nc + mt->marks.n) * sizeof *c);
    for (size_t i = 0; i < mt->marks.n; i++) {
      const struct nx_table_mark *k = &mt->marks.v[i];
      c[nc++] = (struct cand){k->start, k->end, 0, k->code};
    }
  }
  if (nc > 1)
    qsort(c, nc, sizeof *c, by_start);
  size_t copied = 0; /* text before this is in the mention text */
  for (size_t i = 0; i < nc; i++) {
    if (c[i].start < copied)
      continue; /* overlaps a mention already written */
    nx_buf_add(&mt->text, text + copied, c[i].start - copied);
    if (mt->n == mt->cap) {
      mt->cap = mt->cap ? mt->cap * 2 : 64;
      mt->v = xrealloc(mt->v, mt->cap * sizeof *mt->v);
    }
    mt->v[mt->n++] =
        (struct nx_mention_place){mt->text.len, c[i].start, c[i].end};
    add_code(&mt->text, c[i].code);
    copied = c[i].end;
  }
  nx_buf_add(&mt->text, text + copied, len - copied);
  free(c);
  return mt->n;
}

/* The number of places whose character starts before 'at' (strictly when
 * 'strict', else at or before). */
static size_t places_before(const struct nx_mention_text *mt, size_t at,
                            bool strict)
{
  size_t lo = 0, hi = mt->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strict ? mt->v[mid].at < at : mt->v[mid].at <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

size_t nx_mention_text_start(const struct nx_mention_text *mt, size_t at)
{
  size_t k = places_before(mt, at, false);
  if (k == 0)
    return at;
  const struct nx_mention_place *p = &mt->v[k - 1];
  if (p->at == at)
    return p->start;
  return p->end + (at - p->at - CODE_LEN);
}

size_t nx_mention_text_end(const struct nx_mention_text *mt, size_t at)
{
  size_t k = places_before(mt, at, true);
  if (k == 0)
    return at;
  const struct nx_mention_place *p = &mt->v[k - 1];
  return p->end + (at - p->at - CODE_LEN);
}

/* The name of the mention type whose character starts at s. */
static const char *type_name_at(const nx_ruleset *rs, const char *s)
{
  unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) |
                ((unsigned)(s[1] & 0x3F) << 6) | (unsigned)(s[2] & 0x3F);
  for (size_t t = 0; t < rs->ntypes; t++)
    if (rs->types[t]->mention &&
        rs->types[t]->mention_code == cp - NX_MENTION_BASE)
      return rs->types[t]->name;
  return "?";
}

void nx_mention_text_show(const struct nx_mention_text *mt,
                          const nx_ruleset *rs, const char *text,
                          struct nx_buf *out)
{
  size_t at = 0;
  for (size_t i = 0; i < mt->n; i++) {
    const struct nx_mention_place *p = &mt->v[i];
    nx_buf_add(out, mt->text.data + at, p->at - at);
    nx_buf_addc(out, '{');
    nx_buf_adds(out, type_name_at(rs, mt->text.data + p->at));
    nx_buf_adds(out, ": ");
    nx_buf_add(out, text + p->start, p->end - p->start);
    nx_buf_addc(out, '}');
    at = p->at + CODE_LEN;
  }
  nx_buf_add(out, mt->text.data + at, mt->text.len - at);
}
