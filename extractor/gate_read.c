/* gate_read.c: see gate_read.h. A small recursive descent over
 * PCRE2's syntax as rule patterns are compiled (PCRE2_EXTENDED: white
 * space and '#' comments outside classes are ignored; PCRE2_UTF and
 * PCRE2_UCP). For each piece of pattern it computes what a match of it
 * contains (clauses of mention types, whether it may hold a '\n') and how
 * it can begin (start conditions). A sequence holds the clauses of each
 * part, alternatives only what all of them hold, an optional part
 * nothing. Whatever the reader does not know is read as "anything". */
#include "gate_read_impl.h"

#include "rules_impl.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CLAUSES NX_GATE_MAX_CLAUSES
#define MAX_CONDS NX_GATE_MAX_STARTS

/* ---- sets of bytes and characters --------------------------------------- */

static const struct nx_bset ANY = {{~0ull, ~0ull, ~0ull, ~0ull}, true};

static struct nx_bset bset_and(const struct nx_bset *a,
                               const struct nx_bset *b) {
  struct nx_bset r;
  for (int i = 0; i < 4; i++)
    r.w[i] = a->w[i] & b->w[i];
  r.edge = a->edge && b->edge;
  return r;
}

static bool bset_empty(const struct nx_bset *s) {
  return !(s->w[0] | s->w[1] | s->w[2] | s->w[3]) && !s->edge;
}

/* The bytes a character of c can start with (never a continuation byte:
 * a match starts on a character). */
static struct nx_bset cset_first(const struct cset *c) {
  struct nx_bset b = {{c->asc[0], c->asc[1], 0, 0}, false};
  bset_or(&b, &c->lead);
  b.edge = false;
  return b;
}

/* ---- what a piece of pattern contains and how it begins ----------------- */

/* A way a match can begin at a position: the byte before it is in 'prev'
 * (edge: the text's start), the byte at it in 'cur' (edge: the text's
 * end). 'null' when that way has matched nothing yet, so what follows
 * constrains the same position. */
struct cond {
  struct nx_bset prev, cur;
  bool null;
};

struct info {
  struct nx_typeset need[MAX_CLAUSES];
  size_t nneed;
  bool newline; /* may contain a '\n' */
  struct cond start[MAX_CONDS];
  size_t nstart;
  bool single; /* one character item, described by cs */
  struct cset cs;
};

static void set_add(struct nx_typeset *s, unsigned code) {
  s->w[code / 64] |= (uint64_t)1 << (code % 64);
}

/* True when a is b or a subset of it. */
static bool set_within(const struct nx_typeset *a, const struct nx_typeset *b) {
  for (int i = 0; i < 4; i++)
    if (a->w[i] & ~b->w[i])
      return false;
  return true;
}

/* Adds clause c unless a clause as strong (a subset of c) is there. */
static void add_clause(struct info *in, const struct nx_typeset *c) {
  for (size_t i = 0; i < in->nneed; i++)
    if (set_within(&in->need[i], c))
      return;
  if (in->nneed < MAX_CLAUSES)
    in->need[in->nneed++] = *c;
}

static bool bset_same(const struct nx_bset *a, const struct nx_bset *b) {
  return memcmp(a->w, b->w, sizeof a->w) == 0 && a->edge == b->edge;
}

/* Adds a start condition. One with the same 'prev' (or 'cur') as another
 * of its kind is merged into it, as are all past MAX_CONDS: a wider
 * condition, so more positions are tried and none is missed. */
static void add_cond(struct cond *v, size_t *n, const struct cond *c) {
  if (bset_empty(&c->prev) || bset_empty(&c->cur))
    return; /* no position meets it */
  struct cond *same = NULL;
  for (size_t i = 0; i < *n && !same; i++) {
    struct cond *x = &v[i];
    if (x->null == c->null &&
        (bset_same(&x->prev, &c->prev) || bset_same(&x->cur, &c->cur)))
      same = x;
  }
  for (size_t i = *n; i-- > 0 && !same && *n == MAX_CONDS;)
    if (v[i].null == c->null)
      same = &v[i];
  if (same) {
    bset_or(&same->prev, &c->prev);
    bset_or(&same->cur, &c->cur);
  } else if (*n < MAX_CONDS) {
    v[(*n)++] = *c;
  } else {
    /* Full of the other kind: widen one into "anywhere". */
    v[0].prev = v[0].cur = ANY;
  }
}

