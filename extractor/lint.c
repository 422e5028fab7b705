/* lint.c: see lint.h. */
#include "lint.h"

#include "expand.h"

#include "expr.h"
#include "rules_impl.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Skips one item (an escape, a class, a dot or a literal) at p[0] and
 * returns the position after it; NULL at a group or quantifier. */
static const char *skip_item(const char *p)
{
  if (*p == '\\')
    return p[1] ? p + 2 : p + 1;
  if (*p == '[') {
    const char *q = p + 1;
    if (*q == '^')
      q++;
    if (*q == ']')
      q++;
    while (*q && *q != ']')
      q += *q == '\\' && q[1] ? 2 : 1;
    return *q ? q + 1 : q;
  }
  if (strchr("()|*+?{", *p))
    return NULL;
  return p + 1;
}

/* Reads the quantifier at p, if any: the fewest repeats in *min, whether
 * it is unbounded and can backtrack (not possessive). Returns the
 * position after it. */
static const char *quantifier(const char *p, unsigned *min, bool *unbounded)
{
  *min = 1;
  *unbounded = false;
  const char *q = p;
  if (*q == '?' || *q == '*' || *q == '+') {
    *min = *q == '+';
    *unbounded = *q != '?';
    q++;
  } else if (*q == '{' && q[1] >= '0' && q[1] <= '9') {
    unsigned n = 0;
    for (q++; *q >= '0' && *q <= '9'; q++)
      n = n * 10 + (unsigned)(*q - '0');
    if (*q == '}') {
      *min = n;
      q++;
    } else if (*q == ',') {
      q++;
      *unbounded = *q == '}';
      while (*q >= '0' && *q <= '9')
        q++;
      if (*q != '}')
        return p; /* not a quantifier: a literal '{' */
      *min = n;
      q++;
    } else
      return p;
  } else
    return p;
  if (*q == '+') {
    *unbounded = false; /* possessive: no backtracking into it */
    q++;
  } else if (*q == '?')
    q++;
  return q;
}

/* Skips extended-mode white space and comments. */
static const char *skip_layout(const char *p)
{
  for (;;) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    else if (*p == '#')
      p += strcspn(p, "\n");
    else
      return p;
  }
}

/* True when the group body at b (up to its ')') is a run of single items
 * that one unbounded item dominates, all others optional: "a+", "\w+\s*",
 * "\w+\s?". Repeated without bound, such a group can split a run of
 * text in exponentially many ways. *end receives the position after ')'. */
static bool ambiguous_body(const char *b, const char **end)
{
  size_t unbounded = 0, required_unbounded = 0, required_bounded = 0;
  const char *p = skip_layout(b);
  while (*p != ')') {
    const char *after = *p ? skip_item(p) : NULL;
    if (after == NULL)
      return false; /* a nested group, an alternation, or the end */
    unsigned min;
    bool unb;
    p = skip_layout(quantifier(after, &min, &unb));
    unbounded += unb;
    required_unbounded += unb && min > 0;
    required_bounded += !unb && min > 0;
  }
  *end = p + 1;
  return unbounded && required_bounded == 0 && required_unbounded <= 1;
}

bool nx_lint_nested_quantifier(const char *pattern)
{
  for (const char *p = pattern; *p; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p == '[') {
      p = skip_item(p) - 1;
      continue;
    }
    if (*p != '(' || (p[1] == '?' && p[2] == '>'))
      continue; /* atomic groups do not backtrack */
    /* The body: an optional "?:" or "?<name>", then the items, then ')'. */
    const char *b = p + 1;
    if (b[0] == '?' && b[1] == ':')
      b += 2;
    else if (b[0] == '?' && b[1] == '<' && b[2] != '=' && b[2] != '!') {
      const char *close = strchr(b, '>');
      if (close == NULL)
        continue;
      b = close + 1;
    } else if (b[0] == '?')
      continue;
    const char *after;
    unsigned min;
    bool unbounded;
    if (ambiguous_body(b, &after) &&
        (quantifier(skip_layout(after), &min, &unbounded), unbounded))
      return true;
  }
  return false;
}

