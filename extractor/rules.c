/* rules.c: read rule files into sections, then compile them. See rules.h
 * for the contract and rules/README.md for the format. */
#include "rules_impl.h"

#include "buf.h"
#include "expr.h"
#include "gate.h"
#include "sha256.h"
#include "utf8.h"
#include "util.h"
#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- small helpers ---------------------------------------------------- */


/* Splits "a, b, c" into a new array of new strings. */
static char **split_names(const char *s, size_t *n)
{
  char **out = NULL;
  *n = 0;
  char *copy = xstrdup(s);
  for (char *part = copy; part;) {
    char *comma = strchr(part, ',');
    if (comma)
      *comma = '\0';
    char *t = nx_str_trim(part);
    if (*t) {
      out = xrealloc(out, (*n + 1) * sizeof *out);
      out[(*n)++] = xstrdup(t);
    }
    part = comma ? comma + 1 : NULL;
  }
  free(copy);
  return out;
}


/* ---- freeing ----------------------------------------------------------- */

static void free_rule(struct nx_rule *r)
{
  if (r == NULL)
    return;
  free(r->name);
  free(r->file);
  free(r->type_name);
  free(r->pattern);
  free(r->veto);
  free(r->anchor);
  free(r->pattern_cols);
  free(r->veto_cols);
  free(r->anchor_cols);
  free(r->split);
  for (size_t i = 0; i < r->nkeywords; i++)
    free(r->keywords[i]);
  free(r->keywords);
  free(r->keyword_set);
  for (size_t a = 0; a < r->nalso; a++) {
    for (size_t i = 0; i < r->also[a].n; i++)
      free(r->also[a].words[i]);
    free(r->also[a].words);
    free(r->also[a].set);
  }
  free(r->also);
  free(r->expanded);
  nx_gate_free(r->gate);
  pcre2_code_free(r->re);
  pcre2_code_free(r->veto_re);
  pcre2_code_free(r->anchor_re);
  nx_codes_free(atomic_load(&r->jitted));
  for (size_t i = 0; i < r->nfields; i++) {
    free(r->fields[i].name);
    free(r->fields[i].source);
    nx_expr_free(r->fields[i].expr);
  }
  free(r->fields);
  for (size_t i = 0; i < r->nexamples; i++) {
    free(r->examples[i].text);
    json_decref(r->examples[i].expect);
  }
  free(r->examples);
  free(r);
}

static void free_type(struct nx_type *t)
{
  if (t == NULL)
    return;
  free(t->name);
  free(t->file);
  nx_names_free(t->fields, t->nfields);
  free(t->aggregate);
  free(t->exclude_field);
  free(t->exclude_list_name);
  free(t->reject_field);
  free(t->reject_list_name);
  free(t->link);
  for (size_t i = 0; i < t->ninherits; i++) {
    free(t->inherits[i].field);
    free(t->inherits[i].list_name);
    pcre2_code_free(t->inherits[i].mention);
    pcre2_code_free(atomic_load(&t->inherits[i].mention_jit));
  }
  free(t->inherits);
  nx_names_free(t->dedupe, t->ndedupe);
  free(t);
}

static void free_cut(struct nx_cut *c)
{
  if (c == NULL)
    return;
  free(c->name);
  free(c->file);
  free(c->pattern);
  free(c->pattern_cols);
  pcre2_code_free(c->re);
  pcre2_code_free(atomic_load(&c->jitted));
  for (size_t i = 0; i < c->nexamples; i++)
    free(c->examples[i].text);
  free(c->examples);
  free(c);
}

static void free_define(struct nx_define *d)
{
  if (d == NULL)
    return;
  free(d->name);
  free(d->file);
  free(d->pattern);
  free(d->about);
  free(d);
}

nx_ruleset *nx_ruleset_new(void)
{
  return xcalloc(1, sizeof(nx_ruleset));
}

void nx_ruleset_free(nx_ruleset *rs)
{
  if (rs == NULL)
    return;
  for (size_t i = 0; i < rs->nrules; i++)
    free_rule(rs->rules[i]);
  for (size_t i = 0; i < rs->ntypes; i++)
    free_type(rs->types[i]);
  for (size_t i = 0; i < rs->ncuts; i++)
    free_cut(rs->cuts[i]);
  for (size_t i = 0; i < rs->ndefines; i++)
    free_define(rs->defines[i]);
  for (size_t i = 0; i < rs->nlists; i++)
    nx_wordlist_free(rs->lists[i]);
  nx_keywords_free(rs->keywords);
  nx_abbrevs_free(rs->abbrevs);
  pcre2_code_free(rs->any_cut);
  pcre2_code_free(atomic_load(&rs->any_cut_jit));
  free(rs->rules);
  free(rs->types);
  free(rs->cuts);
  free(rs->defines);
  free(rs->lists);
  for (size_t i = 0; i < rs->nfiles; i++)
    free(rs->files[i].path);
  free(rs->files);
  for (size_t i = 0; i < rs->nnotes; i++)
    free(rs->notes[i].text);
  free(rs->notes);
  for (size_t i = 0; i < rs->nhashed; i++) {
    free(rs->hashed[i].name);
    nx_buf_free(&rs->hashed[i].bytes);
  }
  free(rs->hashed);
  free(rs);
}

/* ---- lookups ----------------------------------------------------------- */

