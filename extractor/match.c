/* match.c: see match.h. */
#include "match.h"

#include "expr.h"
#include "gate.h"
#include "mentions.h"
#include "rules_impl.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct nx_matcher {
  const nx_ruleset *rs;
  pcre2_jit_stack *jit_stack;
  bool keep_vetoed;
  bool ungated; /* nx_matcher_ungated */
  pcre2_match_data *md;
  pcre2_match_context *mc;
  pcre2_match_context *bounded; /* mc with an offset limit, for spans */
  struct nx_keyword_hits keywords; /* in the text being matched */
  bool keywords_found;             /* for the text being matched */
  struct nx_mention_text mentions; /* what frames match (mentions.h) */
  struct nx_mention_lines lines;   /* its lines, for the frames' gates */
  PCRE2_SIZE *carried;             /* a frame's ovector, carried back */
  size_t searched; /* bytes where the rule being run could start a match */
  /* The sentences found around positions of the text being matched: many
   * rules ask about the same keyword hits (direct-mapped; an entry holds
   * for the text numbered 'text_no' only). */
  struct sentence_memo {
    size_t text_no, at, s, e;
  } sentences[512];
  size_t text_no; /* counts the texts matched, from 1 */
};

nx_matcher *nx_matcher_new(const nx_ruleset *rs)
{
  nx_matcher *m = xcalloc(1, sizeof *m);
  m->rs = rs;
  m->md = pcre2_match_data_create(rs->max_pairs ? rs->max_pairs : 1, NULL);
  nx_mention_text_init(&m->mentions);
  m->carried = xcalloc(2 * (rs->max_pairs ? rs->max_pairs : 1),
                       sizeof *m->carried);
  m->mc = pcre2_match_context_create(NULL);
  if (m->md == NULL || m->mc == NULL) {
    nx_matcher_free(m);
    return NULL;
  }
  pcre2_set_match_limit(m->mc, NX_MATCH_LIMIT);
  pcre2_set_depth_limit(m->mc, NX_DEPTH_LIMIT);
  pcre2_set_heap_limit(m->mc, NX_HEAP_LIMIT_KIB);
  /* JIT code backtracks on its own stack, 32 KiB by default: too small for
   * the long optional prefixes of real rules (doc/pcre2jit.3). */
  m->jit_stack = pcre2_jit_stack_create(64 * 1024, NX_JIT_STACK_KIB * 1024, NULL);
  if (m->jit_stack)
    pcre2_jit_stack_assign(m->mc, NULL, m->jit_stack);
  m->bounded = pcre2_match_context_copy(m->mc);
  if (m->bounded == NULL) {
    nx_matcher_free(m);
    return NULL;
  }
  return m;
}

void nx_matcher_keep_vetoed(nx_matcher *m, bool keep)
{
  m->keep_vetoed = keep;
}

void nx_matcher_ungated(nx_matcher *m, bool ungated)
{
  m->ungated = ungated;
}

void nx_matcher_free(nx_matcher *m)
{
  if (m == NULL)
    return;
  pcre2_match_data_free(m->md);
  pcre2_match_context_free(m->mc);
  pcre2_match_context_free(m->bounded);
  nx_keyword_hits_free(&m->keywords);
  nx_mention_text_free(&m->mentions);
  nx_mention_lines_free(&m->lines);
  free(m->carried);
  pcre2_jit_stack_free(m->jit_stack);
  free(m);
}

