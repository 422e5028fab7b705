/* input_jsonl.c: JSON Lines dumps, one article per line, parsed with
 * jansson. A bad line costs only itself. */
#include "input_impl.h"

#include "dumpmeta.h"
#include "log.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

static const char *const default_text_fields[] = {"html", "content", "text",
                                                  "body"};
static const char *const default_id_fields[] = {"id", "url"};

/* The first of 'names' that the object has as a string. */
static const char *first_string(json_t *obj, const char *const *names,
                                size_t n, const char **which, size_t *len)
{
  for (size_t i = 0; i < n; i++) {
    json_t *v = json_object_get(obj, names[i]);
    if (json_is_string(v)) {
      if (which)
        *which = names[i];
      if (len)
        *len = json_string_length(v);
      return json_string_value(v);
    }
  }
  return NULL;
}

/* What one dump has taught about its lines, so that a dump whose lines
 * all miss the article field gives a few errors and one hint, not one
 * error per line (ten million lines, ten million errors). */
struct dump_state {
  uint64_t missing;      /* lines without an article field */
  char hint[256];        /* what to try, from the first such line */
  bool id_warned;        /* --id-field named a field a line lacks */
};

/* Lines without an article field reported one by one; later ones are
 * counted and reported together at the end of the dump. */
#define MISSING_SHOWN 3

/* "(fields: headline, story; try --field story)": the string fields the
 * line does have, the longest as the one to try. */
static void field_hint(json_t *obj, char *out, size_t size)
{
  const char *key, *best = NULL;
  size_t best_len = 0, n = 0, used = 0;
  json_t *v;
  out[0] = '\0';
  json_object_foreach(obj, key, v)
  {
    if (!json_is_string(v))
      continue;
    if (json_string_length(v) > best_len) {
      best = key;
      best_len = json_string_length(v);
    }
    if (n++ < 6 && used < size)
      used += (size_t)snprintf(out + used, size - used, "%s%s",
                               n == 1 ? "the line's string fields: " : ", ",
                               key);
  }
  if (best && used < size)
    snprintf(out + used, size - used, "; try --field %s", best);
  else if (n == 0)
    snprintf(out, size, "the line has no string field");
}

/* The object's id from the id fields, else 'fallback' ("FILE:LINE"). */
static char *line_id(json_t *obj, const struct nx_input_options *o,
                     const char *fallback, struct dump_state *ds)
{
  const char *const *ids = o->nid_fields ? o->id_fields : default_id_fields;
  size_t n = o->nid_fields ? o->nid_fields : 2;
  for (size_t i = 0; i < n; i++) {
    json_t *v = json_object_get(obj, ids[i]);
    if (json_is_string(v))
      return xstrdup(json_string_value(v));
    if (json_is_integer(v)) {
      char num[32];
      snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
      return xstrdup(num);
    }
  }
  if (o->nid_fields && !ds->id_warned) {
    ds->id_warned = true;
    nx_log_note("newsextract: %s: --id-field %s: no such field, so ids are "
                "where the objects are (FILE:LINE)\n",
                fallback, o->id_fields[0]);
  }
  return xstrdup(fallback);
}

/* --keep: the fields as the object has them, in a "kept" object of their
 * own, so that none overwrites a field newsextract extracted. */
static json_t *kept_fields(json_t *obj, const struct nx_input_options *o)
{
  if (o->nkeep == 0)
    return NULL;
  json_t *kept = json_object();
  for (size_t i = 0; i < o->nkeep; i++) {
    json_t *v = json_object_get(obj, o->keep[i]);
    json_object_set(kept, o->keep[i], v ? v : json_null());
  }
  json_t *extra = json_object();
  json_object_set_new(extra, "kept", kept);
  return extra;
}

/* One article object (a line's, or an array's element) at 'where': a
 * document, or a failed one. */