static void info_init(struct info *in) {
  in->nneed = 0;
  in->newline = false;
  in->nstart = 0;
  in->single = false;
}

/* An item that matches nothing of the text with the given condition. */
static void zero_width(struct info *in, const struct nx_bset *prev,
                       const struct nx_bset *cur) {
  in->nstart = 0;
  struct cond c = {*prev, *cur, true};
  add_cond(in->start, &in->nstart, &c);
}

/* An item that may match anything: empty or not, anywhere. */
static void unknown(struct info *in) {
  in->nstart = 0;
  struct cond c = {ANY, ANY, true};
  add_cond(in->start, &in->nstart, &c);
  c.null = false;
  add_cond(in->start, &in->nstart, &c);
}

/* One character of set c. */
static void one_char(struct info *in, struct cset c, bool caseless) {
  if (caseless)
    nx_cset_caseless(&c);
  in->single = true;
  in->cs = c;
  in->nstart = 0;
  struct cond k = {ANY, cset_first(&c), false};
  add_cond(in->start, &in->nstart, &k);
  in->newline |= cset_has(&c, '\n');
}

/* a then b. */
static void seq(struct info *a, const struct info *b) {
  for (size_t i = 0; i < b->nneed; i++)
    add_clause(a, &b->need[i]);
  a->newline |= b->newline;
  a->single = false;
  bool open = false; /* some way of a has matched nothing yet */
  for (size_t i = 0; i < a->nstart && !open; i++)
    open = a->start[i].null;
  if (!open)
    return; /* b does not change how a begins */
  /* a's ways that matched nothing go on into b's. */
  struct cond out[MAX_CONDS];
  size_t n = 0;
  for (size_t i = 0; i < a->nstart; i++) {
    const struct cond *x = &a->start[i];
    if (!x->null) {
      add_cond(out, &n, x);
      continue;
    }
    for (size_t j = 0; j < b->nstart; j++) {
      struct cond c = {bset_and(&x->prev, &b->start[j].prev),
                       bset_and(&x->cur, &b->start[j].cur), b->start[j].null};
      add_cond(out, &n, &c);
    }
  }
  memcpy(a->start, out, n * sizeof *out);
  a->nstart = n;
}

/* a or b: a match holds a's clauses or b's, so for each pair one of the
 * two; it begins as a or as b. */
static void alt(struct info *a, const struct info *b) {
  struct nx_typeset need[MAX_CLAUSES];
  size_t n = a->nneed;
  memcpy(need, a->need, n * sizeof *need);
  a->nneed = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < b->nneed; j++) {
      struct nx_typeset c = need[i];
      for (int k = 0; k < 4; k++)
        c.w[k] |= b->need[j].w[k];
      add_clause(a, &c);
    }
  a->newline |= b->newline;
  for (size_t i = 0; i < b->nstart; i++)
    add_cond(a->start, &a->nstart, &b->start[i]);
  a->single = a->single && b->single;
  if (a->single)
    cset_union(&a->cs, &b->cs);
}

/* ---- reading the pattern ------------------------------------------------ */

static void skip_space(struct reader *rd) {
  for (;;) {
    char c = *rd->p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v')
      rd->p++;
    else if (c == '#') {
      while (*rd->p && *rd->p != '\n') {
        /* A reference in a comment may expand to a line end. */
        rd->bad |= rd->memo && rd->p[0] == '{' && rd->p[1] == '{';
        rd->p++;
      }
    } else
      return;
  }
}

static void alternatives(struct reader *rd, struct info *all, size_t *branches);

/* Skips past the next ')' (a group whose inside is not read). */
static void skip_group(struct reader *rd) {
  const char *e = strchr(rd->p, ')');
  if (e == NULL)
    rd->bad = true;
  rd->p = e ? e + 1 : rd->p + strlen(rd->p);
}

/* A lookbehind's condition on the byte before: only a lookbehind of one
 * character item is read. */