const nx_wordlist *nx_ruleset_list(const nx_ruleset *rs, const char *name)
{
  for (size_t i = 0; i < rs->nlists; i++)
    if (strcmp(nx_wordlist_name(rs->lists[i]), name) == 0)
      return rs->lists[i];
  return NULL;
}

const char *nx_ruleset_record_type(const nx_ruleset *rs, size_t i)
{
  for (size_t t = 0; t < rs->ntypes; t++)
    if (rs->types[t]->written && i-- == 0)
      return rs->types[t]->name;
  return NULL;
}

const char *nx_type_subject(const struct nx_type *t)
{
  if (t->link)
    return t->link;
  for (size_t k = 0; k < t->ninherits; k++)
    if (t->inherits[k].list == NULL)
      return t->inherits[k].field;
  return NULL;
}

size_t nx_ruleset_type_index(const nx_ruleset *rs, const char *name)
{
  for (size_t i = 0; i < rs->ntypes; i++)
    if (strcmp(rs->types[i]->name, name) == 0)
      return i;
  return (size_t)-1;
}

static void add_loaded(nx_ruleset *rs, const char *path, bool list)
{
  rs->files = xrealloc(rs->files, (rs->nfiles + 1) * sizeof *rs->files);
  rs->files[rs->nfiles++] = (struct nx_loaded){xstrdup(path), list};
}

void nx_ruleset_end_builtin(nx_ruleset *rs)
{
  rs->nbuiltin = rs->nfiles;
}

bool nx_ruleset_is_builtin(const nx_ruleset *rs, const char *path)
{
  for (size_t i = 0; i < rs->nbuiltin; i++)
    if (strcmp(rs->files[i].path, path) == 0)
      return true;
  return false;
}

/* A section replaces an earlier one of its name: the author is told, as
 * a copy that shadows a built-in rule by accident loses it silently. */
static void note_replaced(nx_ruleset *rs, const char *kind, const char *name,
                          const char *file, unsigned line,
                          const char *old_file, unsigned old_line)
{
  char text[1024];
  bool same = strcmp(file, old_file) == 0;
  snprintf(text, sizeof text, "%s:%u: %s: %s %s replaces %s at %s:%u%s",
           file, line, same ? "warning" : "note", kind, name,
           same                                 ? "one of the same name"
           : nx_ruleset_is_builtin(rs, old_file) ? "the built-in one"
                                                : "the one",
           old_file, old_line,
           same ? " in the same file (rename one of them)" : "");
  rs->notes = xrealloc(rs->notes, (rs->nnotes + 1) * sizeof *rs->notes);
  rs->notes[rs->nnotes++] = (struct nx_note){xstrdup(text), same};
}

/* Adds 'item' to an array of pointers, replacing the entry with the same
 * name: a later file overrides an earlier one. */
#define PUT_NAMED(array, count, item, free_fn, kind)                           \
  do {                                                                         \
    size_t i_;                                                                 \
    for (i_ = 0; i_ < (count); i_++)                                           \
      if (strcmp((array)[i_]->name, (item)->name) == 0)                        \
        break;                                                                 \
    if (i_ < (count)) {                                                        \
      note_replaced(rs, kind, (item)->name, (item)->file, (item)->line,       \
                    (array)[i_]->file, (array)[i_]->line);                     \
      free_fn((array)[i_]);                                                    \
    } else {                                                                   \
      (array) = xrealloc((array), ((count) + 1) * sizeof *(array));            \
      (count)++;                                                               \
    }                                                                          \
    (array)[i_] = (item);                                                      \
  } while (0)

static struct nx_type *type_named(nx_ruleset *rs, const char *name)
{
  size_t i = nx_ruleset_type_index(rs, name);
  if (i != (size_t)-1)
    return rs->types[i];
  struct nx_type *t = xcalloc(1, sizeof *t);
  t->name = xstrdup(name);
  t->order = 1000 + (int)rs->ntypes;
  rs->types = xrealloc(rs->types, (rs->ntypes + 1) * sizeof *rs->types);
  rs->types[rs->ntypes++] = t;
  return t;
}

/* ---- reading one file --------------------------------------------------- */

enum section_kind { SEC_NONE, SEC_DEFINE, SEC_RULE, SEC_TYPE, SEC_CUT };

struct reader {
  nx_ruleset *rs;
  const char *path;
  struct nx_error *err;
  enum section_kind kind;
  unsigned section_line;
  struct nx_rule *rule;
  struct nx_define *define;
  struct nx_cut *cut;
  struct nx_type *type;
  /* the key whose value is being read (continuation lines append to it) */
  char *key;
  struct nx_buf value;
  unsigned key_line;
  /* the column of each line of the value, 0-terminated */
  unsigned *cols;
  size_t ncols;
  /* the comment lines read since the last blank line or key */
  struct nx_buf comment;
};

static void add_col(struct reader *rd, unsigned col)
{
  rd->cols = xrealloc(rd->cols, (rd->ncols + 2) * sizeof *rd->cols);
  rd->cols[rd->ncols++] = col;
  rd->cols[rd->ncols] = 0;
}

/* A copy of the columns of the value being read. */
static unsigned *value_cols(const struct reader *rd)
{
  unsigned *c = xmalloc((rd->ncols + 1) * sizeof *c);
  memcpy(c, rd->cols, (rd->ncols + 1) * sizeof *c);
  return c;
}

