/* selftest.c: see selftest.h. */
#include "selftest.h"

#include "lint.h"
#include "match.h"
#include "record.h"
#include "rules_impl.h"
#include "text.h"
#include "extract.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* JSON equality where 18 and 18.0 are the same number. */
static bool same_value(json_t *a, json_t *b)
{
  if (json_is_number(a) && json_is_number(b)) {
    double x = json_number_value(a), y = json_number_value(b);
    double d = x > y ? x - y : y - x;
    return d <= 1e-9 * (x > 0 ? x : -x) + 1e-12;
  }
  if (a == NULL)
    return json_is_null(b);
  return json_equal(a, b);
}

static bool record_matches(json_t *rec, json_t *expect)
{
  const char *key;
  json_t *want;
  json_object_foreach(expect, key, want)
  {
    if (!same_value(json_object_get(rec, key), want))
      return false;
  }
  return true;
}

static void print_json(FILE *f, json_t *v)
{
  char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  fputs(s ? s : "?", f);
  free(s);
}

/* True when every record of 'got' matches an expectation of 'expect'
 * and each expectation is used once: an example gives exactly its
 * records, no extra one. Greedy pairing is enough, as expectations of one
 * example differ in their fields. */
static bool records_match(json_t *got, json_t *expect)
{
  size_t n = json_array_size(got);
  if (n != json_array_size(expect))
    return false;
  bool *used = xcalloc(n ? n : 1, sizeof *used);
  bool pass = true;
  for (size_t e = 0; e < n && pass; e++) {
    size_t g = 0;
    while (g < n &&
           (used[g] || !record_matches(json_array_get(got, g),
                                       json_array_get(expect, e))))
      g++;
    if (g == n)
      pass = false;
    else
      used[g] = true;
  }
  free(used);
  return pass;
}

/* Runs one example; true when it passes. 'got' receives the records;
 * '*excluded' counts matches that the type's stop list dropped;
 * '*limited' is set when the rule hit its match limit. */
static bool run_example(nx_matcher *m, const nx_ruleset *rs, size_t rule,
                        const struct nx_example *ex, json_t *got,
                        size_t *excluded, bool *limited)
{
  struct nx_buf text;
  nx_buf_init(&text, 0);
  nx_text_normalize(ex->text, strlen(ex->text), &text);
  nx_buf_add(&text, "", 0);
  struct nx_hits hits = {0};
  nx_match_text(m, text.data, text.len, rule, &hits);
  for (size_t i = 0; i < hits.nlimited; i++)
    *limited |= hits.limited[i] == rule;
  for (size_t i = 0; i < hits.n; i++) {
    if (hits.v[i].rule != rule)
      continue; /* a mention that a frame's example needed */
    json_t *rec = nx_record_bare(rs, &hits.v[i], text.data);
    if (rec == NULL) {
      (*excluded)++;
      continue;
    }
    json_array_append_new(got, rec);
  }
  nx_hits_free(&hits);
  nx_buf_free(&text);
  if (ex->expect == NULL)
    return json_array_size(got) == 0;
  return records_match(got, ex->expect);
}

/* An example whose text holds "\\n" is a document: its lines are lines
 * of a plain-text article ("\\n\\n" a paragraph break). */
static bool is_document(const struct nx_example *ex)
{
  return strstr(ex->text, "\\n") != NULL;
}

/* Runs a document example through the whole pipeline (segmentation,
 * cuts, frames, record finishing): 'got' receives the document's records
 * of the rule's type that this rule made (all of them for a type whose
 * records carry no rule, such as aggregated tickers). */
static bool run_document(nx_extractor *x, const nx_ruleset *rs, size_t rule,
                         const struct nx_example *ex, json_t *got,
                         bool *limited)
{
  size_t len = strlen(ex->text);
  char *doc = xmalloc(len + 1);
  size_t n = 0;
  for (const char *p = ex->text; *p; p++) {
    if (p[0] == '\\' && p[1] == 'n') {
      doc[n++] = '\n';
      p++;
    } else {
      doc[n++] = *p;
    }
  }
  struct nx_source src = {doc, n, NX_FORMAT_TEXT, NULL, "example", NULL};
  json_t *obj = NULL;
  struct nx_error err;
  const struct nx_rule *r = rs->rules[rule];
  if (nx_extract_document(x, &src, &obj, &err) == NX_OK) {
    for (size_t i = 0; i < nx_extract_limited(x); i++)
      *limited |= strcmp(nx_extract_limited_rule(x, i), r->name) == 0;
    json_t *list = json_object_get(obj, rs->types[r->type]->name);
    size_t i;
    json_t *rec;
    json_array_foreach(list, i, rec)
    {
      const char *by = json_string_value(json_object_get(rec, "rule"));
      if (by == NULL || strcmp(by, r->name) == 0)
        json_array_append(got, rec);
    }
  }
  json_decref(obj);
  free(doc);
  if (ex->expect == NULL)
    return json_array_size(got) == 0;
  return records_match(got, ex->expect);
}

