/* expr.c: see expr.h. A tiny recursive-descent parser: an expression is a
 * constant, a group name, or NAME(ARG, ...). */
#include "expr.h"

#include "buf.h"
#include "util.h"
#include "values.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fn_spec {
  const char *name;
  enum nx_fn fn;
  size_t min_args, max_args;
  const char *list; /* the list it always uses, or NULL */
  const char *usage, *doc; /* for the catalogue (--list-rules) */
};

static const struct fn_spec fns[] = {
    {"text", FN_TEXT, 1, 1, NULL, "`g` or `text(g)`",
     "the group's text, white space collapsed; `null` when the group did "
     "not take part"},
    {"upper", FN_UPPER, 1, 1, NULL, "`upper(g)`", "the text in upper case"},
    {"lower", FN_LOWER, 1, 1, NULL, "`lower(g)`", "the text in lower case"},
    {"title", FN_TITLE, 1, 1, NULL, "`title(g)`",
     "the text with each word capitalised"},
    {"number", FN_NUMBER, 1, 1, NULL, "`number(g)`",
     "`1,200` → 1200, `1.7` → 1.7, `2.5 billion` → 2500000000"},
    {"money", FN_MONEY, 1, 1, NULL, "`money(g)`",
     "the amount of `$18`, `C$12.50`, `€45`, `1,166 pence`, `$9.7 billion`; "
     "cents as hundredths: `99 c` is 0.99"},
    {"currency", FN_CURRENCY, 1, 1, "currencies", "`currency(g)`",
     "its ISO 4217 code: `USD`, `CAD`, `EUR`, `GBP`, `GBX` (pence) … from "
     "the `currencies` list"},
    {"mw", FN_MW, 1, 2, "power_units", "`mw(g)`, `mw(num, unit)`",
     "a power figure in megawatts: `1.7 gigawatts` → 1700, `500 kW` → 0.5, "
     "`285-MW` → 285; or from a number group and a unit group (ranges)"},
    {"unit", FN_UNIT, 1, 1, "power_units", "`unit(g)`",
     "the canonical unit symbol (`MW`, `GW`, `kW`, `TW`) from the "
     "`power_units` list"},
    {"canon", FN_CANON, 2, 2, NULL, "`canon(LIST, g)`",
     "the canonical form (first on its line) of the LIST entry g is a form "
     "of; `null` when g is not listed"},
    {"class", FN_CLASS, 2, 2, NULL, "`class(LIST, g)`",
     "that entry's value after `=>`: a JSON number when it is one, else a "
     "string"},
    {"in", FN_IN, 2, 2, NULL, "`in(LIST, g)`", "whether g is listed"},
    {"first", FN_FIRST, 1, 16, NULL, "`first(e1, e2, …)`",
     "the first expression that is not null"},
    {"compare", FN_COMPARE, 4, 4, NULL, "`compare(a, b, x, y)`",
     "`x` when the number in `b` is larger than the one in `a`, `y` when "
     "smaller, else null: `compare(from, to, \"raise\", \"cut\")`"},
    {"if", FN_IF, 3, 3, NULL, "`if(e, x, y)`",
     "`x` when `e` has a value (not null, not false), else `y`: "
     "`if(old, null, \"initiate\")`"},
    {NULL, FN_TEXT, 0, 0, NULL, NULL, NULL}};

void nx_expr_functions_markdown(FILE *out)
{
  fputs("| expression | value |\n| --- | --- |\n", out);
  for (const struct fn_spec *f = fns; f->name; f++) {
    fprintf(out, "| %s | %s |\n", f->usage, f->doc);
    if (f == fns) /* constants after the group itself */
      fputs("| `\"word\"`, `12`, `null`, `true` | a constant |\n", out);
  }
}

struct parser {
  const char *src, *at;
  char *msg;
  size_t msgsize;
  bool failed;
};

static void fail(struct parser *p, const char *what)
{
  if (!p->failed)
    snprintf(p->msg, p->msgsize, "%s", what);
  p->failed = true;
}

static void skip_space(struct parser *p)
{
  while (isspace((unsigned char)*p->at))
    p->at++;
}

static struct nx_expr *new_expr(enum nx_fn fn)
{
  struct nx_expr *e = xcalloc(1, sizeof *e);
  e->fn = fn;
  return e;
}

static struct nx_expr *parse_expr(struct parser *p, int depth);