/* "unknown key 'patern' in a [rule] section (did you mean 'pattern'?)":
 * 'keys' are the section's keys. */
static nx_status unknown_key(struct reader *rd, unsigned line,
                             const char *key, const char *section,
                             const char *const *keys, size_t n)
{
  char word[64];
  /* "fiels x" is compared as "fiels": a field's key has a name after it */
  snprintf(word, sizeof word, "%.*s", (int)strcspn(key, " "), key);
  const char *near = nx_nearest(strchr(key, ' ') ? word : key, keys, n);
  return nx_fail(rd->err, NX_ESYNTAX, rd->path, line, 1,
                 "unknown key '%s' in a [%s] section%s%s%s", key, section,
                 near ? " (did you mean '" : "", near ? near : "",
                 near ? "'?)" : "");
}

static nx_status syntax(struct reader *rd, unsigned line, const char *fmt,
                        ...) NX_PRINTF(3, 4);

static nx_status syntax(struct reader *rd, unsigned line, const char *fmt,
                        ...)
{
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return nx_fail(rd->err, NX_ESYNTAX, rd->path, line, 0, "%s", msg);
}

static nx_status set_type_key(struct reader *rd, const char *key, char *val,
                              unsigned line)
{
  struct nx_type *t = rd->type;
  size_t n;
  if (strcmp(key, "fields") == 0) {
    nx_names_free(t->fields, t->nfields);
    t->fields = split_names(val, &t->nfields);
  } else if (strcmp(key, "aggregate") == 0) {
    free(t->aggregate);
    t->aggregate = xstrdup(val);
  } else if (strcmp(key, "link") == 0) {
    free(t->link);
    t->link = xstrdup(val);
  } else if (strcmp(key, "order") == 0) {
    t->order = atoi(val) /* small, checked below */;
    if (t->order < 0 || t->order > 999)
      return syntax(rd, line, "order must be 0 to 999, not '%s'", val);
  } else if (strcmp(key, "mention") == 0) {
    if (strcmp(val, "no") != 0 && strcmp(val, "yes") != 0)
      return syntax(rd, line, "mention is 'yes' or 'no', not '%s'", val);
    t->mention = strcmp(val, "yes") == 0;
  } else if (strcmp(key, "overlap") == 0) {
    if (strcmp(val, "keep") != 0 && strcmp(val, "drop") != 0)
      return syntax(rd, line, "overlap is 'keep' or 'drop', not '%s'", val);
    t->overlap_keep = strcmp(val, "keep") == 0;
  } else if (strcmp(key, "dedupe") == 0) {
    nx_names_free(t->dedupe, t->ndedupe);
    t->dedupe = split_names(val, &t->ndedupe);
  } else if (strcmp(key, "exclude") == 0 || strcmp(key, "inherit") == 0 ||
             strcmp(key, "reject") == 0) {
    const char *sep = strcmp(key, "inherit") != 0 ? " in " : " from ";
    char *at = strstr(val, sep);
    if (at == NULL)
      return syntax(rd, line, "expected 'FIELD%sLIST'", sep);
    *at = '\0';
    char *field = nx_str_trim(val), *list = nx_str_trim(at + strlen(sep));
    if (*field == '\0' || *list == '\0')
      return syntax(rd, line, "expected 'FIELD%sLIST'", sep);
    if (key[0] == 'r') {
      free(t->reject_field);
      free(t->reject_list_name);
      t->reject_field = xstrdup(field);
      t->reject_list_name = xstrdup(list);
    } else if (key[0] == 'e') {
      free(t->exclude_field);
      free(t->exclude_list_name);
      t->exclude_field = xstrdup(field);
      t->exclude_list_name = xstrdup(list);
    } else {
      t->inherits =
          xrealloc(t->inherits, (t->ninherits + 1) * sizeof *t->inherits);
      struct nx_inherit *in = &t->inherits[t->ninherits++];
      memset(in, 0, sizeof *in);
      in->field = xstrdup(field);
      in->list_name = strcmp(list, "entities") ? xstrdup(list) : NULL;
    }
  } else {
    static const char *const keys[] = {
        "fields", "aggregate", "link",    "order",   "mention",
        "overlap", "dedupe",   "exclude", "inherit", "reject"};
    return unknown_key(rd, line, key, "type", keys,
                       sizeof keys / sizeof *keys);
  }
  (void)n;
  return NX_OK;
}