static void lookbehind(struct info *in, const struct info *body, bool negated) {
  struct nx_bset prev = ANY;
  if (body->single && body->cs.exact) {
    const struct cset *c = &body->cs;
    struct nx_bset inside = {{c->asc[0], c->asc[1], 0, 0}, false};
    if (c->nonascii != NONE) /* its last byte is a continuation byte */
      bset_range(&inside, 0x80, 0xBF);
    if (!negated) {
      prev = inside;
    } else {
      prev = (struct nx_bset){{~c->asc[0], ~c->asc[1], 0, 0}, true};
      if (c->nonascii != ALL)
        bset_range(&prev, 0x80, 0xBF);
    }
  }
  zero_width(in, &prev, &ANY);
}

/* A group, rd->p after its '('. */
static void group(struct reader *rd, struct info *in) {
  enum { PLAIN, AHEAD, NOT_AHEAD, BEHIND, NOT_BEHIND, COND } kind = PLAIN;
  bool caseless = rd->caseless; /* options end with the group */
  const char *q = rd->p;
  if (*q == '*') {
    /* (*FAIL) matches nothing. Other verbs change where the next attempt
     * starts, or end the search: a match may depend on attempts that a
     * gate would leave out. */
    if (strncmp(q, "*FAIL)", 6) != 0 && strncmp(q, "*F)", 3) != 0)
      rd->bad = true;
    skip_group(rd);
    zero_width(in, &ANY, &ANY);
    return;
  }
  if (*q == '?') {
    q++;
    if (*q == '#') { /* a comment */
      skip_group(rd);
      zero_width(in, &ANY, &ANY);
      return;
    } else if (*q == ':' || *q == '|' || *q == '>') {
      rd->p = q + 1;
    } else if (*q == '=' || *q == '!') {
      kind = *q == '=' ? AHEAD : NOT_AHEAD;
      rd->p = q + 1;
    } else if (q[0] == '<' && (q[1] == '=' || q[1] == '!')) {
      kind = q[1] == '=' ? BEHIND : NOT_BEHIND;
      rd->p = q + 2;
    } else if (*q == '<' || *q == '\'' || (q[0] == 'P' && q[1] == '<')) {
      const char *e = strchr(q + 1, *q == '\'' ? '\'' : '>'); /* a name */
      if (e == NULL) {
        rd->bad = true;
        return;
      }
      rd->p = e + 1;
    } else if (*q == '(') {
      /* A conditional: its condition is an assertion, or a name, number,
       * R or DEFINE up to ')'. */
      kind = COND;
      rd->p = q + 1;
      if (*rd->p == '?' || *rd->p == '*') {
        struct info cond;
        info_init(&cond);
        group(rd, &cond);
      } else {
        skip_group(rd);
      }
    } else if (*q == 'R' || *q == '&' || *q == '+' || *q == 'P' ||
               (*q >= '0' && *q <= '9') ||
               (*q == '-' && q[1] >= '0' && q[1] <= '9')) {
      /* A call or a backreference: what it matches is not read here. */
      rd->p = q;
      skip_group(rd);
      in->newline = true;
      unknown(in);
      return;
    } else {
      /* Options: (?i) or (?i:...). A change of the extended option would
       * alter how the rest reads. */
      const char *o = q;
      bool on = true;
      for (; *o && strchr("imnsxJU-^", *o); o++) {
        if (*o == '-')
          on = false;
        else if (*o == '^')
          rd->caseless = false;
        else if (*o == 'i')
          rd->caseless = on;
      }
      if ((*o != ')' && *o != ':') || memchr(q, 'x', (size_t)(o - q))) {
        rd->bad = true;
        return;
      }
      rd->p = o + 1;
      if (*o == ')') { /* applies to the rest of the enclosing group */
        zero_width(in, &ANY, &ANY);
        return;
      }
    }
    if (rd->bad)
      return;
  }
  size_t branches;
  struct info body;
  alternatives(rd, &body, &branches);
  rd->caseless = caseless;
  if (*rd->p != ')') {
    rd->bad = true;
    return;
  }
  rd->p++;
  if (kind == PLAIN || kind == COND) {
    *in = body;
    if (kind == COND && branches < 2) {
      /* The other branch is empty: it may match nothing, anywhere. */
      in->nneed = 0;
      struct cond c = {ANY, ANY, true};
      add_cond(in->start, &in->nstart, &c);
    }
    in->single = kind == PLAIN && body.single;
    return;
  }
  /* An assertion matches nothing of the text itself. */
  if (kind == AHEAD) {
    struct nx_bset prev = {{0}, false}, cur = {{0}, false};
    for (size_t i = 0; i < body.nstart; i++) {
      bset_or(&prev, &body.start[i].prev);
      bset_or(&cur, &body.start[i].cur);
    }
    if (body.nstart == 0)
      prev = cur = ANY;
    zero_width(in, &prev, &cur);
  } else if (kind == BEHIND || kind == NOT_BEHIND) {
    lookbehind(in, &body, kind == NOT_BEHIND);
  } else {
    zero_width(in, &ANY, &ANY);
  }
}