static struct nx_expr *parse_string(struct parser *p)
{
  struct nx_buf s;
  nx_buf_init(&s, 0);
  p->at++; /* the opening quote */
  while (*p->at && *p->at != '"') {
    if (*p->at == '\\' && p->at[1])
      p->at++;
    nx_buf_addc(&s, *p->at++);
  }
  if (*p->at != '"') {
    nx_buf_free(&s);
    fail(p, "unterminated string");
    return NULL;
  }
  p->at++;
  struct nx_expr *e = new_expr(FN_CONST);
  e->constant = json_string(s.data ? s.data : "");
  nx_buf_free(&s);
  if (e->constant == NULL) {
    nx_expr_free(e);
    fail(p, "string is not valid UTF-8");
    return NULL;
  }
  return e;
}

static struct nx_expr *parse_number(struct parser *p)
{
  char *end;
  double v = strtod(p->at, &end);
  if (end == p->at) {
    fail(p, "bad number");
    return NULL;
  }
  p->at = end;
  struct nx_expr *e = new_expr(FN_CONST);
  e->constant = nx_json_number(v);
  return e;
}

/* "unknown function 'nubmer' (did you mean 'number'? ...)", with the
 * functions there are: the author need not look them up. */
static void unknown_function(struct parser *p, const char *name)
{
  const char *names[sizeof fns / sizeof *fns];
  size_t n = 0;
  char all[160] = "";
  for (const struct fn_spec *f = fns; f->name; f++) {
    names[n++] = f->name;
    snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s",
             f == fns ? "" : ", ", f->name);
  }
  const char *near = nx_nearest(name, names, n);
  char what[256];
  snprintf(what, sizeof what, "unknown function '%.40s' (%s%s%sfunctions: %s)",
           name, near ? "did you mean '" : "", near ? near : "",
           near ? "'? " : "", all);
  fail(p, what);
}

static struct nx_expr *parse_call(struct parser *p, const char *name,
                                  int depth)
{
  const struct fn_spec *spec = fns;
  while (spec->name && strcmp(spec->name, name) != 0)
    spec++;
  if (spec->name == NULL) {
    unknown_function(p, name);
    return NULL;
  }
  struct nx_expr *e = new_expr(spec->fn);
  p->at++; /* '(' */
  skip_space(p);
  while (!p->failed && *p->at != ')') {
    struct nx_expr *arg = parse_expr(p, depth + 1);
    if (arg == NULL)
      break;
    e->args = xrealloc(e->args, (e->nargs + 1) * sizeof *e->args);
    e->args[e->nargs++] = arg;
    skip_space(p);
    if (*p->at == ',') {
      p->at++;
      skip_space(p);
    } else if (*p->at != ')')
      fail(p, "expected ',' or ')'");
  }
  if (!p->failed)
    p->at++;
  if (!p->failed && (e->nargs < spec->min_args || e->nargs > spec->max_args))
    fail(p, "wrong number of arguments");
  if (!p->failed && (spec->fn == FN_CANON || spec->fn == FN_CLASS ||
                     spec->fn == FN_IN)) {
    if (e->args[0]->fn != FN_TEXT || e->args[0]->nargs)
      fail(p, "first argument must name a list");
    else
      e->list_name = xstrdup(e->args[0]->group);
  }
  if (!p->failed && spec->fn == FN_TEXT) {
    /* text(g) is the group itself */
    struct nx_expr *inner = e->args[0];
    free(e->args);
    free(e);
    return inner;
  }
  if (!p->failed && spec->list)
    e->list_name = xstrdup(spec->list);
  if (p->failed) {
    nx_expr_free(e);
    return NULL;
  }
  return e;
}

static struct nx_expr *parse_expr(struct parser *p, int depth)
{
  skip_space(p);
  if (depth > 16) {
    fail(p, "expression nested too deeply");
    return NULL;
  }
  char c = *p->at;
  if (c == '"')
    return parse_string(p);
  if (isdigit((unsigned char)c) || c == '-')
    return parse_number(p);
  if (!(isalpha((unsigned char)c) || c == '_')) {
    fail(p, c ? "unexpected character" : "missing expression");
    return NULL;
  }
  const char *start = p->at;
  while (isalnum((unsigned char)*p->at) || *p->at == '_')
    p->at++;
  char *name = xstrndup(start, (size_t)(p->at - start));
  skip_space(p);
  struct nx_expr *e = NULL;
  if (*p->at == '(') {
    e = parse_call(p, name, depth);
    if (e == NULL && *p->at == '(')
      p->at = start; /* an unknown function: point at its name */
  }
  else if (strcmp(name, "null") == 0 || strcmp(name, "true") == 0 ||
           strcmp(name, "false") == 0) {
    e = new_expr(FN_CONST);
    e->constant = name[0] == 'n' ? json_null()
                  : name[0] == 't' ? json_true()
                                   : json_false();
  } else {
    e = new_expr(FN_TEXT);
    e->group = name;
    name = NULL;
  }
  free(name);
  return e;
}

