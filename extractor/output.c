/* output.c: see output.h. */
#include "output.h"

#include "rules_impl.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The document's fields that each record line and CSV row carries, so
 * that nobody has to join records back to their documents. */
static const char *const context_fields[] = {
    "url",       "title",          "published", "warc_date",
    "warc_file", "warc_record_id", NULL};
/* Those that every document object has (null when unknown); the others
 * only documents of some inputs have. */
#define ALWAYS_CONTEXT 3
/* What --provenance adds to each document. */
static const char *const provenance_fields[] = {"newsextract_version",
                                                "rules_sha256", NULL};

struct nx_output {
  const nx_ruleset *rs;
  struct nx_output_options o;
  const char **types; /* the record types written, the ruleset's order */
  size_t ntypes;
  char **columns; /* CSV: the records' field columns, without rule, span
                   * and text */
  size_t ncolumns;
  char clash[256];
};

static bool has_name(char *const *names, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0)
      return true;
  return false;
}

static void add_column(nx_output *w, const char *name)
{
  if (strcmp(name, "rule") == 0 || strcmp(name, "span") == 0 ||
      strcmp(name, "text") == 0 || has_name(w->columns, w->ncolumns, name))
    return;
  w->columns = xrealloc(w->columns, (w->ncolumns + 1) * sizeof *w->columns);
  w->columns[w->ncolumns++] = xstrdup(name);
}

static bool is_context(const char *name)
{
  for (const char *const *c = context_fields; *c; c++)
    if (strcmp(*c, name) == 0)
      return true;
  for (const char *const *c = provenance_fields; *c; c++)
    if (strcmp(*c, name) == 0)
      return true;
  return strcmp(name, "kept") == 0 || strcmp(name, "doc") == 0 ||
         strcmp(name, "type") == 0;
}

/* Every field a record of type 'name' can have, in output order: the
 * type's declared fields, then each rule's fields (named groups
 * included), the symbol a link fills, an aggregate's count. */
static void add_type_columns(nx_output *w, const nx_ruleset *rs,
                             const char *name)
{
  size_t ti = nx_ruleset_type_index(rs, name);
  const struct nx_type *t = rs->types[ti];
  size_t first = w->ncolumns;
  for (size_t k = 0; k < t->nfields; k++)
    add_column(w, t->fields[k]);
  for (size_t i = 0; i < rs->nrules; i++) {
    const struct nx_rule *r = rs->rules[i];
    for (size_t k = 0; r->type == ti && !r->no_output && k < r->nfields; k++)
      add_column(w, r->fields[k].name);
  }
  for (size_t k = 0; k < t->ninherits; k++)
    add_column(w, t->inherits[k].field);
  if (t->link)
    add_column(w, "symbol");
  if (nx_type_subject(t)) /* set by record finishing, not by a rule */
    add_column(w, "subject_from");
  if (t->aggregate)
    add_column(w, "mentions");
  for (size_t k = first; k < w->ncolumns && !w->clash[0]; k++)
    if (is_context(w->columns[k]))
      snprintf(w->clash, sizeof w->clash,
               "record type %s has a field '%s', which hides the "
               "document's '%s' on its --records lines and CSV rows",
               name, w->columns[k], w->columns[k]);
}

/* "no record type 'x' (the types are: a, b, c)" */
static nx_status unknown_type(const nx_ruleset *rs, const char *name,
                              struct nx_error *err)
{
  char known[200] = "";
  size_t used = 0;
  const char *t;
  for (size_t i = 0; (t = nx_ruleset_record_type(rs, i)) && used < sizeof known;
       i++)
    used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                             i ? ", " : "", t);
  return nx_fail(err, NX_ESYNTAX, NULL, 0, 0,
                 "--types: no record type '%s' (the types are: %s)", name,
                 known);
}