/* Reads a quantifier if one follows; stores its minimum and returns true. */
static bool quantifier(struct reader *rd, unsigned long *min) {
  skip_space(rd);
  char c = *rd->p;
  if (c == '?' || c == '*' || c == '+') {
    *min = c == '+';
    rd->p++;
  } else if (c == '{') {
    char *end;
    const char *s = rd->p + 1;
    if (!(*s >= '0' && *s <= '9'))
      return false; /* a literal '{' */
    unsigned long lo = strtoul(s, &end, 10);
    if (*end == ',') {
      const char *t = end + 1;
      strtoul(t, &end, 10);
    }
    if (*end != '}')
      return false;
    *min = lo;
    rd->p = end + 1;
  } else {
    return false;
  }
  if (*rd->p == '?' || *rd->p == '+')
    rd->p++;
  return true;
}

/* One code point, written or escaped; a mention's character makes a
 * clause of its type. */
static void code_point_item(struct info *in, long cp, bool caseless) {
  one_char(in, nx_cset_code_point(cp), caseless);
  if (cp >= (long)NX_MENTION_BASE &&
      cp < (long)(NX_MENTION_BASE + NX_MENTION_MAX)) {
    struct nx_typeset one = {{0}};
    set_add(&one, (unsigned)(cp - NX_MENTION_BASE));
    add_clause(in, &one);
  }
}

/* An escape outside a class, rd->p after the backslash. */
static void escape(struct reader *rd, struct info *in) {
  if (*rd->p == 'x') {
    rd->p++;
    long cp = nx_cset_read_hex(rd);
    if (cp < 0) {
      rd->bad = true;
      return;
    }
    code_point_item(in, cp, rd->caseless);
    return;
  }
  bool other;
  struct cset c = nx_cset_escape(rd, false, &other);
  if (!other) {
    one_char(in, c, rd->caseless);
    return;
  }
  char e = *rd->p++;
  static const struct nx_bset BOT = {{0}, true};
  struct nx_bset eot_nl = {{0}, true};
  bset_add(&eot_nl, '\n');
  switch (e) {
  case 'A':
    zero_width(in, &BOT, &ANY);
    return;
  case 'z':
    zero_width(in, &ANY, &BOT);
    return;
  case 'Z':
    zero_width(in, &ANY, &eot_nl);
    return;
  case 'G':
    rd->no_start = true;
    zero_width(in, &ANY, &ANY);
    return;
  case 'b':
  case 'B':
  case 'K':
  case 'E':
    zero_width(in, &ANY, &ANY);
    return;
  case 'Q':
    /* Literal text up to \E: read as one unknown run. */
    while (*rd->p && !(rd->p[0] == '\\' && rd->p[1] == 'E')) {
      in->newline |= *rd->p == '\n';
      rd->bad |= rd->memo && rd->p[0] == '{' && rd->p[1] == '{';
      rd->p++;
    }
    if (*rd->p)
      rd->p += 2;
    unknown(in);
    return;
  default:
    /* \R \X \C, octal, \cX, backreferences and calls (\1, \k<n>,
     * \g{n}): not read here. */
    in->newline = true;
    if (e == 'c' && *rd->p) {
      rd->p++;
    } else if (e == 'k' || e == 'g' || e == 'o') {
      char open = *rd->p;
      char close = open == '<'    ? '>'
                   : open == '{'  ? '}'
                   : open == '\'' ? '\''
                                  : '\0';
      if (close) {
        const char *end = strchr(rd->p + 1, close);
        rd->p = end ? end + 1 : rd->p + strlen(rd->p);
      }
    }
    unknown(in);
    return;
  }
}