struct nx_expr *nx_expr_parse(const char *src, char *msg, size_t msgsize,
                              unsigned *column)
{
  struct parser p = {src, src, msg, msgsize, false};
  struct nx_expr *e = parse_expr(&p, 0);
  skip_space(&p);
  if (e && *p.at) {
    fail(&p, "unexpected text after the expression");
  }
  if (p.failed) {
    nx_expr_free(e);
    *column = (unsigned)(p.at - src) + 1;
    return NULL;
  }
  return e;
}

void nx_expr_free(struct nx_expr *e)
{
  if (e == NULL)
    return;
  json_decref(e->constant);
  free(e->group);
  free(e->numbers);
  free(e->list_name);
  for (size_t i = 0; i < e->nargs; i++)
    nx_expr_free(e->args[i]);
  free(e->args);
  free(e);
}

/* Every group number called 'name' (PCRE2_DUPNAMES allows several). */
static bool group_numbers(const pcre2_code *re, const char *name,
                          uint32_t **numbers, size_t *n)
{
  PCRE2_SPTR first, last;
  uint32_t entry_size;
  int rc = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first,
                                          &last);
  if (rc < 0)
    return false;
  pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  *n = (size_t)((last - first) / entry_size) + 1;
  *numbers = xmalloc(*n * sizeof **numbers);
  for (size_t i = 0; i < *n; i++) {
    PCRE2_SPTR entry = first + i * entry_size;
    (*numbers)[i] = ((uint32_t)entry[0] << 8) | entry[1];
  }
  return true;
}

bool nx_expr_resolve(struct nx_expr *e, const pcre2_code *re,
                     const nx_ruleset *rs, char *msg, size_t msgsize)
{
  if (e->fn == FN_TEXT && e->group) {
    if (!group_numbers(re, e->group, &e->numbers, &e->nnumbers)) {
      snprintf(msg, msgsize, "the pattern has no group named '%s'", e->group);
      return false;
    }
    return true;
  }
  if (e->list_name) {
    e->list = nx_ruleset_list(rs, e->list_name);
    if (e->list == NULL) {
      snprintf(msg, msgsize, "no word list named '%s'", e->list_name);
      return false;
    }
  }
  /* The list argument of canon/class/in is a name, not a group. */
  size_t from = e->fn == FN_CANON || e->fn == FN_CLASS || e->fn == FN_IN;
  for (size_t i = from; i < e->nargs; i++)
    if (!nx_expr_resolve(e->args[i], re, rs, msg, msgsize))
      return false;
  return true;
}

bool nx_expr_uses_group(const struct nx_expr *e, const char *name)
{
  if (e->fn == FN_TEXT && e->group && strcmp(e->group, name) == 0)
    return true;
  size_t from = e->fn == FN_CANON || e->fn == FN_CLASS || e->fn == FN_IN;
  for (size_t i = from; i < e->nargs; i++)
    if (nx_expr_uses_group(e->args[i], name))
      return true;
  return false;
}

json_t *nx_json_number(double v)
{
  if (isfinite(v) && v == floor(v) && fabs(v) < 9007199254740992.0)
    return json_integer((json_int_t)v);
  return json_real(isfinite(v) ? v : 0);
}

/* The text of the first set group among e's numbers, white space
 * collapsed, as a new string; NULL when none took part. */
static char *group_text(const struct nx_expr *e, const char *subject,
                        const PCRE2_SIZE *ov, uint32_t pairs)
{
  for (size_t i = 0; i < e->nnumbers; i++) {
    uint32_t g = e->numbers[i];
    if (g >= pairs || ov[2 * g] == PCRE2_UNSET)
      continue;
    size_t start = ov[2 * g], end = ov[2 * g + 1];
    struct nx_buf b;
    nx_buf_init(&b, 0);
    bool space = false;
    for (size_t k = start; k < end; k++) {
      char c = subject[k];
      if (isspace((unsigned char)c)) {
        space = b.len > 0;
        continue;
      }
      if (space)
        nx_buf_addc(&b, ' ');
      space = false;
      nx_buf_addc(&b, c);
    }
    return nx_buf_detach(&b, NULL);
  }
  return NULL;
}

/* The argument as text: a group's text, a string constant, or the string
 * form of a nested function's value. Caller frees. */
static char *arg_text(const struct nx_expr *e, const char *subject,
                      const PCRE2_SIZE *ov, uint32_t pairs)
{
  if (e->fn == FN_TEXT)
    return group_text(e, subject, ov, pairs);
  json_t *v = nx_expr_eval(e, subject, ov, pairs);
  char *s = NULL;
  if (json_is_string(v))
    s = xstrdup(json_string_value(v));
  else if (json_is_number(v)) {
    char num[64];
    snprintf(num, sizeof num, "%.15g", json_number_value(v));
    s = xstrdup(num);
  }
  json_decref(v);
  return s;
}