static bool is_limit(int rc)
{
  return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
         rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

/* One pcre2_match on valid UTF-8 (checked once, when the text was made). */
static int run_in(nx_matcher *m, pcre2_match_context *mc, const pcre2_code *re,
                  const char *s, size_t len, size_t at, uint32_t opts)
{
  return pcre2_match(re, (PCRE2_SPTR)s, len, at, opts | PCRE2_NO_UTF_CHECK,
                     m->md, mc);
}

static int run(nx_matcher *m, const pcre2_code *re, const char *s, size_t len,
               size_t at, uint32_t opts)
{
  return run_in(m, m->mc, re, s, len, at, opts);
}

/* nx_text_sentence on the text being matched, remembered. */
static void sentence(nx_matcher *m, const char *text, size_t len, size_t at,
                     size_t *s, size_t *e)
{
  struct sentence_memo *c =
      &m->sentences[at % (sizeof m->sentences / sizeof *m->sentences)];
  if (c->text_no != m->text_no || c->at != at) {
    nx_text_sentence(m->rs->abbrevs, text, len, at, &c->s, &c->e);
    c->text_no = m->text_no;
    c->at = at;
  }
  *s = c->s;
  *e = c->e;
}

/* True when the rule's veto matches the sentence that holds the match. */
static bool vetoed(nx_matcher *m, const struct nx_codes *c, const char *text,
                   size_t len, size_t start, size_t end)
{
  if (c->veto == NULL)
    return false;
  size_t s0, e0, s1, e1;
  sentence(m, text, len, start, &s0, &e0);
  sentence(m, text, len, end ? end - 1 : 0, &s1, &e1);
  (void)e0;
  (void)s1;
  return run(m, c->veto, text + s0, e1 - s0, 0, 0) >= 0;
}

static struct nx_hit *add_hit(struct nx_hits *out, size_t rule,
                              size_t start, size_t end, json_t *fields)
{
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 64;
    out->v = xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n] = (struct nx_hit){rule, start, end, fields, NX_KEPT, 0, 0};
  return &out->v[out->n++];
}

/* The length of the separator of list items at s[at] (", ", ", and ",
 * " and "), or 0. */
static size_t separator_at(const char *s, size_t at)
{
  static const char *const seps[] = {", and ", ", & ", ", ", " and ", NULL};
  for (const char *const *p = seps; *p; p++)
    if (strncmp(s + at, *p, strlen(*p)) == 0)
      return strlen(*p);
  return 0;
}

/* Where the name that starts list[from, end) ends: before the first
 * lower-case word after its first word that is not a connector of names
 * ("Bank of America"), so that an item's own tail ("Tern Retail with a
 * target price of Rs 410", "Osprey at Rs 95") is left out. */
static size_t name_end(const char *list, size_t from, size_t end)
{
  static const char *const joins[] = {"of ", "and ", "de ", "du ", "la ",
                                      "del ", "di ", "von ", "van ", "der ",
                                      "y ", NULL};
  for (size_t at = from + 1; at + 1 < end; at++) {
    if (list[at] != ' ' || list[at + 1] < 'a' || list[at + 1] > 'z')
      continue;
    bool join = false;
    for (const char *const *j = joins; *j && !join; j++)
      join = strncmp(list + at + 1, *j, strlen(*j)) == 0;
    if (!join)
      return at;
  }
  return end;
}

/* Adds one hit per item of the list in r->split's field ("CleanSpark,
 * IREN (IREN) and Riot"): a list has a comma or an "and"; an item's ticker
 * parentheses and its tail (name_end) are left out. The hits after the
 * first are siblings of it (record.c keeps or drops them with it). Takes
 * 'fields'. */