static nx_status add_example(struct reader *rd, struct nx_rule *r,
                             const char *key, const char *val, unsigned line)
{
  if (strcmp(key, "example") == 0) {
    r->examples =
        xrealloc(r->examples, (r->nexamples + 1) * sizeof *r->examples);
    struct nx_example *ex = &r->examples[r->nexamples++];
    ex->text = xstrdup(val);
    ex->expect = NULL;
    ex->line = line;
    /* Mark "no expect seen yet" with a JSON false until expect comes. */
    ex->expect = json_false();
    return NX_OK;
  }
  if (r->nexamples == 0 ||
      !json_is_false(r->examples[r->nexamples - 1].expect))
    return syntax(rd, line, "'%s' without an example before it", key);
  struct nx_example *ex = &r->examples[r->nexamples - 1];
  json_decref(ex->expect);
  ex->expect = NULL;
  if (strcmp(val, "none") == 0)
    return NX_OK;
  json_error_t jerr;
  json_t *v = json_loads(val, 0, &jerr);
  /* Kept as an array: an example line may give several records. */
  if (json_is_object(v)) {
    ex->expect = json_array();
    json_array_append_new(ex->expect, v);
    return NX_OK;
  }
  bool objects = json_is_array(v) && json_array_size(v) > 0;
  for (size_t i = 0; objects && i < json_array_size(v); i++)
    objects = json_is_object(json_array_get(v, i));
  if (objects) {
    ex->expect = v;
    return NX_OK;
  }
  json_decref(v);
  ex->expect = json_false();
  return nx_fail(rd->err, NX_ESYNTAX, rd->path, line, 0,
                 "expect is 'none', a JSON object or an array of objects%s%s",
                 v ? "" : ": ", v ? "" : jerr.text);
}

static nx_status set_rule_key(struct reader *rd, const char *key, char *val,
                              unsigned line)
{
  struct nx_rule *r = rd->rule;
  if (strcmp(key, "type") == 0) {
    free(r->type_name);
    r->type_name = xstrdup(val);
  } else if (strcmp(key, "pattern") == 0) {
    free(r->pattern);
    free(r->pattern_cols);
    r->pattern = xstrdup(val);
    r->pattern_line = line;
    r->pattern_cols = value_cols(rd);
  } else if (strcmp(key, "entity") == 0 || strcmp(key, "weak") == 0 ||
             strcmp(key, "output") == 0 || strcmp(key, "item") == 0) {
    if (strcmp(val, "no") != 0 && strcmp(val, "yes") != 0)
      return syntax(rd, line, "%s is 'yes' or 'no', not '%s'", key, val);
    bool yes = strcmp(val, "yes") == 0;
    if (key[0] == 'e')
      r->not_entity = !yes;
    else if (key[0] == 'w')
      r->weak = yes;
    else if (key[0] == 'i')
      r->item = yes;
    else
      r->no_output = !yes;
  } else if (strcmp(key, "subject") == 0) {
    if (strcmp(val, "nearest") != 0 && strcmp(val, "topic") != 0)
      return syntax(rd, line, "subject is 'nearest' or 'topic', not '%s'", val);
    r->topic = strcmp(val, "topic") == 0;
  } else if (strcmp(key, "split") == 0) {
    free(r->split);
    r->split = xstrdup(val);
  } else if (strcmp(key, "over") == 0) {
    if (strcmp(val, "text") != 0 && strcmp(val, "mentions") != 0)
      return syntax(rd, line, "over is 'text' or 'mentions', not '%s'", val);
    r->over_mentions = strcmp(val, "mentions") == 0;
  } else if (strcmp(key, "anchor_scope") == 0) {
    if (strcmp(val, "sentence") != 0 && strcmp(val, "paragraph") != 0)
      return syntax(rd, line, "anchor_scope is sentence or paragraph, not '%s'",
                    val);
    r->anchor_paragraph = strcmp(val, "paragraph") == 0;
  } else if (strcmp(key, "anchor") == 0) {
    free(r->anchor);
    free(r->anchor_cols);
    r->anchor = xstrdup(val);
    r->anchor_line = line;
    r->anchor_cols = value_cols(rd);
  } else if (strcmp(key, "keywords") == 0) {
    size_t n;
    char **words = split_names(val, &n);
    if (n == 0)
      return syntax(rd, line, "keywords needs at least one word");
    if (r->keywords == NULL) {
      r->keywords = words;
      r->nkeywords = n;
      r->keywords_line = line;
    } else { /* one more line: a word of it must occur too */
      r->also = xrealloc(r->also, (r->nalso + 1) * sizeof *r->also);
      r->also[r->nalso++] = (struct nx_also){words, n, NULL};
    }
  } else if (strcmp(key, "veto") == 0) {
    free(r->veto);
    free(r->veto_cols);
    r->veto = xstrdup(val);
    r->veto_line = line;
    r->veto_cols = value_cols(rd);
  } else if (strcmp(key, "example") == 0 || strcmp(key, "expect") == 0) {
    return add_example(rd, r, key, val, line);
  } else if (strncmp(key, "field ", 6) == 0) {
    const char *name = key + 6;
    while (*name == ' ')
      name++;
    char msg[200];
    unsigned col = 0;
    struct nx_expr *e = nx_expr_parse(val, msg, sizeof msg, &col);
    if (e == NULL) {
      /* col counts in the value; the column counts in the line */
      unsigned at = col ? col - 1 : 0;
      return nx_fail(rd->err, NX_ESYNTAX, rd->path, line, rd->cols[0] + at,
                     "field %s: %s at '%s'", name, msg, val + at);
    }
    r->fields = xrealloc(r->fields, (r->nfields + 1) * sizeof *r->fields);
    struct nx_field *f = &r->fields[r->nfields++];
    f->name = xstrdup(name);
    f->source = xstrdup(val);
    f->line = line;
    f->expr = e;
  } else {
    static const char *const keys[] = {
        "type",   "pattern",  "field",        "keywords", "anchor",
        "veto",   "example",  "expect",       "entity",   "weak",
        "output", "split",    "anchor_scope", "over",     "subject"};
    return unknown_key(rd, line, key, "rule", keys,
                       sizeof keys / sizeof *keys);
  }
  return NX_OK;
}