nx_status nx_output_new(const nx_ruleset *rs, const struct nx_output_options *o,
                        nx_output **out, struct nx_error *err)
{
  *out = NULL;
  for (size_t k = 0; k < o->ntypes; k++) {
    const char *t;
    size_t i = 0;
    while ((t = nx_ruleset_record_type(rs, i)) && strcmp(t, o->types[k]) != 0)
      i++;
    if (t == NULL)
      return unknown_type(rs, o->types[k], err);
  }
  nx_output *w = xcalloc(1, sizeof *w);
  w->rs = rs;
  w->o = *o;
  const char *t;
  for (size_t i = 0; (t = nx_ruleset_record_type(rs, i)); i++) {
    bool chosen = o->ntypes == 0;
    for (size_t k = 0; k < o->ntypes && !chosen; k++)
      chosen = strcmp(t, o->types[k]) == 0;
    if (!chosen)
      continue;
    w->types = xrealloc(w->types, (w->ntypes + 1) * sizeof *w->types);
    w->types[w->ntypes++] = t;
    add_type_columns(w, rs, t);
  }
  *out = w;
  return NX_OK;
}

void nx_output_free(nx_output *w)
{
  if (w == NULL)
    return;
  for (size_t i = 0; i < w->ncolumns; i++)
    free(w->columns[i]);
  free(w->columns);
  free(w->types);
  free(w);
}

enum nx_output_mode nx_output_mode(const nx_output *w)
{
  return w->o.mode;
}

const char *nx_output_type(const nx_output *w, size_t i)
{
  return i < w->ntypes ? w->types[i] : NULL;
}

const char *nx_output_clash(const nx_output *w)
{
  return w->clash[0] ? w->clash : NULL;
}

static void add_json(struct nx_buf *out, json_t *v, size_t flags)
{
  char *s = json_dumps(v, flags | JSON_ENCODE_ANY | JSON_REAL_PRECISION(12));
  if (s)
    nx_buf_adds(out, s);
  free(s);
}

/* RFC 4180: quoted when it holds a comma, quote or line break. */
static void add_csv_field(struct nx_buf *out, const char *s)
{
  if (strpbrk(s, ",\"\r\n") == NULL) {
    nx_buf_adds(out, s);
    return;
  }
  nx_buf_addc(out, '"');
  for (; *s; s++) {
    if (*s == '"')
      nx_buf_addc(out, '"');
    nx_buf_addc(out, *s);
  }
  nx_buf_addc(out, '"');
}

/* A value in a cell: a string as it is, a number or a list as JSON,
 * null as an empty cell. */
static void add_csv_value(struct nx_buf *out, json_t *v)
{
  if (v == NULL || json_is_null(v))
    return;
  if (json_is_string(v)) {
    add_csv_field(out, json_string_value(v));
    return;
  }
  char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT |
                              JSON_REAL_PRECISION(12));
  if (s)
    add_csv_field(out, s);
  free(s);
}

void nx_output_header(const nx_output *w, struct nx_buf *out)
{
  if (w->o.mode != NX_OUTPUT_CSV)
    return;
  nx_buf_adds(out, "doc,type");
  for (size_t i = 0; i < w->ncolumns; i++) {
    nx_buf_addc(out, ',');
    add_csv_field(out, w->columns[i]);
  }
  nx_buf_adds(out, ",rule,start,end,text");
  for (const char *const *c = context_fields; *c; c++) {
    nx_buf_addc(out, ',');
    nx_buf_adds(out, *c);
  }
  for (size_t k = 0; k < w->o.nkeep; k++) {
    char name[512];
    snprintf(name, sizeof name, "kept.%s", w->o.keep[k]);
    nx_buf_addc(out, ',');
    add_csv_field(out, name);
  }
  for (const char *const *c = provenance_fields; w->o.rules_hash && *c; c++) {
    nx_buf_addc(out, ',');
    nx_buf_adds(out, *c);
  }
  nx_buf_adds(out, ",fields\n");
}