static void add_split_hits(struct nx_hits *out, const struct nx_rule *r,
                           size_t rule, size_t start, size_t end,
                           json_t *fields, enum nx_drop drop)
{
  json_t *v = json_object_get(fields, r->split);
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  /* "A and B" is two ("a buy view on JK Cement and Supreme Industries",
   * "Cipher Mining (CIFR) and MARA"); "A & B" stays one name. */
  bool is_list = s && (strchr(s, ',') || strstr(s, " and "));
  /* One item keeps its name without its ticker parentheses and its tail
   * too. */
  if (s && !is_list &&
      (strchr(s, '(') || name_end(s, 0, strlen(s)) < strlen(s)))
    is_list = true;
  if (!is_list) {
    add_hit(out, rule, start, end, fields)->drop = drop;
    return;
  }
  char *list = xstrdup(s);
  unsigned k = 0;
  size_t len = strlen(list), from = 0;
  for (;;) {
    size_t at = from, sep = 0;
    while (at < len && (sep = separator_at(list, at)) == 0)
      at++;
    size_t item_end = at; /* the item is list[from, item_end) */
    char *paren = memchr(list + from, '(', item_end - from);
    if (paren)
      item_end = (size_t)(paren - list);
    item_end = name_end(list, from, item_end);
    while (item_end > from && list[item_end - 1] == ' ')
      item_end--;
    if (item_end > from) {
      json_t *f = k ? json_deep_copy(fields) : json_incref(fields);
      json_object_set_new(f, r->split,
                          json_stringn(list + from, item_end - from));
      struct nx_hit *h = add_hit(out, rule, start, end, f);
      h->drop = drop;
      h->sibling = k++;
    }
    if (at >= len)
      break;
    from = at + sep;
  }
  if (k == 0)
    add_hit(out, rule, start, end, json_incref(fields))->drop = drop;
  json_decref(fields);
  free(list);
}

static json_t *eval_fields(const struct nx_rule *r, const char *text,
                           const PCRE2_SIZE *ov, uint32_t pairs)
{
  json_t *fields = json_object();
  for (size_t i = 0; i < r->nfields; i++) {
    json_t *v = nx_expr_eval(r->fields[i].expr, text, ov, pairs);
    json_object_set_new(fields, r->fields[i].name, v ? v : json_null());
  }
  return fields;
}

/* A frame's ovector over the mention text, carried back to the text. */
static const PCRE2_SIZE *carry_back(nx_matcher *m, const PCRE2_SIZE *ov,
                                    uint32_t pairs)
{
  const struct nx_mention_text *mt = &m->mentions;
  for (uint32_t i = 0; i < pairs; i++) {
    PCRE2_SIZE a = ov[2 * i], b = ov[2 * i + 1];
    if (a == PCRE2_UNSET) {
      m->carried[2 * i] = m->carried[2 * i + 1] = PCRE2_UNSET;
      continue;
    }
    m->carried[2 * i] = nx_mention_text_start(mt, a);
    m->carried[2 * i + 1] =
        b > a ? nx_mention_text_end(mt, b) : m->carried[2 * i];
  }
  return m->carried;
}

/* Every match of one rule that starts in subject[from, last] and ends by
 * 'to', after an empty match retrying at the same place for a non-empty one
 * (as pcre2demo.c does). The subject before 'from' stays visible to
 * lookbehinds. The subject is the text, or for a frame the mention text,
 * whose matches are carried back to the text. False when the rule hit a
 * limit. */
static bool match_span(nx_matcher *m, size_t index, const struct nx_codes *c,
                       const char *text, size_t len, size_t from, size_t last,
                       size_t to, struct nx_hits *out)
{
  const struct nx_rule *r = m->rs->rules[index];
  const char *subject = r->over_mentions ? m->mentions.text.data : text;
  size_t at = from;
  uint32_t opts = 0;
  pcre2_set_offset_limit(m->bounded, last);
  size_t upto = last < to ? last : to;
  m->searched += from <= upto ? upto - from + 1 : 0;
  while (at <= to && at <= last) {
    int rc = run_in(m, m->bounded, c->re, subject, to, at, opts);
    if (rc == PCRE2_ERROR_NOMATCH) {
      if (opts == 0)
        break;
      at = nx_utf8_next(subject, to, at);
      opts = 0;
      continue;
    }
    if (rc < 0)
      return !is_limit(rc);
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    /* Pairs past the highest one set hold whatever an earlier match
     * (or malloc) left there: read only the rc pairs this match set. */
    uint32_t pairs = rc > 0 ? (uint32_t)rc : pcre2_get_ovector_count(m->md);
    size_t next = ov[1], empty = ov[0] == ov[1];
    if (r->over_mentions)
      ov = carry_back(m, ov, pairs);
    size_t start = ov[0], end = ov[1];
    if (end > start) {
      json_t *fields = eval_fields(r, text, ov, pairs);
      bool veto = vetoed(m, c, text, len, start, end);
      if (veto && !m->keep_vetoed)
        json_decref(fields);
      else if (r->split)
        add_split_hits(out, r, index, start, end, fields,
                       veto ? NX_DROP_VETO : NX_KEPT);
      else
        add_hit(out, index, start, end, fields)->drop =
            veto ? NX_DROP_VETO : NX_KEPT;
    }
    at = next;
    opts = empty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
  }
  return true;
}