static nx_status set_cut_key(struct reader *rd, const char *key, char *val,
                             unsigned line)
{
  struct nx_cut *c = rd->cut;
  if (strcmp(key, "pattern") == 0) {
    free(c->pattern);
    free(c->pattern_cols);
    c->pattern = xstrdup(val);
    c->pattern_line = line;
    c->pattern_cols = value_cols(rd);
  } else if (strcmp(key, "action") == 0) {
    if (strcmp(val, "drop") == 0)
      c->action = NX_CUT_DROP;
    else if (strcmp(val, "drop-rest") == 0)
      c->action = NX_CUT_DROP_REST;
    else if (strcmp(val, "drop-block") == 0)
      c->action = NX_CUT_DROP_BLOCK;
    else if (strncmp(val, "drop-next ", 10) == 0 && atoi(val + 10) > 0) {
      c->action = NX_CUT_DROP_NEXT;
      c->next = (unsigned)atoi(val + 10);
    } else
      return syntax(rd, line,
                    "action is drop, drop-rest, drop-block or drop-next N, "
                    "not '%s'",
                    val);
  } else if (strcmp(key, "example") == 0) {
    c->examples =
        xrealloc(c->examples, (c->nexamples + 1) * sizeof *c->examples);
    c->examples[c->nexamples++] = (struct nx_cut_example){xstrdup(val), -1,
                                                          line};
  } else if (strcmp(key, "expect") == 0) {
    if (c->nexamples == 0 || c->examples[c->nexamples - 1].expect != -1)
      return syntax(rd, line, "'expect' without an example before it");
    if (strcmp(val, "drop") != 0 && strcmp(val, "keep") != 0)
      return syntax(rd, line, "a [cut] expects 'drop' or 'keep', not '%s'",
                    val);
    c->examples[c->nexamples - 1].expect = strcmp(val, "drop") == 0;
  } else {
    static const char *const keys[] = {"pattern", "action", "example",
                                       "expect"};
    return unknown_key(rd, line, key, "cut", keys,
                       sizeof keys / sizeof *keys);
  }
  return NX_OK;
}

/* Hands the finished key = value to its section. */
static nx_status end_key(struct reader *rd)
{
  if (rd->key == NULL)
    return NX_OK;
  char *val = rd->value.data ? rd->value.data : (char *)"";
  /* Trailing white space of a continued value never matters. */
  size_t n = strlen(val);
  while (n && isspace((unsigned char)val[n - 1]))
    val[--n] = '\0';
  nx_status st = NX_OK;
  switch (rd->kind) {
  case SEC_DEFINE:
    if (strcmp(rd->key, "pattern") != 0) {
      static const char *const keys[] = {"pattern"};
      st = unknown_key(rd, rd->key_line, rd->key, "define", keys, 1);
    } else {
      free(rd->define->pattern);
      rd->define->pattern = xstrdup(val);
    }
    break;
  case SEC_RULE:
    st = set_rule_key(rd, rd->key, val, rd->key_line);
    break;
  case SEC_TYPE:
    st = set_type_key(rd, rd->key, val, rd->key_line);
    break;
  case SEC_CUT:
    st = set_cut_key(rd, rd->key, val, rd->key_line);
    break;
  case SEC_NONE:
    st = syntax(rd, rd->key_line, "'%s' before any [section]", rd->key);
    break;
  }
  free(rd->key);
  rd->key = NULL;
  nx_buf_clear(&rd->value);
  return st;
}

/* Checks the section just read and files it in the ruleset. */
static nx_status end_section(struct reader *rd)
{
  nx_status st = end_key(rd);
  if (st != NX_OK)
    return st;
  nx_ruleset *rs = rd->rs;
  if (rd->rule) {
    struct nx_rule *r = rd->rule;
    rd->rule = NULL;
    if (r->pattern == NULL || r->type_name == NULL) {
      st = syntax(rd, r->line, "rule '%s' needs a type and a pattern",
                  r->name);
      free_rule(r);
      return st;
    }
    if (r->anchor && r->keywords) {
      st = syntax(rd, r->keywords_line,
                  "rule '%s' has an anchor and keywords: use one", r->name);
      free_rule(r);
      return st;
    }
    if (r->over_mentions && (r->anchor || r->keywords)) {
      st = syntax(rd, r->line,
                  "rule '%s' runs over mentions: it takes no anchor or "
                  "keywords (its mentions gate it)", r->name);
      free_rule(r);
      return st;
    }
    for (size_t i = 0; i < r->nexamples; i++)
      if (json_is_false(r->examples[i].expect)) {
        st = syntax(rd, r->examples[i].line, "example without an 'expect'");
        free_rule(r);
        return st;
      }
    type_named(rs, r->type_name);
    PUT_NAMED(rs->rules, rs->nrules, r, free_rule, "rule");
  } else if (rd->define) {
    struct nx_define *d = rd->define;
    rd->define = NULL;
    if (d->pattern == NULL) {
      st = syntax(rd, d->line, "define '%s' needs a pattern", d->name);
      free_define(d);
      return st;
    }
    PUT_NAMED(rs->defines, rs->ndefines, d, free_define, "definition");
  } else if (rd->cut) {
    struct nx_cut *c = rd->cut;
    rd->cut = NULL;
    if (c->pattern == NULL) {
      st = syntax(rd, c->line, "cut '%s' needs a pattern", c->name);
      free_cut(c);
      return st;
    }
    for (size_t i = 0; i < c->nexamples; i++)
      if (c->examples[i].expect == -1) {
        st = syntax(rd, c->examples[i].line, "example without an 'expect'");
        free_cut(c);
        return st;
      }
    PUT_NAMED(rs->cuts, rs->ncuts, c, free_cut, "cut");
  }
  rd->type = NULL;
  rd->kind = SEC_NONE;
  return NX_OK;
}