/* After a failed example of a rule with keywords or an anchor: if the
 * rule passes once run over the whole text, the gate is what failed, and
 * the author needs to know why. */
static void explain_gate(nx_matcher *m, const nx_ruleset *rs, size_t rule,
                         const struct nx_example *ex, FILE *report)
{
  json_t *got = json_array();
  size_t excluded = 0;
  bool limited = false;
  nx_matcher_ungated(m, true);
  bool pass = run_example(m, rs, rule, ex, got, &excluded, &limited);
  nx_matcher_ungated(m, false);
  json_decref(got);
  if (pass)
    fputs("  note: it passes when the rule runs on the whole text: every "
          "match must contain one of its keywords (or its anchor), and "
          "start no later than the last one in its sentence; a word the "
          "pattern only looks behind at does not count\n",
          report);
}

/* True when the pattern holds a space between two letters or digits, as
 * in "agreed to buy": in extended mode that matches "agreedtobuy". */
static bool has_literal_space(const char *pattern)
{
  bool in_class = false;
  for (const char *p = pattern; *p; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p == '[')
      in_class = true;
    else if (*p == ']')
      in_class = false;
    else if (*p == '#' && !in_class)
      p += strcspn(p, "\n") - 1; /* a comment to the end of the line */
    else if (*p == ' ' && !in_class && p > pattern &&
             isalnum((unsigned char)p[-1]) &&
             (p < pattern + 2 || p[-2] != '\\')) {
      const char *q = p + strspn(p, " \t");
      if (isalnum((unsigned char)*q))
        return true;
    }
    if (*p == '\0')
      break;
  }
  return false;
}

static void note_space(const char *pattern, FILE *report)
{
  if (has_literal_space(pattern))
    fputs("  note: white space in a pattern is ignored (patterns are "
          "compiled in extended mode): 'to buy' matches 'tobuy'; write \\s+ "
          "or '\\ ' for a space\n",
          report);
}

/* A [cut] example is one paragraph: the cut must drop it or keep it. */
static void check_cuts(const nx_ruleset *rs, FILE *report,
                       struct nx_selftest_result *result)
{
  pcre2_match_data *md = pcre2_match_data_create(1, NULL);
  struct nx_buf text;
  nx_buf_init(&text, 0);
  for (size_t c = 0; c < rs->ncuts; c++) {
    const struct nx_cut *cut = rs->cuts[c];
    for (size_t e = 0; e < cut->nexamples; e++) {
      const struct nx_cut_example *ex = &cut->examples[e];
      nx_buf_clear(&text);
      nx_text_normalize(ex->text, strlen(ex->text), &text);
      nx_buf_add(&text, "", 0);
      const pcre2_code *re =
          nx_lazy_jit(rs, cut->re, &((struct nx_cut *)cut)->jitted);
      bool drops = pcre2_match(re, (PCRE2_SPTR)text.data, text.len, 0, 0, md,
                               NULL) >= 0;
      if (drops == (ex->expect == 1)) {
        result->passed++;
        continue;
      }
      result->failed++;
      fprintf(report,
              "%s:%u: cut %s: example \"%s\"\n  expected: %s\n  actual:   "
              "%s\n",
              cut->file, ex->line, cut->name, ex->text,
              ex->expect ? "drop" : "keep", drops ? "drop" : "keep");
      if (ex->expect == 1)
        note_space(cut->pattern, report);
    }
  }
  nx_buf_free(&text);
  pcre2_match_data_free(md);
}

