/* catalogue.c: see catalogue.h. */
#include "catalogue.h"

#include "expr.h"
#include "rules_impl.h"

#include <ctype.h>
#include <string.h>

/* How many leading bytes of a built-in file's path are its directory's:
 * the common prefix of the built-in files, up to a '/'. */
static size_t builtin_prefix(const nx_ruleset *rs)
{
  if (rs->nbuiltin == 0)
    return 0;
  const char *first = rs->files[0].path;
  size_t n = strlen(first);
  for (size_t i = 1; i < rs->nbuiltin; i++) {
    size_t k = 0;
    while (k < n && first[k] == rs->files[i].path[k])
      k++;
    n = k;
  }
  while (n > 0 && first[n - 1] != '/')
    n--;
  return n;
}

static const char *shown(const nx_ruleset *rs, const char *path, size_t cut)
{
  return nx_ruleset_is_builtin(rs, path) ? path + cut : path;
}

/* Writes s as one Markdown table cell: '|' escaped. */
static void cell(FILE *out, const char *s, size_t len)
{
  for (size_t i = 0; i < len && s[i]; i++) {
    if (s[i] == '|')
      fputc('\\', out);
    fputc(s[i], out);
  }
}

/* The first sentence of a comment: up to ". " before a capital, outside
 * parentheses and quotes ("(\"Acme Inc. Report\")" does not end it). */
static size_t first_sentence(const char *s)
{
  int depth = 0;
  bool quoted = false;
  for (const char *p = s; *p; p++) {
    if (*p == '(')
      depth++;
    else if (*p == ')' && depth > 0)
      depth--;
    else if (*p == '"')
      quoted = !quoted;
    else if (p[0] == '.' && p[1] == ' ' && isupper((unsigned char)p[2]) &&
             depth == 0 && !quoted)
      return (size_t)(p - s) + 1;
  }
  return strlen(s);
}

static void definitions(const nx_ruleset *rs, size_t cut, FILE *out)
{
  fputs("### Definitions: `{{NAME}}` in a pattern\n\n"
        "| name | file | what it matches |\n| --- | --- | --- |\n",
        out);
  for (size_t i = 0; i < rs->ndefines; i++) {
    const struct nx_define *d = rs->defines[i];
    fprintf(out, "| `%s` | `%s` | ", d->name, shown(rs, d->file, cut));
    if (d->about)
      cell(out, d->about, first_sentence(d->about));
    fputs(" |\n", out);
  }
}

static void mention_types(const nx_ruleset *rs, size_t cut, FILE *out)
{
  fputs("\n### Mention types: `{{@TYPE}}` in a frame's pattern\n\n"
        "| name | file |\n| --- | --- |\n",
        out);
  for (size_t i = 0; i < rs->ntypes; i++) {
    const struct nx_type *t = rs->types[i];
    if (t->mention)
      fprintf(out, "| `%s` | `%s` |\n", t->name,
              t->file ? shown(rs, t->file, cut) : "");
  }
}

/* The files a list was read from: the built-in one and the users'. */
static void list_files(const nx_ruleset *rs, const char *name, size_t cut,
                       FILE *out)
{
  bool first = true;
  size_t n = strlen(name);
  for (size_t f = 0; f < rs->nfiles; f++) {
    const char *path = rs->files[f].path;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!rs->files[f].list || strncmp(base, name, n) != 0 ||
        strcmp(base + n, ".list") != 0)
      continue;
    fprintf(out, "%s`%s`", first ? "" : ", ", shown(rs, path, cut));
    first = false;
  }
}

/* A list's first entries, "canonical => value", three at most. */
static void first_entries(const nx_wordlist *wl, FILE *out)
{
  const struct nx_word *seen[3];
  size_t nseen = 0, nforms = nx_wordlist_nforms(wl);
  for (size_t i = 0; i < nforms && nseen < 3; i++) {
    const char *form = nx_wordlist_form(wl, i);
    const struct nx_word *w = nx_wordlist_find(wl, form, strlen(form));
    if (w == NULL || (nseen && seen[nseen - 1] == w))
      continue;
    seen[nseen++] = w;
    fputs(nseen > 1 ? ", `" : "`", out);
    cell(out, w->canon, strlen(w->canon));
    if (w->value) {
      fputs(" => ", out);
      cell(out, w->value, strlen(w->value));
    }
    fputc('`', out);
  }
  if (nseen == 3 && nforms > 3)
    fputs(", …", out);
}

static void word_lists(const nx_ruleset *rs, size_t cut, FILE *out)
{
  fputs("\n### Word lists: `{{NAME}}` in a pattern, `canon`, `class` and "
        "`in` in a field\n\n"
        "| name | file | first entries |\n| --- | --- | --- |\n",
        out);
  for (size_t i = 0; i < rs->nlists; i++) {
    const nx_wordlist *wl = rs->lists[i];
    fprintf(out, "| `%s` | ", nx_wordlist_name(wl));
    list_files(rs, nx_wordlist_name(wl), cut, out);
    fputs(" | ", out);
    first_entries(wl, out);
    fputs(" |\n", out);
  }
}

void nx_catalogue_write(const nx_ruleset *rs, FILE *out)
{
  size_t cut = builtin_prefix(rs);
  definitions(rs, cut, out);
  mention_types(rs, cut, out);
  word_lists(rs, cut, out);
  fputs("\n### Functions: what a field can compute\n\n", out);
  nx_expr_functions_markdown(out);
}