/* A list value: a JSON number when it is one ("1000"), else a string. */
static json_t *number_or_string(const char *s)
{
  char *end;
  double d = strtod(s, &end);
  if (end != s && *end == '\0' && (isdigit((unsigned char)*s) || *s == '-'))
    return nx_json_number(d);
  return json_string(s);
}

static json_t *string_value(char *s)
{
  json_t *v = json_string(s);
  free(s);
  return v;
}

static char *map_case(char *s, enum nx_fn fn)
{
  bool word_start = true;
  for (char *c = s; *c; c++) {
    unsigned char u = (unsigned char)*c;
    if (fn == FN_UPPER)
      *c = (char)toupper(u);
    else if (fn == FN_LOWER)
      *c = (char)tolower(u);
    else
      *c = (char)(word_start ? toupper(u) : tolower(u));
    word_start = !isalnum(u) && u != '\'';
  }
  return s;
}

json_t *nx_expr_eval(const struct nx_expr *e, const char *subject,
                     const PCRE2_SIZE *ov, uint32_t pairs)
{
  if (e->fn == FN_CONST) /* a copy: worker threads share the constant, and
                          * jansson's reference count is not theirs to
                          * share (ThreadSanitizer) */
    return json_is_null(e->constant) ? NULL : json_copy(e->constant);
  if (e->fn == FN_TEXT) {
    char *s = group_text(e, subject, ov, pairs);
    return s ? string_value(s) : NULL;
  }
  if (e->fn == FN_COMPARE) {
    char *a = arg_text(e->args[0], subject, ov, pairs);
    char *b = arg_text(e->args[1], subject, ov, pairs);
    double x, y;
    json_t *v = NULL;
    if (a && b && nx_value_number(a, strlen(a), &x, NULL) &&
        nx_value_number(b, strlen(b), &y, NULL) && x != y)
      v = nx_expr_eval(e->args[y > x ? 2 : 3], subject, ov, pairs);
    free(a);
    free(b);
    return v;
  }
  if (e->fn == FN_IF) {
    json_t *c = nx_expr_eval(e->args[0], subject, ov, pairs);
    bool yes = c && !json_is_false(c);
    json_decref(c);
    return nx_expr_eval(e->args[yes ? 1 : 2], subject, ov, pairs);
  }
  if (e->fn == FN_FIRST) {
    for (size_t i = 0; i < e->nargs; i++) {
      json_t *v = nx_expr_eval(e->args[i], subject, ov, pairs);
      if (v)
        return v;
    }
    return NULL;
  }
  const struct nx_expr *arg = e->args[e->nargs - 1];
  if (e->fn == FN_MW && e->nargs == 2)
    arg = e->args[0];
  char *s = arg_text(arg, subject, ov, pairs);
  if (s == NULL)
    return NULL;
  size_t len = strlen(s);
  json_t *v = NULL;
  double d;
  const struct nx_word *w;
  switch (e->fn) {
  case FN_UPPER:
  case FN_LOWER:
  case FN_TITLE:
    return string_value(map_case(s, e->fn));
  case FN_NUMBER:
    if (nx_value_number(s, len, &d, NULL))
      v = nx_json_number(d);
    break;
  case FN_MONEY:
    if (nx_value_money(s, len, &d))
      v = nx_json_number(d);
    break;
  case FN_CURRENCY:
    /* "C$12.50" has a marker beside its number; "pence" is one itself. */
    w = nx_value_marker(s, len, e->list);
    if (w == NULL)
      w = nx_wordlist_find(e->list, s, len);
    if (w && w->value)
      v = json_string(w->value);
    break;
  case FN_MW:
    if (e->nargs == 2) {
      char *unit = arg_text(e->args[1], subject, ov, pairs);
      w = unit ? nx_wordlist_find(e->list, unit, strlen(unit)) : NULL;
      if (w && w->value && nx_value_number(s, len, &d, NULL))
        v = nx_json_number(d * strtod(w->value, NULL));
      free(unit);
    } else if (nx_value_mw(s, len, e->list, &d))
      v = nx_json_number(d);
    break;
  case FN_UNIT:
    w = nx_value_marker(s, len, e->list);
    if (w == NULL)
      w = nx_wordlist_find(e->list, s, len);
    if (w)
      v = json_string(w->canon);
    break;
  case FN_CANON:
    w = nx_wordlist_find(e->list, s, len);
    if (w)
      v = json_string(w->canon);
    break;
  case FN_CLASS:
    w = nx_wordlist_find(e->list, s, len);
    if (w && w->value)
      v = number_or_string(w->value);
    break;
  case FN_IN:
    v = json_boolean(nx_wordlist_find(e->list, s, len) != NULL);
    break;
  default:
    break;
  }
  free(s);
  return v;
}