/* One failed example: what it expected and what it got. */
static void report_failure(const nx_ruleset *rs, const struct nx_rule *rule,
                           const struct nx_example *ex, json_t *got,
                           size_t excluded, bool limited, FILE *report)
{
  fprintf(report, "%s:%u: rule %s: example \"%s\"\n  expected: ", rule->file,
          ex->line, rule->name, ex->text);
  if (json_array_size(ex->expect) == 1)
    print_json(report, json_array_get(ex->expect, 0));
  else if (ex->expect)
    print_json(report, ex->expect);
  else
    fputs("no match", report);
  fputs("\n  actual:   ", report);
  if (json_array_size(got))
    print_json(report, got);
  else
    fputs(limited ? "none: the rule hit its match limit (a pattern that "
                    "backtracks without end, such as (a+)+)"
                  : "no match",
          report);
  if (excluded) {
    const struct nx_type *t = rs->types[rule->type];
    fprintf(report, " (%zu match%s dropped by 'exclude = %s in %s')",
            excluded, excluded > 1 ? "es" : "", t->exclude_field,
            t->exclude_list_name);
  }
  fputc('\n', report);
  if (ex->expect && !limited)
    note_space(rule->pattern, report);
}

/* The files read after the built-in ones, each with what it holds, and
 * the built-in totals: the author sees that a file was read at all. */
static void report_files(const nx_ruleset *rs, FILE *report)
{
  size_t rules = 0, examples = 0;
  for (size_t r = 0; r < rs->nrules; r++)
    if (nx_ruleset_is_builtin(rs, rs->rules[r]->file)) {
      rules++;
      examples += rs->rules[r]->nexamples;
    }
  for (size_t c = 0; c < rs->ncuts; c++)
    if (nx_ruleset_is_builtin(rs, rs->cuts[c]->file))
      examples += rs->cuts[c]->nexamples;
  if (rs->nbuiltin)
    fprintf(report, "loaded: the built-in rules (%zu rules, %zu examples)\n",
            rules, examples);
  for (size_t f = rs->nbuiltin; f < rs->nfiles; f++) {
    const char *path = rs->files[f].path;
    if (rs->files[f].list) {
      fprintf(report, "loaded: %s (a word list)\n", path);
      continue;
    }
    size_t nr = 0, nc = 0, ne = 0;
    for (size_t r = 0; r < rs->nrules; r++)
      if (strcmp(rs->rules[r]->file, path) == 0) {
        nr++;
        ne += rs->rules[r]->nexamples;
      }
    for (size_t c = 0; c < rs->ncuts; c++)
      if (strcmp(rs->cuts[c]->file, path) == 0) {
        nc++;
        ne += rs->cuts[c]->nexamples;
      }
    fprintf(report, "loaded: %s (%zu rule%s", path, nr, nr == 1 ? "" : "s");
    if (nc)
      fprintf(report, ", %zu cut%s", nc, nc == 1 ? "" : "s");
    fprintf(report, ", %zu example%s)\n", ne, ne == 1 ? "" : "s");
  }
}

void nx_selftest_run(const nx_ruleset *rs, FILE *report,
                     struct nx_selftest_result *result)
{
  memset(result, 0, sizeof *result);
  nx_matcher *m = nx_matcher_new(rs);
  nx_extractor *x = nx_extractor_new(rs, 0, 0);
  for (size_t r = 0; r < rs->nrules; r++) {
    const struct nx_rule *rule = rs->rules[r];
    if (rule->nexamples == 0) {
      fprintf(report, "%s:%u: warning: rule %s has no examples\n", rule->file,
              rule->line, rule->name);
      result->warnings++;
    }
    for (size_t e = 0; e < rule->nexamples; e++) {
      const struct nx_example *ex = &rule->examples[e];
      json_t *got = json_array();
      size_t excluded = 0;
      bool doc = is_document(ex), limited = false;
      bool pass = doc ? run_document(x, rs, r, ex, got, &limited)
                      : run_example(m, rs, r, ex, got, &excluded, &limited);
      /* a rule cut short proves nothing, "expect = none" included */
      if (pass && !limited) {
        result->passed++;
      } else {
        result->failed++;
        report_failure(rs, rule, ex, got, excluded, limited, report);
        if (!doc && !limited && ex->expect &&
            (rule->keyword_set || rule->anchor_re))
          explain_gate(m, rs, r, ex, report);
      }
      json_decref(got);
    }
  }
  check_cuts(rs, report, result);
  for (size_t i = 0; i < rs->nnotes; i++) {
    fprintf(report, "%s\n", rs->notes[i].text);
    result->warnings += rs->notes[i].warning;
  }
  result->warnings += nx_lint_run(rs, report);
  nx_matcher_free(m);
  nx_extractor_free(x);
  report_files(rs, report);
  fprintf(report,
          "check-rules: %zu rules, %zu examples: %zu passed, %zu failed, "
          "%zu warnings\n",
          rs->nrules, result->passed + result->failed, result->passed,
          result->failed, result->warnings);
}
