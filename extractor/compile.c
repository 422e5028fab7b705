/* compile.c: the second half of rules.h: expand {{name}} references,
 * compile patterns with PCRE2 (JIT when available), bind fields. */
#include "rules_impl.h"

#include "buf.h"
#include "expand.h"
#include "expr.h"
#include "gate.h"
#include "gate_read.h"
#include "table.h"
#include "util.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void nx_ruleset_set_jit(nx_ruleset *rs, bool jit)
{
  rs->no_jit = !jit;
}

/* pcre2_compile with the options every rule pattern gets. */
static pcre2_code *compile_text(const struct nx_buf *pat, int *code,
                                PCRE2_SIZE *offset)
{
  return pcre2_compile(
      (PCRE2_SPTR)pat->data, pat->len,
      /* The offset limit bounds where a match of an anchored rule may
       * start (match.c). */
      PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED | PCRE2_DUPNAMES |
          PCRE2_USE_OFFSET_LIMIT,
      code, offset, NULL);
}

/* compile_text of prefix + "(?:" + pat + "\n)" ('prefix' may be NULL):
 * the group keeps a top-level alternation whole, the newline ends a
 * trailing comment. */
static pcre2_code *compile_prefixed(const char *prefix,
                                    const struct nx_buf *pat, int *code,
                                    PCRE2_SIZE *offset)
{
  if (prefix == NULL)
    return compile_text(pat, code, offset);
  struct nx_buf all;
  nx_buf_init(&all, 0);
  nx_buf_adds(&all, prefix);
  nx_buf_adds(&all, "(?:");
  nx_buf_add(&all, pat->data, pat->len);
  nx_buf_adds(&all, "\n)");
  pcre2_code *re = compile_text(&all, code, offset);
  nx_buf_free(&all);
  return re;
}

uint32_t nx_rule_min_length(const struct nx_rule *r)
{
  /* PCRE2 cannot see through subroutine calls (it reports 0), so the
   * inline form is compiled again. */
  struct nx_buf pat = {0};
  if (r->expanded) {
    pat.data = r->expanded;
    pat.len = strlen(r->expanded);
  }
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pat.len ? compile_text(&pat, &code, &offset) : NULL;
  uint32_t min_len = 0;
  pcre2_pattern_info(re ? re : r->re, PCRE2_INFO_MINLENGTH, &min_len);
  pcre2_code_free(re);
  return min_len;
}

/* After "no definition or list named 'NAME'": the name meant, or a list
 * file that sits beside the rule file instead of in lists/. */
static void reference_hint(const nx_ruleset *rs, const char *src,
                           const char *file, char *hint, size_t size)
{
  hint[0] = '\0';
  for (const char *open = strstr(src, "{{"); open;
       open = strstr(open + 2, "{{")) {
    const char *close = strstr(open + 2, "}}");
    if (close == NULL || open[2] == '@' || close - open - 2 >= 64)
      continue;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(close - open - 2), open + 2);
    bool known = nx_ruleset_list(rs, name) != NULL;
    for (size_t i = 0; i < rs->ndefines && !known; i++)
      known = strcmp(rs->defines[i]->name, name) == 0;
    if (known)
      continue;
    char beside[4096];
    const char *slash = strrchr(file, '/');
    snprintf(beside, sizeof beside, "%.*s%s.list",
             slash ? (int)(slash - file + 1) : 0, file, name);
    if (access(beside, F_OK) == 0) {
      snprintf(hint, size, " (%.150s is beside the rule file: word lists are "
                           "read from lists/ there)",
               beside);
      return;
    }
    const char **names = xmalloc((rs->ndefines + rs->nlists + 1) *
                                 sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < rs->ndefines; i++)
      names[n++] = rs->defines[i]->name;
    for (size_t i = 0; i < rs->nlists; i++)
      names[n++] = nx_wordlist_name(rs->lists[i]);
    const char *near = nx_nearest(name, names, n);
    if (near)
      snprintf(hint, size, " (did you mean '%s'?)", near);
    free(names);
    return;
  }
}