static void add_csv_row(const nx_output *w, struct nx_buf *out, json_t *doc,
                        const char *type, json_t *rec)
{
  add_csv_value(out, json_object_get(doc, "id"));
  nx_buf_addc(out, ',');
  add_csv_field(out, type);
  for (size_t i = 0; i < w->ncolumns; i++) {
    nx_buf_addc(out, ',');
    add_csv_value(out, json_object_get(rec, w->columns[i]));
  }
  json_t *span = json_object_get(rec, "span");
  nx_buf_addc(out, ',');
  add_csv_value(out, json_object_get(rec, "rule"));
  nx_buf_addc(out, ',');
  add_csv_value(out, json_array_get(span, 0));
  nx_buf_addc(out, ',');
  add_csv_value(out, json_array_get(span, 1));
  nx_buf_addc(out, ',');
  add_csv_value(out, json_object_get(rec, "text"));
  for (const char *const *c = context_fields; *c; c++) {
    nx_buf_addc(out, ',');
    json_t *own = json_object_get(rec, *c);
    add_csv_value(out, own ? own : json_object_get(doc, *c));
  }
  json_t *kept = json_object_get(doc, "kept");
  for (size_t k = 0; k < w->o.nkeep; k++) {
    nx_buf_addc(out, ',');
    add_csv_value(out, json_object_get(kept, w->o.keep[k]));
  }
  for (const char *const *c = provenance_fields; w->o.rules_hash && *c; c++) {
    nx_buf_addc(out, ',');
    add_csv_value(out, json_object_get(doc, *c));
  }
  /* A field no rule declares (one the engine adds): kept, as JSON. */
  json_t *rest = json_object();
  const char *key;
  json_t *v;
  json_object_foreach(rec, key, v)
  {
    if (!has_name(w->columns, w->ncolumns, key) && strcmp(key, "rule") &&
        strcmp(key, "span") && strcmp(key, "text") && !is_context(key))
      json_object_set(rest, key, v);
  }
  nx_buf_addc(out, ',');
  if (json_object_size(rest))
    add_csv_value(out, rest);
  json_decref(rest);
  nx_buf_addc(out, '\n');
}

/* One --records line: the document's id and the type, the record's
 * fields, then the document's context (a record's own field of the same
 * name stays). */
static void add_record_line(const nx_output *w, struct nx_buf *out,
                            json_t *doc, const char *type, json_t *rec)
{
  json_t *line = json_object();
  json_object_set(line, "doc", json_object_get(doc, "id"));
  json_object_set_new(line, "type", json_string(type));
  json_object_update(line, rec);
  for (size_t i = 0; context_fields[i]; i++) {
    json_t *v = json_object_get(doc, context_fields[i]);
    if (json_object_get(line, context_fields[i]) == NULL &&
        (v || i < ALWAYS_CONTEXT))
      json_object_set(line, context_fields[i], v ? v : json_null());
  }
  json_t *kept = json_object_get(doc, "kept");
  if (kept && json_object_get(line, "kept") == NULL)
    json_object_set(line, "kept", kept);
  for (const char *const *c = provenance_fields; w->o.rules_hash && *c; c++)
    if (json_object_get(line, *c) == NULL)
      json_object_set(line, *c, json_object_get(doc, *c));
  add_json(out, line, w->o.pretty ? JSON_INDENT(2) : JSON_COMPACT);
  nx_buf_addc(out, '\n');
  json_decref(line);
}

static bool written_type(const nx_output *w, const char *name)
{
  for (size_t i = 0; i < w->ntypes; i++)
    if (strcmp(w->types[i], name) == 0)
      return true;
  return false;
}

void nx_output_document(const nx_output *w, json_t *doc, struct nx_buf *out,
                        uint64_t *counts)
{
  if (w->o.rules_hash) {
    json_object_set_new(doc, provenance_fields[0], json_string(NX_VERSION));
    json_object_set_new(doc, provenance_fields[1],
                        json_string(w->o.rules_hash));
  }
  for (size_t t = 0; t < w->ntypes; t++)
    counts[t] += json_array_size(json_object_get(doc, w->types[t]));
  if (w->o.mode == NX_OUTPUT_DOCUMENTS) {
    /* --types: the arrays of the other types go; they were still made,
     * so the chosen ones are the same as without it. */
    const char *t;
    for (size_t i = 0; w->o.ntypes && (t = nx_ruleset_record_type(w->rs, i));
         i++)
      if (!written_type(w, t))
        json_object_del(doc, t);
    add_json(out, doc, w->o.pretty ? JSON_INDENT(2) : JSON_COMPACT);
    nx_buf_addc(out, '\n');
    return;
  }
  for (size_t t = 0; t < w->ntypes; t++) {
    json_t *list = json_object_get(doc, w->types[t]);
    size_t i;
    json_t *rec;
    json_array_foreach(list, i, rec)
    {
      if (w->o.mode == NX_OUTPUT_CSV)
        add_csv_row(w, out, doc, w->types[t], rec);
      else
        add_record_line(w, out, doc, w->types[t], rec);
    }
  }
}
