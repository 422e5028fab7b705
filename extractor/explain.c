/* explain.c: see explain.h. */
#include "explain.h"

#include "mentions.h"

#include "rules_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT 40 /* bytes of text shown on each side of a match */

static void addf(struct nx_buf *out, const char *fmt, ...) NX_PRINTF(2, 3);

static void addf(struct nx_buf *out, const char *fmt, ...)
{
  char line[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  nx_buf_adds(out, line);
}

/* Appends text[from, to) on one line (breaks shown as a space). */
static void add_flat(struct nx_buf *out, const char *text, size_t from,
                     size_t to)
{
  for (size_t i = from; i < to; i++)
    nx_buf_addc(out, text[i] == '\n' ? ' ' : text[i]);
}

/* Start of the UTF-8 character at or before 'at'. */
static size_t char_start(const char *text, size_t at)
{
  while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
    at--;
  return at;
}

/* "…before [[match]] after…" */
static void add_context(struct nx_buf *out, const char *text, size_t len,
                        size_t start, size_t end)
{
  size_t from = start > CONTEXT ? char_start(text, start - CONTEXT) : 0;
  size_t to = end + CONTEXT < len ? char_start(text, end + CONTEXT) : len;
  nx_buf_adds(out, from > 0 ? "    \"…" : "    \"");
  add_flat(out, text, from, start);
  nx_buf_adds(out, "[[");
  add_flat(out, text, start, end);
  nx_buf_adds(out, "]]");
  add_flat(out, text, end, to);
  nx_buf_adds(out, to < len ? "…\"\n" : "\"\n");
}

static void add_fields(struct nx_buf *out, json_t *fields)
{
  char *s = json_dumps(fields, JSON_COMPACT | JSON_REAL_PRECISION(12));
  addf(out, "    %s\n", s ? s : "{}");
  free(s);
}

static void add_reason(struct nx_buf *out, const nx_ruleset *rs,
                       const struct nx_hit *h)
{
  const struct nx_rule *r = rs->rules[h->rule];
  const struct nx_type *t = rs->types[r->type];
  switch (h->drop) {
  case NX_KEPT:
    break;
  case NX_DROP_VETO:
    addf(out, "veto: the rule's veto matched the sentence (%s:%u)", r->file,
         r->veto_line);
    break;
  case NX_DROP_OVERLAP:
    addf(out, "overlap: an earlier %s rule matched this text", t->name);
    break;
  case NX_DROP_REPLACED:
    addf(out, "replaced: a later %s match around it states more (its "
              "company, broker or values)", t->name);
    break;
  case NX_DROP_EXCLUDE: {
    json_t *v = json_object_get(h->fields, t->exclude_field);
    addf(out, "stop list: %s \"%s\" is in list %s", t->exclude_field,
         json_is_string(v) ? json_string_value(v) : "?",
         t->exclude_list_name);
    break;
  }
  case NX_DROP_DUPLICATE:
    addf(out, "duplicate: the same statement as the record at %zu, merged "
              "into it",
         h->other);
    break;
  }
}

static int by_start(const void *a, const void *b)
{
  const struct nx_hit *x = *(const struct nx_hit *const *)a;
  const struct nx_hit *y = *(const struct nx_hit *const *)b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->rule > y->rule) - (x->rule < y->rule);
}

/* The hits in text order. Caller frees the array. */
static const struct nx_hit **sorted(const struct nx_hits *hits)
{
  const struct nx_hit **v = malloc((hits->n ? hits->n : 1) * sizeof *v);
  if (v == NULL)
    return NULL;
  for (size_t i = 0; i < hits->n; i++)
    v[i] = &hits->v[i];
  if (hits->n > 1)
    qsort(v, hits->n, sizeof *v, by_start);
  return v;
}

/* What the frames read: the text with each mention marked. */
static void add_mention_text(struct nx_buf *out, const nx_ruleset *rs,
                             const char *text, size_t len,
                             const struct nx_hits *hits)
{
  struct nx_mention_text mt;
  nx_mention_text_init(&mt);
  if (nx_mention_text_build(&mt, rs, text, len, hits) > 0) {
    nx_buf_adds(out, "mention text (what frames read):\n");
    nx_mention_text_show(&mt, rs, text, out);
    nx_buf_addc(out, '\n');
  }
  nx_mention_text_free(&mt);
}

/* Candidates of the whole visible text that the main text lacks. */
static void add_outside(struct nx_buf *out, const nx_ruleset *rs,
                        const struct nx_source *src, size_t max_bytes,
                        const char *main_text)
{
  nx_extractor *full = nx_extractor_new(rs, max_bytes, NX_EXTRACT_FULL_TEXT);
  struct nx_error err;
  json_t *doc = NULL;
  if (full && nx_extract_document(full, src, &doc, &err) == NX_OK) {
    size_t len;
    const char *text = nx_extract_last_text(full, &len);
    const struct nx_hits *hits = nx_extract_last_hits(full);
    const struct nx_hit **v = sorted(hits);
    for (size_t i = 0; v && i < hits->n; i++) {
      const struct nx_hit *h = v[i];
      char *match = strndup(text + h->start, h->end - h->start);
      if (match && strstr(main_text, match) == NULL) {
        addf(out, "outside  %s [%zu,%zu] of the full text: not in the main "
                  "text (boilerplate the cleaning removed)\n",
             rs->rules[h->rule]->name, h->start, h->end);
        add_context(out, text, len, h->start, h->end);
      }
      free(match);
    }
    free(v);
  }
  json_decref(doc);
  nx_extractor_free(full);
}

nx_status nx_explain_document(const nx_ruleset *rs, nx_extractor *x,
                              const struct nx_source *src, size_t max_bytes,
                              struct nx_buf *out, struct nx_error *err)
{
  json_t *doc;
  nx_status st = nx_extract_document(x, src, &doc, err);
  if (st != NX_OK)
    return st;
  size_t len;
  const char *text = nx_extract_last_text(x, &len);
  const struct nx_hits *hits = nx_extract_last_hits(x);
  size_t kept = 0;
  for (size_t i = 0; i < hits->n; i++)
    kept += hits->v[i].drop == NX_KEPT &&
            !rs->types[rs->rules[hits->v[i].rule]->type]->mention;
  addf(out, "== %s: %zu bytes of main text, %zu matches, %zu records\n",
       src->id, len, hits->n, kept);
  add_mention_text(out, rs, text, len, hits);
  const struct nx_hit **v = sorted(hits);
  for (size_t i = 0; v && i < hits->n; i++) {
    const struct nx_hit *h = v[i];
    const struct nx_rule *r = rs->rules[h->rule];
    addf(out, "%s %s [%zu,%zu] -> %s (%s:%u)\n",
         h->drop != NX_KEPT                ? "dropped"
         : rs->types[r->type]->mention ? "mention"
                                       : "record ",
         r->name, h->start, h->end,
         rs->types[r->type]->name, r->file, r->line);
    add_context(out, text, len, h->start, h->end);
    add_fields(out, h->fields);
    if (h->drop != NX_KEPT) {
      nx_buf_adds(out, "    why: ");
      add_reason(out, rs, h);
      nx_buf_addc(out, '\n');
    }
  }
  free(v);
  for (size_t i = 0; i < nx_extract_limited(x); i++)
    addf(out, "limit    rule %s hit its match limit and was skipped\n",
         nx_extract_limited_rule(x, i));
  add_outside(out, rs, src, max_bytes, text);
  json_decref(doc);
  return NX_OK;
}