static bool read_object(struct nx_reader *r, const char *where, json_t *obj,
                        struct dump_state *ds)
{
  const struct nx_input_options *o = r->opts;
  const char *which = NULL;
  size_t text_len = 0;
  const char *const *fields =
      o->ntext_fields ? o->text_fields : default_text_fields;
  size_t nfields = o->ntext_fields ? o->ntext_fields : 4;
  const char *text = json_is_object(obj) ? first_string(obj, fields, nfields,
                                                        &which, &text_len)
                                         : NULL;
  if (!json_is_object(obj))
    return nx_reader_fail(r, where, NX_ESYNTAX, "not a JSON object");
  if (text == NULL) {
    char names[512] = "";
    for (size_t k = 0; k < nfields; k++)
      snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
               k == 0 ? "" : k + 1 == nfields ? " or " : ", ", fields[k]);
    if (ds->missing++ == 0)
      field_hint(obj, ds->hint, sizeof ds->hint);
    return ds->missing > MISSING_SHOWN ||
           nx_reader_fail(r, where, NX_ESYNTAX,
                          "no article field (%s) holds a string (%s)", names,
                          ds->hint);
  }
  if (o->max_bytes && text_len > o->max_bytes)
    return nx_reader_fail(r, where, NX_ETOOBIG,
                          "document of %zu bytes is over the limit of %zu "
                          "bytes",
                          text_len, o->max_bytes);
  struct nx_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = line_id(obj, o, where, ds);
  doc.data = xstrndup(text, text_len);
  doc.len = text_len;
  doc.format = strcmp(which, "html") == 0 ? NX_FORMAT_HTML : NX_FORMAT_AUTO;
  /* A JSON string is Unicode whatever a page in it declares, and
   * --encoding is not for it. */
  doc.charset = xstrdup("UTF-8");
  doc.extra = kept_fields(obj, o);
  doc.meta = nx_dumpmeta_pick(obj);
  return nx_reader_emit(r, &doc);
}

/* The end of a dump: the lines or objects not reported one by one. */
static bool report_missing(struct nx_reader *r, const char *name,
                           const struct dump_state *ds)
{
  if (ds->missing <= MISSING_SHOWN)
    return true;
  return nx_reader_fail(r, name, NX_ESYNTAX,
                        "%llu more objects had no article field (%s)",
                        (unsigned long long)(ds->missing - MISSING_SHOWN),
                        ds->hint);
}

/* One line: a document, a failed document, or nothing (a blank line). */
static bool read_line(struct nx_reader *r, const char *name, uint64_t lineno,
                      const char *line, size_t len, struct dump_state *ds)
{
  char where[4096];
  snprintf(where, sizeof where, "%s:%llu", name, (unsigned long long)lineno);
  size_t i = 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  if (i == len)
    return true;
  json_error_t jerr;
  json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
  if (obj == NULL)
    return nx_reader_fail(r, where, NX_ESYNTAX, "invalid JSON: %s", jerr.text);
  bool go_on = read_object(r, where, obj, ds);
  json_decref(obj);
  return go_on;
}

bool nx_read_jsonl(struct nx_reader *r, struct nx_stream *s, const char *name)
{
  struct nx_buf line;
  nx_buf_init(&line, 0);
  bool too_long, go_on = true;
  uint64_t lineno = 0;
  struct dump_state ds = {0, "", false};
  /* A line holds JSON escapes around the article, hence the headroom. */
  size_t max = r->opts->max_bytes ? r->opts->max_bytes * 2 + 4096 : 0;
  while (go_on && nx_stream_line(s, &line, max, &too_long)) {
    lineno++;
    if (too_long) {
      char where[4096];
      snprintf(where, sizeof where, "%s:%llu", name,
               (unsigned long long)lineno);
      go_on = nx_reader_fail(r, where, NX_ETOOBIG,
                             "line is over the limit of %zu bytes", max);
      continue;
    }
    go_on = read_line(r, name, lineno, line.data, line.len, &ds);
  }
  nx_buf_free(&line);
  if (go_on)
    go_on = report_missing(r, name, &ds);
  if (go_on && s->failed)
    go_on = nx_reader_fail(r, name, NX_EIO, "after line %llu: %s",
                           (unsigned long long)lineno, s->error);
  return go_on;
}

bool nx_read_json_array(struct nx_reader *r, struct nx_stream *s,
                        const char *name)
{
  /* Read whole: jansson parses a buffer. An export of many gigabytes
   * belongs in JSON Lines, which streams. */
  struct nx_buf all;
  nx_buf_init(&all, 0);
  while (nx_stream_read(s, 1 << 16, &all) > 0)
    ;
  if (s->failed) {
    nx_buf_free(&all);
    return nx_reader_fail(r, name, NX_EIO, "%s", s->error);
  }
  json_error_t jerr;
  json_t *arr = json_loadb(all.data ? all.data : "", all.len, JSON_ALLOW_NUL,
                           &jerr);
  nx_buf_free(&all);
  if (!json_is_array(arr)) {
    json_decref(arr);
    return nx_reader_fail(r, name, NX_ESYNTAX,
                          "invalid JSON array: %s (line %d)", jerr.text,
                          jerr.line);
  }
  struct dump_state ds = {0, "", false};
  bool go_on = true;
  for (size_t i = 0; i < json_array_size(arr) && go_on; i++) {
    char where[4096];
    snprintf(where, sizeof where, "%s[%zu]", name, i);
    go_on = read_object(r, where, json_array_get(arr, i), &ds);
  }
  json_decref(arr);
  return go_on && report_missing(r, name, &ds);
}
