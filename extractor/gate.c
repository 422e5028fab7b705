/* gate.c: see gate.h. The pattern is read by gate_read.c; here are the
 * gate it makes, its start prefix and the lines frames run on. */
#include "gate.h"

#include "gate_read.h"
#include "rules_impl.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct nx_gate *gate_of(const struct nx_gate_reading *in) {
  struct nx_gate *g = xcalloc(1, sizeof *g);
  if (!in->known)
    return g; /* unread: the gate lets everything through */
  g->one_line = !in->newline;
  if (in->nneed) {
    g->need = xcalloc(in->nneed, sizeof *g->need);
    memcpy(g->need, in->need, in->nneed * sizeof *g->need);
    g->nneed = in->nneed;
  }
  if (in->nstart) {
    g->start = xcalloc(in->nstart, sizeof *g->start);
    memcpy(g->start, in->start, in->nstart * sizeof *g->start);
    g->nstart = in->nstart;
  }
  return g;
}

struct nx_gate *nx_gate_new(const char *pattern) {
  struct nx_gate_reading in;
  nx_gate_read(pattern, &in);
  return gate_of(&in);
}

struct nx_gate *nx_gate_new_memo(const char *src, const char *pattern,
                                 struct nx_gate_memo *memo) {
  struct nx_gate_reading in;
  if (!nx_gate_read_source(src, memo, &in))
    nx_gate_read(pattern, &in);
  return gate_of(&in);
}

void nx_gate_free(struct nx_gate *g) {
  if (g == NULL)
    return;
  free(g->need);
  free(g->start);
  free(g);
}

static void set_add(struct nx_typeset *s, unsigned code) {
  s->w[code / 64] |= (uint64_t)1 << (code % 64);
}

static bool set_meets(const struct nx_typeset *a, const struct nx_typeset *b) {
  for (int i = 0; i < 4; i++)
    if (a->w[i] & b->w[i])
      return true;
  return false;
}

bool nx_gate_admits(const struct nx_gate *g, const struct nx_typeset *have) {
  for (size_t i = 0; i < g->nneed; i++)
    if (!set_meets(&g->need[i], have))
      return false;
  return true;
}

static bool bset_empty(const struct nx_bset *s) {
  return !(s->w[0] | s->w[1] | s->w[2] | s->w[3]) && !s->edge;
}

static size_t bset_count(const struct nx_bset *s) {
  size_t n = 0;
  for (int i = 0; i < 4; i++)
    n += (size_t)__builtin_popcountll(s->w[i]);
  return n;
}

/* Appends "\x{LO}" or "\x{LO}-\x{HI}" (a long class of single escapes
 * cost PCRE2 a fifth of the start-up's compiling). */
static void add_range(struct nx_buf *out, unsigned long lo, unsigned long hi) {
  char esc[40];
  if (lo == hi)
    snprintf(esc, sizeof esc, "\\x{%lX}", lo);
  else
    snprintf(esc, sizeof esc, "\\x{%lX}-\\x{%lX}", lo, hi);
  nx_buf_adds(out, esc);
}

/* The code points whose UTF-8 form starts with lead byte b. */
static void lead_range(unsigned b, unsigned long *lo, unsigned long *hi) {
  if (b < 0xE0) {
    *lo = (unsigned long)(b & 0x1F) << 6;
    *hi = *lo + 0x3F;
  } else if (b < 0xF0) {
    *lo = (unsigned long)(b & 0x0F) << 12;
    *hi = b == 0xED ? 0xD7FF : *lo + 0xFFF; /* no surrogates */
    if (b == 0xE0)
      *lo = 0x800;
  } else {
    *lo = (unsigned long)(b & 0x07) << 18;
    *hi = b == 0xF4 ? 0x10FFFF : *lo + 0x3FFFF;
    if (b == 0xF0)
      *lo = 0x10000;
  }
}

/* Appends a class of the characters whose first byte is in 'cur' (a
 * 'prev' set: whose last byte is; a continuation byte stands for every
 * character outside ASCII), as ranges. */
static void add_class(struct nx_buf *out, const struct nx_bset *set,
                      bool last_byte, bool negated) {
  nx_buf_adds(out, negated ? "[^" : "[");
  for (unsigned b = 0; b < 128; b++)
    if (nx_bset_has(set, b)) {
      unsigned e = b;
      while (e + 1 < 128 && nx_bset_has(set, e + 1))
        e++;
      add_range(out, b, e);
      b = e;
    }
  if (last_byte) {
    for (unsigned b = 0x80; b < 0xC0; b++)
      if (nx_bset_has(set, b)) {
        add_range(out, 0x80, 0x10FFFF);
        break;
      }
  } else {
    bool open = false; /* a range [lo, hi] is waiting to be written */
    unsigned long lo = 0, hi = 0;
    for (unsigned b = 0xC2; b <= 0xF4; b++) {
      if (!nx_bset_has(set, b))
        continue;
      unsigned long l, h;
      lead_range(b, &l, &h);
      if (open && l == hi + 1) {
        hi = h; /* adjacent: one range */
        continue;
      }
      if (open)
        add_range(out, lo, hi);
      open = true;
      lo = l;
      hi = h;
    }
    if (open)
      add_range(out, lo, hi);
  }
  nx_buf_addc(out, ']');
}