static bool reference(struct reader *rd, struct info *in);

/* One item with its quantifiers. */
static void item(struct reader *rd, struct info *in) {
  char c = *rd->p++;
  if (c == '{' && *rd->p == '{' && rd->memo) {
    if (!reference(rd, in))
      return;
    c = '\0'; /* read: on to its quantifiers */
  }
  switch (c) {
  case '\0':
    break;
  case '(':
    group(rd, in);
    break;
  case '[':
    one_char(in, nx_cset_class(rd), false);
    break;
  case '\\':
    escape(rd, in);
    break;
  case '.': /* (?s) may be on: not tracked */
    one_char(in, cset_anything(), false);
    break;
  case '^': {
    struct nx_bset bol = {{0}, true};
    bset_add(&bol, '\n'); /* (?m) is not tracked */
    zero_width(in, &bol, &ANY);
    break;
  }
  case '$': {
    struct nx_bset eol = {{0}, true};
    bset_add(&eol, '\n');
    zero_width(in, &ANY, &eol);
    break;
  }
  default: {
    /* A literal character; a mention's makes a clause of its type. */
    unsigned char b = (unsigned char)c;
    long cp = b < 0x80 ? b : b < 0xE0 ? b & 0x1F : b < 0xF0 ? b & 0x0F : b & 7;
    for (; b >= 0x80 && (*rd->p & 0xC0) == 0x80; rd->p++)
      cp = cp << 6 | (*rd->p & 0x3F);
    code_point_item(in, cp, rd->caseless);
    break;
  }
  }
  if (rd->bad)
    return;
  unsigned long min;
  while (quantifier(rd, &min)) {
    in->single = false;
    if (min == 0) {
      in->nneed = 0;
      struct cond k = {ANY, ANY, true};
      add_cond(in->start, &in->nstart, &k);
    }
  }
}

/* A sequence of items, up to '|', ')' or the end. */
static void sequence(struct reader *rd, struct info *all) {
  info_init(all);
  struct cond empty = {ANY, ANY, true};
  add_cond(all->start, &all->nstart, &empty);
  size_t items = 0;
  struct info one;
  for (;;) {
    skip_space(rd);
    if (rd->bad || *rd->p == '\0' || *rd->p == '|' || *rd->p == ')')
      break;
    info_init(&one);
    item(rd, &one);
    seq(all, &one);
    if (items++ == 0 && one.single) {
      /* So far one character item: keep what it is, for a lookbehind. */
      all->single = true;
      all->cs = one.cs;
    }
  }
}

/* Alternatives up to ')' or the end; *branches tells how many. */
static void alternatives(struct reader *rd, struct info *all,
                         size_t *branches) {
  sequence(rd, all);
  *branches = 1;
  struct info next;
  while (!rd->bad && *rd->p == '|') {
    rd->p++;
    sequence(rd, &next);
    alt(all, &next);
    ++*branches;
  }
}

/* ---- reading a pattern before expansion --------------------------------- */

/* What a definition or list reads as under (?i) on or off: each is read
 * once per ruleset, not once per pattern that uses it. */
struct memo_entry {
  const void *key;
  bool caseless;
  bool bad, no_start;
  struct info in;
};

struct nx_gate_memo {
  nx_gate_resolve_fn resolve;
  void *ctx;
  struct memo_entry *v;
  size_t n, cap;
};

struct nx_gate_memo *nx_gate_memo_new(nx_gate_resolve_fn resolve, void *ctx) {
  struct nx_gate_memo *m = xcalloc(1, sizeof *m);
  m->resolve = resolve;
  m->ctx = ctx;
  return m;
}

void nx_gate_memo_free(struct nx_gate_memo *m) {
  if (m == NULL)
    return;
  free(m->v);
  free(m);
}

size_t nx_gate_memo_count(const struct nx_gate_memo *m) {
  return m->n;
}