/* Where a rule with an anchor or keywords can match: the occurrences of
 * its anchor pattern, or of its keywords, one after another. */
struct anchor_scan {
  const struct nx_rule *r;
  const struct nx_codes *codes; /* set before the first anchor scan */
  const char *text;
  size_t len;
  size_t next; /* keywords: the next hit to look at */
  int rc;      /* anchor: the last pcre2_match result */
};

static bool in_set(const uint64_t *set, uint32_t id)
{
  return (set[id / 64] >> (id % 64)) & 1;
}

/* True when text[s, e) holds a word of each of r's further keyword lines
 * (the keyword hits are in text order). */
static bool has_also(const nx_matcher *m, const struct nx_rule *r, size_t s,
                     size_t e)
{
  const struct nx_keyword_hits *k = &m->keywords;
  size_t lo = 0, hi = k->n; /* the first hit at or after s */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (k->v[mid].at < s)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t a = 0; a < r->nalso; a++) {
    bool found = false;
    for (size_t i = lo; i < k->n && k->v[i].at < e && !found; i++)
      found = in_set(r->also[a].set, k->v[i].id);
    if (!found)
      return false;
  }
  return true;
}

/* Finds the next occurrence that starts at or after 'at'; false when there
 * is none (or the anchor hit a limit: a->rc tells). */
static bool next_anchor(nx_matcher *m, struct anchor_scan *a, size_t at,
                        size_t *hit, size_t *hit_end)
{
  if (a->r->keyword_set) {
    const struct nx_keyword_hits *k = &m->keywords;
    for (; a->next < k->n; a->next++) {
      const struct nx_keyword_hit *h = &k->v[a->next];
      if (h->at >= at && in_set(a->r->keyword_set, h->id)) {
        *hit = h->at;
        *hit_end = h->at + h->len;
        return true;
      }
    }
    return false;
  }
  a->rc = at < a->len ? run(m, a->codes->anchor, a->text, a->len, at, 0)
                      : PCRE2_ERROR_NOMATCH;
  if (a->rc < 0)
    return false;
  const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
  *hit = ov[0];
  *hit_end = ov[1];
  return true;
}

/* The patterns to run r with: 'jit' when given, else nx_rule_codes'
 * choice; *interpreted tells which. */
static const struct nx_codes *codes_for(nx_matcher *m, const struct nx_rule *r,
                                        const struct nx_codes *jit,
                                        bool *interpreted)
{
  const struct nx_codes *c = jit ? jit : nx_rule_codes(m->rs, r);
  *interpreted = c == &r->interpreted;
  return c;
}

/* A rule with an anchor (a cheap pattern, such as the verbs every match
 * contains) or keywords runs only on the sentences (or, with
 * anchor_scope = paragraph, the paragraphs) where one occurs, within
 * NX_CONTEXT_MAX bytes of it: long documents then cost one fast scan
 * instead of a full match attempt at every position. And as every match
 * contains an occurrence, no match starts after the last one of its
 * sentence: PCRE2's offset limit stops the search there instead of trying
 * every position to the end of the sentence. False when the rule hit a
 * limit; *interpreted tells whether it ran on the interpreter. */