/* The column in the rule file of byte 'offset' of a value whose lines
 * start at the columns 'cols' (0-terminated), and its line in *line. 0
 * when the value's layout is not known. */
static unsigned file_column(const char *src, size_t offset,
                            const unsigned *cols, unsigned *line)
{
  if (cols == NULL)
    return 0;
  size_t k = 0, start = 0;
  for (size_t i = 0; i < offset && src[i]; i++)
    if (src[i] == '\n') {
      if (cols[++k] == 0)
        return 0;
      start = i + 1;
    }
  *line += (unsigned)k;
  return cols[k] + (unsigned)(offset - start);
}

/* Compiles 'src' after expansion, and JIT-compiles it unless 'lazy' (a
 * rule's: see nx_rule_codes). On error fills err with the line and column
 * inside the rule file where that can be known ('cols': see
 * file_column). */
static nx_status compile_pattern(const nx_ruleset *rs, const char *src,
                                 const char *file, unsigned line,
                                 const unsigned *cols, bool lazy,
                                 struct nx_gate **gate,
                                 struct nx_gate_memo *memo, char **expanded,
                                 pcre2_code **out, struct nx_error *err)
{
  struct nx_buf pat, called, prefix;
  nx_buf_init(&pat, 0);
  nx_buf_init(&called, 0);
  nx_buf_init(&prefix, 0);
  char bad[256], hint[256];
  if (!nx_expand_inline(rs, src, &pat, bad, sizeof bad)) {
    nx_buf_free(&pat);
    reference_hint(rs, src, file, hint, sizeof hint);
    return nx_fail(err, NX_EREGEX, file, line, 0, "%s%s", bad, hint);
  }
  if (pat.len == 0) {
    nx_buf_free(&pat);
    return nx_fail(err, NX_EREGEX, file, line, 0, "empty pattern");
  }
  int code;
  PCRE2_SIZE offset;
  /* A rule's gate (gate.h): the pattern is compiled behind its start
   * prefix, so that PCRE2 searches for matches only where one can start. */
  const char *start = NULL;
  if (gate) {
    *gate = memo ? nx_gate_new_memo(src, pat.data, memo)
                 : nx_gate_new(pat.data);
    if (nx_gate_start_prefix(*gate, &prefix))
      start = prefix.data;
  }
  /* The called form where PCRE2 takes it (a call inside a lookbehind must
   * have a fixed length); the inline form, and its errors, otherwise. */
  pcre2_code *re = NULL;
  bool has_called = nx_expand_called(rs, src, &called, bad, sizeof bad);
  if (has_called && start)
    re = compile_prefixed(start, &called, &code, &offset);
  if (re == NULL && start)
    re = compile_prefixed(start, &pat, &code, &offset);
  if (re == NULL && has_called)
    re = compile_prefixed(NULL, &called, &code, &offset);
  nx_buf_free(&called);
  nx_buf_free(&prefix);
  if (re == NULL)
    re = compile_prefixed(NULL, &pat, &code, &offset);
  if (re == NULL) {
    PCRE2_UCHAR msg[160];
    pcre2_get_error_message(code, msg, sizeof msg);
    nx_status st;
    unsigned l = line, col = 0;
    /* Up to the first {{name}} the expanded pattern is the value as
     * written, so the offset points into the rule file itself. */
    if (offset <= strlen(src) && strncmp(pat.data, src, offset) == 0)
      col = file_column(src, offset, cols, &l);
    if (col)
      st = nx_fail(err, NX_EREGEX, file, l, col, "bad pattern: %s", msg);
    else
      st = nx_fail(err, NX_EREGEX, file, line, 0,
                   "bad pattern: %s (at offset %zu of the expanded pattern)",
                   msg, (size_t)offset);
    nx_buf_free(&pat);
    return st;
  }
  if (expanded)
    *expanded = nx_buf_detach(&pat, NULL);
  nx_buf_free(&pat);
  /* JIT is a speed-up only: without it the interpreter gives the same
   * answers, so a failure here is not an error. */
  if (!rs->no_jit && !lazy)
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  *out = re;
  return NX_OK;
}