static struct memo_entry *memo_find(struct nx_gate_memo *m, const void *key,
                                    bool caseless) {
  for (size_t i = 0; i < m->n; i++)
    if (m->v[i].key == key && m->v[i].caseless == caseless)
      return &m->v[i];
  return NULL;
}

/* How many definitions inside definitions are followed (expansion stops
 * at 16 too: a deeper one never compiles). */
#define MAX_REF_DEPTH 32

/* Reads ref as its inline expansion reads: a list's pattern is one group,
 * a definition's body is read as the group "(?:BODY\n)" that expand.c
 * writes. False when the reading failed (rd->bad set). */
static bool read_ref(struct reader *rd, const struct nx_gate_ref *ref,
                     struct info *in) {
  struct reader sub = {ref->text, rd->caseless, false, false, rd->memo,
                       rd->depth + 1};
  if (sub.depth > MAX_REF_DEPTH) {
    rd->bad = true;
    return false;
  }
  if (ref->kind == NX_GATE_REF_LIST) {
    if (sub.p[0] != '(') {
      rd->bad = true;
      return false;
    }
    sub.p++;
    group(&sub, in);
  } else {
    size_t branches;
    alternatives(&sub, in, &branches);
  }
  /* The whole text, and nothing after it: else the expansion would read
   * differently in place ("a)(b" closes the group around it). */
  if (*sub.p != '\0')
    sub.bad = true;
  rd->bad |= sub.bad;
  rd->no_start |= sub.no_start;
  return !sub.bad;
}

/* A {{name}} reference, rd->p after its first '{'. */
static bool reference(struct reader *rd, struct info *in) {
  const char *name = rd->p + 1;
  const char *close = strstr(name, "}}");
  struct nx_gate_ref ref;
  if (close == NULL ||
      !rd->memo->resolve(rd->memo->ctx, name, (size_t)(close - name), &ref)) {
    rd->bad = true;
    return false;
  }
  rd->p = close + 2;
  if (ref.kind == NX_GATE_REF_MENTION) {
    code_point_item(in, (long)(NX_MENTION_BASE + ref.code), rd->caseless);
    return true;
  }
  struct nx_gate_memo *m = rd->memo;
  struct memo_entry *e = memo_find(m, ref.key, rd->caseless);
  if (e == NULL) {
    struct memo_entry made = {.key = ref.key, .caseless = rd->caseless};
    info_init(&made.in);
    struct reader probe = *rd;
    probe.bad = probe.no_start = false;
    read_ref(&probe, &ref, &made.in);
    made.bad = probe.bad;
    made.no_start = probe.no_start;
    if (m->n == m->cap) {
      m->cap = m->cap ? m->cap * 2 : 64;
      m->v = xrealloc(m->v, m->cap * sizeof *m->v);
    }
    m->v[m->n] = made;
    e = &m->v[m->n++];
  }
  rd->bad |= e->bad;
  rd->no_start |= e->no_start;
  *in = e->in;
  return !e->bad;
}

/* ---- the gate ------------------------------------------------------------ */

/* Reads the whole of rd's pattern into *out. */
static void read_all(struct reader *rd, struct nx_gate_reading *out) {
  size_t branches;
  struct info in;
  alternatives(rd, &in, &branches);
  out->known = !rd->bad && *rd->p == '\0';
  out->newline = in.newline;
  out->nneed = in.nneed;
  memcpy(out->need, in.need, in.nneed * sizeof *in.need);
  out->nstart = rd->no_start ? 0 : in.nstart;
  for (size_t i = 0; i < out->nstart; i++)
    out->start[i] = (struct nx_start){in.start[i].prev, in.start[i].cur};
}

void nx_gate_read(const char *pattern, struct nx_gate_reading *out) {
  struct reader rd = {pattern, false, false, false, NULL, 0};
  read_all(&rd, out);
}

bool nx_gate_read_source(const char *src, struct nx_gate_memo *memo,
                         struct nx_gate_reading *out) {
  struct reader rd = {src, false, false, false, memo, 0};
  read_all(&rd, out);
  return out->known;
}

bool nx_bset_has(const struct nx_bset *s, unsigned b) {
  return (s->w[b / 64] >> (b % 64)) & 1;
}