static bool scan_rule(nx_matcher *m, size_t index, const char *text,
                      size_t len, const struct nx_codes *jit,
                      struct nx_hits *out, bool *interpreted)
{
  const struct nx_rule *r = m->rs->rules[index];
  bool ok = true;
  *interpreted = false;
  struct anchor_scan a = {r, NULL, text, len, 0, 0};
  if (r->over_mentions) {
    size_t mlen = m->mentions.text.len;
    const struct nx_codes *c = codes_for(m, r, jit, interpreted);
    if (m->ungated)
      return match_span(m, index, c, text, len, 0, mlen, mlen, out);
    /* Only the windows where the frame's mentions are (gate.h); the
     * search sees the whole mention text around each. */
    size_t line = 0, from, last;
    while (ok && nx_gate_next_window(r->gate, &m->lines, &line, &from, &last))
      ok = match_span(m, index, c, text, len, from, last, mlen, out);
    return ok;
  }
  if (m->ungated || (r->anchor_re == NULL && r->keyword_set == NULL)) {
    const struct nx_codes *c = codes_for(m, r, jit, interpreted);
    return match_span(m, index, c, text, len, 0, len, len, out);
  }
  if (r->keyword_set && !m->keywords_found) {
    nx_keywords_find(m->rs->keywords, text, len, &m->keywords);
    m->keywords_found = true;
  }
  size_t done = 0; /* text before 'done' has been matched */
  size_t hit, hit_end;
  /* A rule whose keywords are absent has not run: it is not counted. */
  if (r->anchor_re) {
    a.codes = codes_for(m, r, jit, interpreted);
    m->searched += len; /* the anchor's scan */
  }
  bool found = next_anchor(m, &a, 0, &hit, &hit_end);
  if (found && a.codes == NULL)
    a.codes = codes_for(m, r, jit, interpreted);
  while (ok && found) {
    size_t s, e;
    if (r->anchor_paragraph)
      nx_text_paragraph(text, len, hit, &s, &e);
    else
      sentence(m, text, len, hit, &s, &e);
    if (s < done)
      s = done;
    /* The last occurrence that starts in [s, e) bounds where matches
     * start. The next search starts at e at the latest, so that an
     * occurrence running past e hides nothing of the next sentence. */
    size_t last;
    do {
      last = hit_end > hit ? hit_end - 1 : hit;
      size_t at = hit_end > hit ? hit_end : nx_utf8_next(text, len, hit);
      found = next_anchor(m, &a, at < e ? at : e, &hit, &hit_end);
    } while (found && hit < e);
    if (e > s && (r->nalso == 0 || has_also(m, r, s, e)))
      ok = match_span(m, index, a.codes, text, len, s, last, e, out);
    done = e > done ? e : done;
  }
  return ok && !(a.rc < 0 && is_limit(a.rc));
}

/* Drops the hits from 'first' on. */
static void truncate_hits(struct nx_hits *h, size_t first)
{
  for (size_t i = first; i < h->n; i++)
    json_decref(h->v[i].fields);
  h->n = first;
}

/* One rule over the text. PCRE2's interpreter and JIT count their limits
 * differently, so a rule that hits one on the interpreter (it runs there
 * until it has seen NX_JIT_AFTER bytes) is run again JIT-compiled: a
 * document's records do not depend on what came before it. */
static void match_rule(nx_matcher *m, size_t index, const char *text,
                       size_t len, struct nx_hits *out)
{
  const struct nx_rule *r = m->rs->rules[index];
  size_t first = out->n;
  bool interpreted;
  m->searched = 0;
  bool ok = scan_rule(m, index, text, len, NULL, out, &interpreted);
  if (interpreted)
    nx_rule_ran(m->rs, r, m->searched);
  const struct nx_codes *jit = NULL;
  if (!ok && interpreted && (jit = nx_rule_jit_codes(m->rs, r)) != NULL) {
    truncate_hits(out, first);
    ok = scan_rule(m, index, text, len, jit, out, &interpreted);
  }
  if (!ok) {
    out->limited =
        xrealloc(out->limited, (out->nlimited + 1) * sizeof *out->limited);
    out->limited[out->nlimited++] = index;
  }
}

/* The cascade: every rule over the text, mention types' among them; then
 * the frames over the mention text those mentions make. A frame run alone
 * (its examples) gets every mention rule run first. */