const pcre2_code *nx_lazy_jit(const nx_ruleset *rs, const pcre2_code *re,
                              _Atomic(pcre2_code *) *slot)
{
  pcre2_code *jit = atomic_load_explicit(slot, memory_order_acquire);
  if (jit || rs->no_jit || re == NULL)
    return jit ? jit : re;
  pcre2_code *made = pcre2_code_copy(re);
  if (made == NULL)
    return re;
  /* Should JIT fail, the copy runs on the interpreter, as 're' would. */
  pcre2_jit_compile(made, PCRE2_JIT_COMPLETE);
  pcre2_code *expected = NULL;
  if (atomic_compare_exchange_strong_explicit(slot, &expected, made,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return made;
  pcre2_code_free(made);
  return expected;
}

const pcre2_code *nx_counted_jit(const nx_ruleset *rs, const pcre2_code *re,
                                 _Atomic(pcre2_code *) *slot,
                                 atomic_size_t *runs)
{
  pcre2_code *jit = atomic_load_explicit(slot, memory_order_acquire);
  if (jit)
    return jit;
  if (atomic_fetch_add_explicit(runs, 1, memory_order_relaxed) <
      NX_CUT_JIT_AFTER)
    return re;
  return nx_lazy_jit(rs, re, slot);
}

/* JIT-compiled copies of r's patterns, or NULL when one cannot be made. */
static struct nx_codes *jit_copies(const struct nx_rule *r)
{
  const pcre2_code *from[3] = {r->re, r->veto_re, r->anchor_re};
  pcre2_code *copy[3] = {NULL, NULL, NULL};
  for (int i = 0; i < 3; i++) {
    if (from[i] == NULL)
      continue;
    copy[i] = pcre2_code_copy(from[i]);
    if (copy[i] == NULL) {
      for (int k = 0; k < i; k++)
        pcre2_code_free(copy[k]);
      return NULL;
    }
    /* Should JIT fail, the copy runs on the interpreter. */
    pcre2_jit_compile(copy[i], PCRE2_JIT_COMPLETE);
  }
  struct nx_codes *c = xmalloc(sizeof *c);
  *c = (struct nx_codes){copy[0], copy[1], copy[2]};
  return c;
}

void nx_codes_free(struct nx_codes *c)
{
  if (c == NULL)
    return;
  pcre2_code_free((pcre2_code *)c->re);
  pcre2_code_free((pcre2_code *)c->veto);
  pcre2_code_free((pcre2_code *)c->anchor);
  free(c);
}

/* Makes and publishes r's JIT copies; the first thread to publish wins,
 * the others free theirs and take its. NULL when they cannot be made. */
static const struct nx_codes *publish_jit(const struct nx_rule *r)
{
  struct nx_rule *rule = (struct nx_rule *)r; /* its cache */
  struct nx_codes *made = jit_copies(r);
  if (made == NULL)
    return NULL;
  struct nx_codes *expected = NULL;
  if (atomic_compare_exchange_strong_explicit(&rule->jitted, &expected, made,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return made;
  nx_codes_free(made);
  return expected;
}

const struct nx_codes *nx_rule_codes(const nx_ruleset *rs,
                                     const struct nx_rule *r)
{
  struct nx_codes *jitted =
      atomic_load_explicit(&r->jitted, memory_order_acquire);
  if (jitted || rs->no_jit)
    return jitted ? jitted : &r->interpreted;
  /* Compiled when next needed, not when the mark was crossed: the last
   * document of a run (the only one, through a pipe) never pays for it. */
  if (atomic_load_explicit(&r->ran, memory_order_relaxed) >= NX_JIT_AFTER) {
    const struct nx_codes *c = publish_jit(r);
    if (c)
      return c;
  }
  return &r->interpreted;
}

void nx_rule_ran(const nx_ruleset *rs, const struct nx_rule *r, size_t bytes)
{
  if (rs->no_jit || bytes == 0)
    return;
  struct nx_rule *rule = (struct nx_rule *)r; /* its counter */
  atomic_fetch_add_explicit(&rule->ran, bytes, memory_order_relaxed);
}

const struct nx_codes *nx_rule_jit_codes(const nx_ruleset *rs,
                                         const struct nx_rule *r)
{
  if (rs->no_jit)
    return NULL;
  struct nx_codes *jitted =
      atomic_load_explicit(&r->jitted, memory_order_acquire);
  return jitted ? jitted : publish_jit(r);
}

static bool field_named(const struct nx_rule *r, const char *name)
{
  for (size_t i = 0; i < r->nfields; i++)
    if (strcmp(r->fields[i].name, name) == 0)
      return true;
  return false;
}

static bool group_used(const struct nx_rule *r, const char *name)
{
  if (field_named(r, name))
    return true;
  for (size_t i = 0; i < r->nfields; i++)
    if (nx_expr_uses_group(r->fields[i].expr, name))
      return true;
  return false;
}

uint32_t nx_pattern_group_count(const pcre2_code *re)
{
  uint32_t count = 0;
  pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &count);
  return count;
}

const char *nx_pattern_group_name(const pcre2_code *re, uint32_t i)
{
  uint32_t entry_size;
  PCRE2_SPTR table;
  pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
  /* Each entry: the group number in two bytes, then the name. */
  return (const char *)(table + i * entry_size + 2);
}

/* Every named group that no field names or reads becomes a text field.
 * Groups named with a leading '_' are private helpers. */
static void add_group_fields(struct nx_rule *r)
{
  uint32_t count = nx_pattern_group_count(r->re);
  for (uint32_t i = 0; i < count; i++) {
    const char *name = nx_pattern_group_name(r->re, i);
    if (name[0] == '_' || group_used(r, name))
      continue;
    r->fields = xrealloc(r->fields, (r->nfields + 1) * sizeof *r->fields);
    struct nx_field *f = &r->fields[r->nfields++];
    char msg[64];
    unsigned col;
    f->name = xstrdup(name);
    f->source = xstrdup(name);
    f->line = r->pattern_line;
    f->expr = nx_expr_parse(name, msg, sizeof msg, &col);
  }
}

static nx_status compile_rule(nx_ruleset *rs, struct nx_rule *r,
                              struct nx_gate_memo *memo, struct nx_error *err)
{
  nx_status st = compile_pattern(rs, r->pattern, r->file, r->pattern_line,
                                 r->pattern_cols, true, &r->gate, memo,
                                 &r->expanded, &r->re, err);
  if (st == NX_OK && r->veto)
    st = compile_pattern(rs, r->veto, r->file, r->veto_line, r->veto_cols,
                         true, NULL, NULL, NULL, &r->veto_re, err);
  if (st == NX_OK && r->anchor)
    st = compile_pattern(rs, r->anchor, r->file, r->anchor_line,
                         r->anchor_cols, true, NULL, NULL, NULL,
                         &r->anchor_re, err);
  if (st != NX_OK)
    return st;
  r->interpreted = (struct nx_codes){r->re, r->veto_re, r->anchor_re};
  r->type = nx_ruleset_type_index(rs, r->type_name);
  if (rs->types[r->type]->mention) {
    /* A mention is what frames compose, not a record or a company. */
    if (r->over_mentions)
      return nx_fail(err, NX_ESYNTAX, r->file, r->line, 0,
                     "rule '%s': a frame cannot make mentions of type %s",
                     r->name, r->type_name);
    r->no_output = 1;
    r->not_entity = 1;
  }
  rs->has_frames |= r->over_mentions;
  if (!r->no_output)
    rs->types[r->type]->written = 1;
  uint32_t captures;
  pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT, &captures);
  if (captures + 1 > rs->max_pairs)
    rs->max_pairs = captures + 1;
  add_group_fields(r);
  for (size_t i = 0; i < r->nfields; i++) {
    char msg[200];
    if (!nx_expr_resolve(r->fields[i].expr, r->re, rs, msg, sizeof msg))
      return nx_fail(err, NX_ESYNTAX, r->file, r->fields[i].line, 0,
                     "field %s: %s", r->fields[i].name, msg);
  }
  return NX_OK;
}

static nx_status compile_type(nx_ruleset *rs, struct nx_type *t,
                              struct nx_error *err)
{
  const char *file = t->file ? t->file : t->name;
  if (t->reject_list_name) {
    t->reject_list = nx_ruleset_list(rs, t->reject_list_name);
    if (t->reject_list == NULL)
      return nx_fail(err, NX_ESYNTAX, file, t->line, 0,
                     "type %s: no word list named '%s'", t->name,
                     t->reject_list_name);
  }
  if (t->exclude_list_name) {
    t->exclude_list = nx_ruleset_list(rs, t->exclude_list_name);
    if (t->exclude_list == NULL)
      return nx_fail(err, NX_ESYNTAX, file, t->line, 0,
                     "type %s: no word list named '%s'", t->name,
                     t->exclude_list_name);
  }
  for (size_t i = 0; i < t->ninherits; i++) {
    struct nx_inherit *in = &t->inherits[i];
    if (in->list_name == NULL)
      continue;
    in->list = nx_ruleset_list(rs, in->list_name);
    if (in->list == NULL)
      return nx_fail(err, NX_ESYNTAX, file, t->line, 0,
                     "type %s: no word list named '%s'", t->name,
                     in->list_name);
    /* Mentions are whole words: "JPMorgan" but not "JPMorganChase". */
    struct nx_buf pat;
    nx_buf_init(&pat, 0);
    nx_buf_adds(&pat, "(?<![\\w&])");
    nx_wordlist_pattern(in->list, &pat);
    nx_buf_adds(&pat, "(?![\\w&])");
    nx_status st = compile_pattern(rs, pat.data, file, t->line, NULL, true,
                                   NULL, NULL, NULL, &in->mention, err);
    nx_buf_free(&pat);
    if (st != NX_OK)
      return st;
  }
  return NX_OK;
}

static int by_order(const void *a, const void *b)
{
  const struct nx_type *x = *(struct nx_type *const *)a;
  const struct nx_type *y = *(struct nx_type *const *)b;
  if (x->order != y->order)
    return (x->order > y->order) - (x->order < y->order);
  return strcmp(x->name, y->name);
}

/* The set of ids of 'words' (filed in the table first). */
static uint64_t *keyword_ids(nx_keywords *table, char **words, size_t n)
{
  uint64_t *set =
      xcalloc((nx_keywords_count(table) + 63) / 64, sizeof *set);
  for (size_t k = 0; k < n; k++) {
    size_t id = nx_keywords_add(table, words[k]);
    set[id / 64] |= UINT64_C(1) << (id % 64);
  }
  return set;
}

/* Files every rule's keywords in one table, so that one scan of a text
 * finds them all, and gives each rule the sets of its ids. */
static void compile_keywords(nx_ruleset *rs)
{
  nx_keywords_free(rs->keywords);
  rs->keywords = nx_keywords_new();
  for (size_t i = 0; i < rs->nrules; i++) {
    struct nx_rule *r = rs->rules[i];
    for (size_t k = 0; k < r->nkeywords; k++)
      nx_keywords_add(rs->keywords, r->keywords[k]);
    for (size_t a = 0; a < r->nalso; a++)
      for (size_t k = 0; k < r->also[a].n; k++)
        nx_keywords_add(rs->keywords, r->also[a].words[k]);
  }
  for (size_t i = 0; i < rs->nrules; i++) {
    struct nx_rule *r = rs->rules[i];
    if (r->nkeywords == 0)
      continue;
    free(r->keyword_set);
    r->keyword_set = keyword_ids(rs->keywords, r->keywords, r->nkeywords);
    for (size_t a = 0; a < r->nalso; a++) {
      free(r->also[a].set);
      r->also[a].set =
          keyword_ids(rs->keywords, r->also[a].words, r->also[a].n);
    }
  }
}

/* One alternation of every cut, so that a paragraph no cut drops (nearly
 * all of them) costs one match attempt instead of one per cut. Left NULL
 * when a cut cannot be copied into it unchanged. */
static void compile_any_cut(nx_ruleset *rs)
{
  pcre2_code_free(rs->any_cut);
  pcre2_code_free(atomic_exchange(&rs->any_cut_jit, NULL));
  atomic_store(&rs->any_cut_runs, 0);
  rs->any_cut = NULL;
  struct nx_buf all, one;
  nx_buf_init(&all, 0);
  nx_buf_init(&one, 0);
  char bad[256];
  bool ok = rs->ncuts > 1;
  for (size_t i = 0; i < rs->ncuts && ok; i++) {
    nx_buf_clear(&one);
    ok = nx_expand_inline(rs, rs->cuts[i]->pattern, &one, bad, sizeof bad) &&
         nx_expand_self_contained(one.data ? one.data : "");
    nx_buf_adds(&all, i ? "|(?:" : "(?:");
    nx_buf_add(&all, one.data ? one.data : "", one.len);
    nx_buf_adds(&all, "\n)");
  }
  int code;
  PCRE2_SIZE offset;
  if (ok)
    rs->any_cut = compile_text(&all, &code, &offset);
  /* It and each cut are JIT-compiled once they have run a while
   * (nx_counted_jit in match.c). */
  nx_buf_free(&one);
  nx_buf_free(&all);
}

nx_status nx_ruleset_compile(nx_ruleset *rs, struct nx_error *err)
{
  nx_status st = NX_OK;
  /* Output order of the types: by 'order', then by name. */
  if (rs->ntypes > 1) /* qsort(NULL, 0, ...) is undefined */
    qsort(rs->types, rs->ntypes, sizeof *rs->types, by_order);
  rs->max_pairs = 1;
  rs->nmention_types = 0;
  for (size_t i = 0; i < rs->ndefines; i++)
    rs->defines[i]->callable = NX_CALLABLE_UNKNOWN; /* expand.c's cache */
  rs->has_frames = false;
  for (size_t i = 0; i < rs->ntypes && st == NX_OK; i++) {
    struct nx_type *t = rs->types[i];
    if (t->mention && rs->nmention_types == NX_MENTION_MAX)
      st = nx_fail(err, NX_ESYNTAX, t->file ? t->file : t->name, t->line, 0,
                   "more than %u mention types", NX_MENTION_MAX);
    else if (t->mention)
      t->mention_code = (unsigned)rs->nmention_types++;
  }
  for (size_t i = 0; i < rs->ntypes && st == NX_OK; i++)
    st = compile_type(rs, rs->types[i], err);
  /* Each definition and list is read for the gates once (gate_read.h). */
  struct nx_gate_memo *memo = nx_gate_memo_new(nx_expand_resolve, rs);
  for (size_t i = 0; i < rs->nrules && st == NX_OK; i++)
    st = compile_rule(rs, rs->rules[i], memo, err);
  nx_gate_memo_free(memo);
  for (size_t i = 0; i < rs->ncuts && st == NX_OK; i++) {
    struct nx_cut *c = rs->cuts[i];
    st = compile_pattern(rs, c->pattern, c->file, c->pattern_line,
                         c->pattern_cols, true, NULL, NULL, NULL, &c->re,
                         err);
  }
  if (st == NX_OK)
    st = nx_table_check(rs, err);
  if (st == NX_OK) {
    compile_keywords(rs);
    compile_any_cut(rs);
    nx_abbrevs_free(rs->abbrevs);
    rs->abbrevs = nx_abbrevs_new(nx_ruleset_list(rs, "abbreviations"));
    rs->compiled = 1;
  }
  return st;
}