static nx_status begin_section(struct reader *rd, char *header,
                               unsigned line)
{
  nx_status st = end_section(rd);
  if (st != NX_OK)
    return st;
  char *close = strrchr(header, ']');
  if (close == NULL || nx_str_trim(close + 1)[0] != '\0')
    return syntax(rd, line, "a section header is '[KIND NAME]'");
  *close = '\0';
  char *body = nx_str_trim(header + 1);
  char *space = body;
  while (*space && !isspace((unsigned char)*space))
    space++;
  if (*space == '\0')
    return syntax(rd, line, "section '[%s]' has no name", body);
  *space = '\0';
  char *kind = body, *name = nx_str_trim(space + 1);
  rd->section_line = line;
  if (strcmp(kind, "rule") == 0) {
    rd->kind = SEC_RULE;
    rd->rule = xcalloc(1, sizeof *rd->rule);
    rd->rule->name = xstrdup(name);
    rd->rule->file = xstrdup(rd->path);
    rd->rule->line = line;
  } else if (strcmp(kind, "define") == 0) {
    rd->kind = SEC_DEFINE;
    rd->define = xcalloc(1, sizeof *rd->define);
    rd->define->name = xstrdup(name);
    rd->define->file = xstrdup(rd->path);
    rd->define->line = line;
  } else if (strcmp(kind, "cut") == 0) {
    rd->kind = SEC_CUT;
    rd->cut = xcalloc(1, sizeof *rd->cut);
    rd->cut->name = xstrdup(name);
    rd->cut->file = xstrdup(rd->path);
    rd->cut->line = line;
  } else if (strcmp(kind, "type") == 0) {
    rd->kind = SEC_TYPE;
    rd->type = type_named(rd->rs, name);
    if (!rd->type->declared) {
      rd->type->declared = 1;
      rd->type->file = xstrdup(rd->path);
      rd->type->line = line;
    }
  } else {
    static const char *const kinds[] = {"rule", "define", "type", "cut"};
    const char *near = nx_nearest(kind, kinds, 4);
    return syntax(rd, line,
                  "unknown section kind '%s' (rule, define, type or cut%s%s%s)",
                  kind, near ? "; did you mean '" : "", near ? near : "",
                  near ? "'?" : "");
  }
  if (rd->define && rd->comment.len) {
    rd->define->about = nx_buf_detach(&rd->comment, NULL);
  }
  nx_buf_clear(&rd->comment);
  return NX_OK;
}

static nx_status read_line(struct reader *rd, char *line, unsigned lineno)
{
  bool continued = isspace((unsigned char)line[0]);
  char *t = nx_str_trim(line);
  if (*t == '\0') {
    nx_buf_clear(&rd->comment);
    return NX_OK;
  }
  if (continued && rd->key) {
    /* Part of a multi-line value (a '#' here is a PCRE2 comment). */
    add_col(rd, (unsigned)(t - line) + 1);
    nx_status st = nx_buf_addc(&rd->value, '\n');
    return st == NX_OK ? nx_buf_adds(&rd->value, t) : st;
  }
  if (*t == '#') {
    /* kept for the catalogue (--list-rules): what a definition is for */
    if (rd->comment.len)
      nx_buf_addc(&rd->comment, ' ');
    return nx_buf_adds(&rd->comment, nx_str_trim(t + 1));
  }
  if (*t == '[')
    return begin_section(rd, t, lineno);
  nx_status st = end_key(rd);
  if (st != NX_OK)
    return st;
  char *eq = strchr(t, '=');
  if (eq == NULL)
    return syntax(rd, lineno, "expected 'key = value' or '[KIND NAME]'");
  *eq = '\0';
  char *key = nx_str_trim(t);
  /* "field  name" -> "field name" */
  char norm[128];
  if (strncmp(key, "field", 5) == 0 && isspace((unsigned char)key[5])) {
    snprintf(norm, sizeof norm, "field %s", nx_str_trim(key + 5));
    key = norm;
  }
  if (*key == '\0')
    return syntax(rd, lineno, "missing key before '='");
  rd->key = xstrdup(key);
  rd->key_line = lineno;
  nx_buf_clear(&rd->comment);
  char *val = nx_str_trim(eq + 1);
  rd->ncols = 0;
  add_col(rd, (unsigned)(val - line) + 1);
  return nx_buf_adds(&rd->value, val);
}

/* ---- the manifest the rules hash is made of ------------------------------ */

static void note_bytes(nx_ruleset *rs, const char *name, const void *p,
                       size_t len)
{
  rs->hashed = xrealloc(rs->hashed, (rs->nhashed + 1) * sizeof *rs->hashed);
  struct nx_hashed *h = &rs->hashed[rs->nhashed++];
  h->name = xstrdup(name);
  nx_buf_init(&h->bytes, 0);
  nx_buf_add(&h->bytes, p, len);
}