/* True when the pattern refers to the group by name other than by
 * defining it: a conditional (?(<name>)...), a backreference \k<name> or a
 * call (?&name). */
static bool pattern_reads_group(const char *pattern, const char *name)
{
  static const char *const opens[] = {"(?(<", "\\k<", "(?&", "(?P=", NULL};
  static const char *const closes[] = {">)", ">", ")", ")", NULL};
  for (size_t i = 0; opens[i]; i++) {
    char needle[160];
    snprintf(needle, sizeof needle, "%s%s%s", opens[i], name, closes[i]);
    if (strstr(pattern, needle))
      return true;
  }
  return false;
}

static bool field_read(const struct nx_rule *r, const char *name)
{
  for (size_t i = 0; i < r->nfields; i++)
    if (nx_expr_uses_group(r->fields[i].expr, name))
      return true;
  return false;
}

static size_t lint_rule(const struct nx_rule *r, FILE *report)
{
  size_t n = 0;
  if (nx_rule_min_length(r) == 0) {
    fprintf(report, "%s:%u: warning: rule %s can match the empty string\n",
            r->file, r->pattern_line, r->name);
    n++;
  }
  if (r->expanded && nx_lint_nested_quantifier(r->expanded)) {
    fprintf(report,
            "%s:%u: warning: rule %s nests unbounded quantifiers, as in "
            "(a+)+, which invites catastrophic backtracking\n",
            r->file, r->pattern_line, r->name);
    n++;
  }
  uint32_t count = nx_pattern_group_count(r->re);
  for (uint32_t i = 0; i < count; i++) {
    const char *name = nx_pattern_group_name(r->re, i);
    if (name[0] == '_' &&
        strncmp(name, NX_EXPAND_PREFIX, strlen(NX_EXPAND_PREFIX)) != 0 &&
        !field_read(r, name) &&
        !pattern_reads_group(r->expanded ? r->expanded : "", name)) {
      fprintf(report,
              "%s:%u: warning: rule %s: group %s maps to no field and "
              "nothing reads it\n",
              r->file, r->pattern_line, r->name, name);
      n++;
    }
  }
  return n;
}

/* A field a [type] lists that none of its rules sets is always null. */
static size_t lint_type(const nx_ruleset *rs, size_t t, FILE *report)
{
  const struct nx_type *type = rs->types[t];
  size_t n = 0;
  for (size_t f = 0; f < type->nfields; f++) {
    bool set = false;
    for (size_t i = 0; i < rs->nrules && !set; i++) {
      const struct nx_rule *r = rs->rules[i];
      for (size_t k = 0; r->type == t && k < r->nfields && !set; k++)
        set = strcmp(r->fields[k].name, type->fields[f]) == 0;
    }
    /* Filled after matching, not by rules. */
    for (size_t k = 0; k < type->ninherits && !set; k++)
      set = strcmp(type->inherits[k].field, type->fields[f]) == 0;
    set = set || (type->link && strcmp(type->fields[f], "symbol") == 0) ||
          (nx_type_subject(type) &&
           strcmp(type->fields[f], "subject_from") == 0);
    if (!set) {
      fprintf(report,
              "%s:%u: warning: type %s lists field %s that no rule sets\n",
              type->file ? type->file : type->name, type->line, type->name,
              type->fields[f]);
      n++;
    }
  }
  return n;
}

size_t nx_lint_run(const nx_ruleset *rs, FILE *report)
{
  size_t n = 0;
  for (size_t i = 0; i < rs->nrules; i++)
    n += lint_rule(rs->rules[i], report);
  for (size_t t = 0; t < rs->ntypes; t++)
    n += lint_type(rs, t, report);
  for (size_t i = 0; i < rs->ndefines; i++) {
    const struct nx_define *d = rs->defines[i];
    if (!d->used) {
      fprintf(report,
              "%s:%u: warning: definition %s is not used by any pattern\n",
              d->file, d->line, d->name);
      n++;
    }
  }
  return n;
}