/* A 'cur' set this wide lets nearly every position through: no use. */
#define WIDE_START 160

bool nx_gate_start_prefix(const struct nx_gate *g, struct nx_buf *out) {
  if (g->nstart == 0)
    return false;
  for (size_t i = 0; i < g->nstart; i++)
    if (g->start[i].cur.edge || bset_count(&g->start[i].cur) >= WIDE_START)
      return false;
  nx_buf_adds(out, "(?:");
  for (size_t i = 0; i < g->nstart; i++) {
    const struct nx_start *c = &g->start[i];
    if (i)
      nx_buf_addc(out, '|');
    struct nx_bset chars = c->prev;
    chars.edge = false;
    if (bset_empty(&chars)) {
      nx_buf_adds(out, "(?<![\\s\\S])"); /* the text's start only */
    } else if (bset_count(&c->prev) < 256) {
      /* The character before is in the set; with 'edge', or there is
       * none. */
      nx_buf_adds(out, c->prev.edge ? "(?<!" : "(?<=");
      add_class(out, &chars, true, c->prev.edge);
      nx_buf_addc(out, ')');
    }
    nx_buf_adds(out, "(?=");
    add_class(out, &c->cur, false, false);
    nx_buf_addc(out, ')');
  }
  nx_buf_addc(out, ')');
  return true;
}

void nx_mention_lines_build(struct nx_mention_lines *ml,
                            const struct nx_mention_text *mt) {
  ml->n = 0;
  memset(&ml->all, 0, sizeof ml->all);
  const char *s = mt->text.data ? mt->text.data : "";
  size_t len = mt->text.len, at = 0, place = 0;
  for (;;) {
    const char *nl = memchr(s + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - s) : len;
    if (ml->n == ml->cap) {
      ml->cap = ml->cap ? ml->cap * 2 : 64;
      ml->v = xrealloc(ml->v, ml->cap * sizeof *ml->v);
    }
    struct nx_mention_line *line = &ml->v[ml->n++];
    *line = (struct nx_mention_line){at, end, {{0}}};
    for (; place < mt->n && mt->v[place].at < end; place++) {
      const unsigned char *c = (const unsigned char *)s + mt->v[place].at;
      unsigned cp =
          ((c[0] & 0x0Fu) << 12) | ((c[1] & 0x3Fu) << 6) | (c[2] & 0x3Fu);
      set_add(&line->types, cp - NX_MENTION_BASE);
      set_add(&ml->all, cp - NX_MENTION_BASE);
    }
    if (nl == NULL)
      break;
    at = end + 1;
  }
}

void nx_mention_lines_free(struct nx_mention_lines *ml) {
  free(ml->v);
  memset(ml, 0, sizeof *ml);
}

bool nx_gate_next_window(const struct nx_gate *g,
                         const struct nx_mention_lines *ml, size_t *line,
                         size_t *from, size_t *last) {
  if (ml->n == 0)
    return false;
  if (!g->one_line) {
    /* Anywhere in the text, when the document holds what it needs; and
     * as a match holds a mention of each clause, it starts by the last
     * line that holds one. */
    if (*line > 0 || !nx_gate_admits(g, &ml->all))
      return false;
    *line = ml->n;
    *from = 0;
    *last = ml->v[ml->n - 1].end;
    for (size_t c = 0; c < g->nneed; c++) {
      size_t i = ml->n;
      while (i > 0 && !set_meets(&g->need[c], &ml->v[i - 1].types))
        i--;
      if (i > 0 && ml->v[i - 1].end < *last)
        *last = ml->v[i - 1].end;
    }
    return true;
  }
  size_t i = *line;
  while (i < ml->n && !nx_gate_admits(g, &ml->v[i].types))
    i++;
  if (i == ml->n) {
    *line = i;
    return false;
  }
  *from = ml->v[i].start;
  /* Consecutive admitted lines make one window: fewer searches. */
  while (i + 1 < ml->n && nx_gate_admits(g, &ml->v[i + 1].types))
    i++;
  *last = ml->v[i].end;
  *line = i + 1;
  return true;
}