/* The whole of the file at 'path', read once: what is parsed is what is
 * hashed. */
static nx_status read_whole(const char *path, struct nx_buf *all,
                            struct nx_error *err)
{
  nx_buf_init(all, 0);
  FILE *f = fopen(path, "rb");
  if (f == NULL)
    return nx_fail(err, NX_EIO, path, 0, 0, "%s", strerror(errno));
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    nx_buf_add(all, chunk, n);
  bool failed = ferror(f);
  fclose(f);
  if (failed) {
    nx_buf_free(all);
    return nx_fail(err, NX_EIO, path, 0, 0, "read error");
  }
  return NX_OK;
}

size_t nx_ruleset_hash(const nx_ruleset *rs, char hex[65])
{
  /* "HEX  NAME\n" per file, in load order: sha256sum's format, so that a
   * shell can check it. */
  struct nx_buf manifest;
  nx_buf_init(&manifest, 0);
  for (size_t i = 0; i < rs->nhashed; i++) {
    const struct nx_hashed *h = &rs->hashed[i];
    struct nx_sha256 c;
    char one[65];
    nx_sha256_init(&c);
    nx_sha256_add(&c, h->bytes.data ? h->bytes.data : "", h->bytes.len);
    nx_sha256_hex(&c, one);
    nx_buf_adds(&manifest, one);
    nx_buf_adds(&manifest, "  ");
    nx_buf_adds(&manifest, h->name);
    nx_buf_addc(&manifest, '\n');
  }
  struct nx_sha256 c;
  nx_sha256_init(&c);
  nx_sha256_add(&c, manifest.data ? manifest.data : "", manifest.len);
  nx_sha256_hex(&c, hex);
  nx_buf_free(&manifest);
  return rs->nhashed;
}

static nx_status add_stream(nx_ruleset *rs, FILE *f, const char *path,
                            struct nx_error *err)
{
  struct reader rd;
  memset(&rd, 0, sizeof rd);
  rd.rs = rs;
  rd.path = path;
  rd.err = err;
  nx_buf_init(&rd.value, 0);
  nx_buf_init(&rd.comment, 0);
  char *line = NULL;
  size_t cap = 0;
  unsigned lineno = 0;
  nx_status st = NX_OK;
  ssize_t n;
  while (st == NX_OK && (n = getline(&line, &cap, f)) != -1) {
    lineno++;
    if (!nx_utf8_is_clean(line, (size_t)n))
      st = syntax(&rd, lineno, "not valid UTF-8 (or a NUL byte)");
    else
      st = read_line(&rd, line, lineno);
  }
  if (st == NX_OK)
    st = end_section(&rd);
  free(line);
  free(rd.key);
  free(rd.cols);
  nx_buf_free(&rd.value);
  nx_buf_free(&rd.comment);
  free_rule(rd.rule);
  free_define(rd.define);
  free_cut(rd.cut);
  return st;
}

/* 'name' is the file's name in the manifest. */
static nx_status add_file(nx_ruleset *rs, const char *path, const char *name,
                          struct nx_error *err)
{
  struct nx_buf all;
  nx_status st = read_whole(path, &all, err);
  if (st != NX_OK)
    return st;
  add_loaded(rs, path, false);
  if (all.len > 0) {
    FILE *f = fmemopen(all.data, all.len, "r");
    st = f ? add_stream(rs, f, path, err)
           : nx_fail(err, NX_EIO, path, 0, 0, "%s", strerror(errno));
    if (f)
      fclose(f);
  }
  if (st == NX_OK)
    note_bytes(rs, name, all.data ? all.data : "", all.len);
  nx_buf_free(&all);
  return st;
}

nx_status nx_ruleset_add_memory(nx_ruleset *rs, const char *name,
                                const char *p, size_t len,
                                struct nx_error *err)
{
  if (len == 0)
    return NX_OK;
  FILE *f = fmemopen((void *)p, len, "r");
  if (f == NULL)
    return nx_fail(err, NX_EIO, name, 0, 0, "%s", strerror(errno));
  nx_status st = add_stream(rs, f, name, err);
  fclose(f);
  if (st == NX_OK)
    note_bytes(rs, name, p, len);
  return st;
}

/* ---- directories --------------------------------------------------------- */