void nx_match_text(nx_matcher *m, const char *text, size_t len, size_t only,
                   struct nx_hits *out)
{
  const nx_ruleset *rs = m->rs;
  bool all = only == (size_t)-1;
  bool frame_only = !all && rs->rules[only]->over_mentions;
  size_t first = out->n;
  m->keywords_found = false; /* found on first need, once per text */
  m->text_no++;              /* and sentences remembered anew */
  for (size_t i = 0; i < rs->nrules; i++) {
    const struct nx_rule *r = rs->rules[i];
    if (!r->over_mentions &&
        (all || only == i || (frame_only && rs->types[r->type]->mention)))
      match_rule(m, i, text, len, out);
  }
  if (!rs->has_frames || !(all || frame_only))
    return;
  struct nx_hits mine = {out->v + first, out->n - first, 0, NULL, 0};
  if (nx_mention_text_build(&m->mentions, rs, text, len, &mine) == 0)
    return; /* a frame reads at least one mention */
  nx_mention_lines_build(&m->lines, &m->mentions);
  for (size_t i = 0; i < rs->nrules; i++)
    if (rs->rules[i]->over_mentions && (all || only == i))
      match_rule(m, i, text, len, out);
}

void nx_hits_clear(struct nx_hits *h)
{
  for (size_t i = 0; i < h->n; i++)
    json_decref(h->v[i].fields);
  h->n = 0;
  h->nlimited = 0;
}

void nx_hits_free(struct nx_hits *h)
{
  nx_hits_clear(h);
  free(h->v);
  free(h->limited);
  memset(h, 0, sizeof *h);
}

static size_t kept_before(const struct nx_paragraphs *ps,
                          const unsigned char *keep, size_t i)
{
  size_t n = 0;
  for (size_t k = 0; k < i; k++)
    if (keep[k])
      n += ps->len[k];
  return n;
}

/* The last paragraph before a run of three paragraphs of prose (200+
 * bytes each) that starts at 'from' or later, or the last paragraph: the
 * end of a block of links under a heading, when the story goes on after
 * it. */
static size_t before_prose(const struct nx_paragraphs *ps, size_t from)
{
  size_t run = 0;
  for (size_t k = from; k < ps->n; k++) {
    run = ps->len[k] >= 200 ? run + 1 : 0;
    if (run == 3)
      return k - 3;
  }
  return ps->n - 1;
}

void nx_match_cuts(nx_matcher *m, const struct nx_paragraphs *ps,
                   unsigned char *keep)
{
  for (size_t i = 0; i < ps->n; i++) {
    const char *p = ps->bytes.data + ps->off[i];
    nx_ruleset *rs = (nx_ruleset *)m->rs; /* its JIT caches */
    if (rs->any_cut &&
        run(m,
            nx_counted_jit(rs, rs->any_cut, &rs->any_cut_jit,
                           &rs->any_cut_runs),
            p, ps->len[i], 0, 0) == PCRE2_ERROR_NOMATCH)
      continue; /* no cut drops it: which one does is asked only if one does */
    for (size_t c = 0; c < rs->ncuts; c++) {
      struct nx_cut *cut = rs->cuts[c];
      if (run(m, nx_counted_jit(rs, cut->re, &cut->jitted, &cut->runs), p,
              ps->len[i], 0, 0) < 0)
        continue;
      size_t last = cut->action == NX_CUT_DROP        ? i
                    : cut->action == NX_CUT_DROP_NEXT ? i + cut->next
                                                      : ps->n - 1;
      if ((cut->action == NX_CUT_DROP_REST ||
           cut->action == NX_CUT_DROP_BLOCK) &&
          kept_before(ps, keep, i) < 150)
        last = i; /* nothing of the article yet: a caption's credit */
      else if (cut->action == NX_CUT_DROP_BLOCK)
        last = before_prose(ps, i + 1);
      for (size_t k = i; k <= last && k < ps->n; k++)
        keep[k] = 0;
      break;
    }
  }
}
