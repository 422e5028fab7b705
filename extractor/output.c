/* output.c: see output.h. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

/* The fields of the built-in record types, then the record's place; any
 * other field lands in the "fields" column as JSON. */
static const char *const csv_columns[] = {
    "symbol", "exchange", "name",     "company", "broker", "analyst",
    "action", "from",     "to",       "currency", "mw",    "unit",
    "rule",   NULL};

const char *nx_output_csv_header(void)
{
  return "doc,type,symbol,exchange,name,company,broker,analyst,action,from,"
         "to,currency,mw,unit,rule,start,end,text,fields\n";
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

static bool is_csv_column(const char *key)
{
  for (const char *const *c = csv_columns; *c; c++)
    if (strcmp(*c, key) == 0)
      return true;
  return strcmp(key, "span") == 0 || strcmp(key, "text") == 0;
}

static void add_csv_row(struct nx_buf *out, const char *doc_id,
                        const char *type, json_t *rec)
{
  add_csv_field(out, doc_id);
  nx_buf_addc(out, ',');
  add_csv_field(out, type);
  for (const char *const *c = csv_columns; *c; c++) {
    nx_buf_addc(out, ',');
    add_csv_value(out, json_object_get(rec, *c));
  }
  json_t *span = json_object_get(rec, "span");
  nx_buf_addc(out, ',');
  add_csv_value(out, json_array_get(span, 0));
  nx_buf_addc(out, ',');
  add_csv_value(out, json_array_get(span, 1));
  nx_buf_addc(out, ',');
  add_csv_value(out, json_object_get(rec, "text"));
  json_t *rest = json_object();
  const char *key;
  json_t *v;
  json_object_foreach(rec, key, v)
  {
    if (!is_csv_column(key))
      json_object_set(rest, key, v);
  }
  nx_buf_addc(out, ',');
  if (json_object_size(rest))
    add_csv_value(out, rest);
  json_decref(rest);
  nx_buf_addc(out, '\n');
}

void nx_output_document(const nx_ruleset *rs, json_t *doc,
                        enum nx_output_mode mode, bool pretty,
                        struct nx_buf *out)
{
  size_t flags = pretty ? JSON_INDENT(2) : JSON_COMPACT;
  if (mode == NX_OUTPUT_DOCUMENTS) {
    add_json(out, doc, flags);
    nx_buf_addc(out, '\n');
    return;
  }
  const char *id = json_string_value(json_object_get(doc, "id"));
  const char *type;
  for (size_t t = 0; (type = nx_ruleset_record_type(rs, t)) != NULL; t++) {
    json_t *list = json_object_get(doc, type);
    size_t i;
    json_t *rec;
    json_array_foreach(list, i, rec)
    {
      if (mode == NX_OUTPUT_CSV) {
        add_csv_row(out, id ? id : "", type, rec);
        continue;
      }
      json_t *line = json_object();
      json_object_set_new(line, "doc", json_string(id ? id : ""));
      json_object_set_new(line, "type", json_string(type));
      json_object_update(line, rec);
      add_json(out, line, flags);
      nx_buf_addc(out, '\n');
      json_decref(line);
    }
  }
}