static nx_status add_lists(nx_ruleset *rs, const char *dir,
                           struct nx_error *err)
{
  char listdir[4096];
  snprintf(listdir, sizeof listdir, "%s/lists", dir);
  size_t n;
  char **names = nx_dir_names(listdir, ".list", &n);
  nx_status st = NX_OK;
  for (size_t i = 0; i < n && st == NX_OK; i++) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", listdir, names[i]);
    names[i][strlen(names[i]) - 5] = '\0';
    nx_wordlist *wl = NULL;
    struct nx_buf all;
    st = read_whole(path, &all, err);
    if (st != NX_OK)
      break;
    FILE *f = fmemopen(all.data ? all.data : (char *)"", all.len, "r");
    st = f ? nx_wordlist_read(f, path, names[i], &wl, err)
           : nx_fail(err, NX_EIO, path, 0, 0, "%s", strerror(errno));
    if (f)
      fclose(f);
    if (st == NX_OK) {
      char name[4096];
      snprintf(name, sizeof name, "lists/%s.list", names[i]);
      add_loaded(rs, path, true);
      note_bytes(rs, name, all.data ? all.data : "", all.len);
    }
    nx_buf_free(&all);
    if (st != NX_OK)
      break;
    size_t k;
    for (k = 0; k < rs->nlists; k++)
      if (strcmp(nx_wordlist_name(rs->lists[k]), names[i]) == 0)
        break;
    if (k < rs->nlists && !nx_wordlist_replaces(wl)) {
      /* A user's list adds to the built-in one of its name. */
      st = nx_wordlist_extend(rs->lists[k], wl, err);
      nx_wordlist_free(wl);
      continue;
    }
    if (k < rs->nlists)
      nx_wordlist_free(rs->lists[k]);
    else {
      rs->lists = xrealloc(rs->lists, (rs->nlists + 1) * sizeof *rs->lists);
      rs->nlists++;
    }
    rs->lists[k] = wl;
  }
  nx_names_free(names, n);
  return st;
}

/* True when the file's first line that is not blank or a comment is a
 * section header: a rule file, whatever its name. */
static bool looks_like_rules(const char *path)
{
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return false;
  char line[512];
  bool rules = false;
  for (int n = 0; n < 200 && fgets(line, sizeof line, f); n++) {
    char *t = nx_str_trim(line);
    if (*t == '\0' || *t == '#')
      continue;
    rules = strncmp(t, "[rule ", 6) == 0 || strncmp(t, "[define ", 8) == 0 ||
            strncmp(t, "[type ", 6) == 0 || strncmp(t, "[cut ", 5) == 0;
    break;
  }
  fclose(f);
  return rules;
}

static bool has_suffix(const char *s, const char *suffix)
{
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && strcmp(s + n - k, suffix) == 0;
}

/* A directory given as rules: every file in it that newsextract would
 * pass over, while its author meant it to be read, is an error; so is a
 * directory with nothing to read. */
static nx_status check_rule_dir(const char *dir, size_t nrules,
                                struct nx_error *err)
{
  size_t n, nlists;
  char **names = nx_dir_names(dir, NULL, &n);
  char listdir[4096];
  snprintf(listdir, sizeof listdir, "%s/lists", dir);
  char **lists = nx_dir_names(listdir, NULL, &nlists);
  nx_status st = NX_OK;
  char found[160] = "";
  for (size_t i = 0; i < n && st == NX_OK; i++) {
    char file[8192];
    snprintf(file, sizeof file, "%s/%s", dir, names[i]);
    if (has_suffix(names[i], ".list"))
      st = nx_fail(err, NX_ESYNTAX, file, 0, 0,
                   "a word list beside the rule files is not read: move it "
                   "to %s/",
                   listdir);
    else if (!has_suffix(names[i], ".rules") && looks_like_rules(file))
      st = nx_fail(err, NX_ESYNTAX, file, 0, 0,
                   "a rule file must be named *.rules to be read: rename it "
                   "%.*s.rules",
                   (int)strcspn(names[i], "."), names[i]);
    else if (strcmp(names[i], "lists") != 0 &&
             strlen(found) + strlen(names[i]) + 3 < sizeof found)
      snprintf(found + strlen(found), sizeof found - strlen(found), "%s%s",
               *found ? ", " : "", names[i]);
  }
  for (size_t i = 0; i < nlists && st == NX_OK; i++)
    if (!has_suffix(lists[i], ".list") && strncmp(lists[i], "README", 6)) {
      char file[8192];
      snprintf(file, sizeof file, "%s/%s", listdir, lists[i]);
      st = nx_fail(err, NX_ESYNTAX, file, 0, 0,
                   "a word list must be named *.list to be read");
    }
  if (st == NX_OK && nrules == 0 && nlists == 0)
    st = nx_fail(err, NX_ESYNTAX, dir, 0, 0,
                 "no rule files (*.rules) or word lists (lists/*.list) "
                 "here%s%s%s",
                 *found ? " (found: " : "", found, *found ? ")" : "");
  nx_names_free(names, n);
  nx_names_free(lists, nlists);
  return st;
}

nx_status nx_ruleset_add_path(nx_ruleset *rs, const char *path,
                              struct nx_error *err)
{
  struct stat sb;
  if (stat(path, &sb) != 0)
    return nx_fail(err, NX_EIO, path, 0, 0, "%s", strerror(errno));
  if (!S_ISDIR(sb.st_mode)) {
    /* A single file takes its lists from lists/ beside it. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = '\0';
    else
      snprintf(dir, sizeof dir, ".");
    nx_status st = add_lists(rs, dir, err);
    const char *base = strrchr(path, '/');
    return st == NX_OK ? add_file(rs, path, base ? base + 1 : path, err) : st;
  }
  size_t n;
  char **names = nx_dir_names(path, ".rules", &n);
  nx_status st = check_rule_dir(path, n, err);
  if (st == NX_OK)
    st = add_lists(rs, path, err);
  for (size_t i = 0; i < n && st == NX_OK; i++) {
    char file[8192];
    snprintf(file, sizeof file, "%s/%s", path, names[i]);
    st = add_file(rs, file, names[i], err);
  }
  nx_names_free(names, n);
  return st;
}
