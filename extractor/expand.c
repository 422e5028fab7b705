/* expand.c: see expand.h. Deciding whether a definition may be called needs
 * a little of PCRE2's syntax: where groups open and close, which options
 * they set, and what captures. The scanner below knows escapes, character
 * classes, comments (the patterns are compiled with PCRE2_EXTENDED) and
 * group openings; that is all these decisions read. */
#include "expand.h"

#include "gate_read.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_EXPANSION_DEPTH 16
#define MAX_GROUP_NAME 32 /* PCRE2's limit on a group name */
/* Shorter bodies are copied: a call costs more instructions than inline
 * code, which for a small group tried at every word outweighs the smaller
 * pattern (measured: 800 keeps matching time level and cuts start-up by a
 * fifth; calling everything cost 17% more instructions and 8% more time
 * on a text dump). */
#define CALL_MIN 800

/* ---- what a {{name}} refers to ------------------------------------------ */

struct item {
  struct nx_define *define; /* or */
  const nx_wordlist *list;  /* or */
  const struct nx_type *mention; /* {{@TYPE}}: one mention's character */
  const char *name;
  size_t len;
};

static bool find_item(const nx_ruleset *rs, const char *name, size_t len,
                      struct item *it)
{
  *it = (struct item){NULL, NULL, NULL, name, len};
  if (len > 1 && name[0] == '@') {
    for (size_t i = 0; i < rs->ntypes && !it->mention; i++)
      if (rs->types[i]->mention && strlen(rs->types[i]->name) == len - 1 &&
          strncmp(rs->types[i]->name, name + 1, len - 1) == 0)
        it->mention = rs->types[i];
    return it->mention != NULL;
  }
  for (size_t i = 0; i < rs->ndefines && !it->define; i++) {
    const char *d = rs->defines[i]->name;
    if (len > 0 && d[0] == name[0] && strncmp(d, name, len) == 0 &&
        d[len] == '\0')
      it->define = rs->defines[i];
  }
  if (it->define == NULL && len < 128) {
    char key[128];
    memcpy(key, name, len);
    key[len] = '\0';
    it->list = nx_ruleset_list(rs, key);
  }
  return it->define || it->list;
}

bool nx_expand_resolve(void *rs, const char *name, size_t len,
                       struct nx_gate_ref *out)
{
  struct item it;
  if (!find_item(rs, name, len, &it))
    return false;
  if (it.mention)
    *out = (struct nx_gate_ref){NX_GATE_REF_MENTION, it.mention->mention_code,
                                NULL, NULL};
  else if (it.define)
    *out = (struct nx_gate_ref){NX_GATE_REF_DEFINE, 0, it.define->pattern,
                                it.define};
  else
    *out = (struct nx_gate_ref){NX_GATE_REF_LIST, 0,
                                nx_wordlist_pattern_text(it.list), it.list};
  return true;
}

/* A mention type's character, as a pattern escape. */
static void add_mention(struct nx_buf *out, const struct nx_type *t)
{
  char esc[16];
  snprintf(esc, sizeof esc, "\\x{%X}", NX_MENTION_BASE + t->mention_code);
  nx_buf_adds(out, esc);
}

/* Finds the next {{name}} in src: false when there is none; on a '{{'
 * without '}}' also writes to bad. */
static bool next_reference(const char *src, const char **open,
                           const char **close, char *bad, size_t badsize)
{
  *open = strstr(src, "{{");
  if (*open == NULL)
    return false;
  *close = strstr(*open + 2, "}}");
  if (*close == NULL) {
    snprintf(bad, badsize, "'{{' without '}}'");
    return false;
  }
  return true;
}

/* ---- the inline form ---------------------------------------------------- */

static bool expand_inline(const nx_ruleset *rs, const char *src,
                          struct nx_buf *out, int depth, char *bad,
                          size_t badsize)
{
  if (depth > MAX_EXPANSION_DEPTH) {
    snprintf(bad, badsize, "definitions nested too deeply (a loop?)");
    return false;
  }
  const char *at = src, *open, *close;
  bad[0] = '\0';
  while (next_reference(at, &open, &close, bad, badsize)) {
    nx_buf_add(out, at, (size_t)(open - at));
    struct item it;
    if (!find_item(rs, open + 2, (size_t)(close - open - 2), &it)) {
      snprintf(bad, badsize, "no definition%s named '%.*s'",
               it.name[0] == '@' ? ", list or mention type" : " or list",
               (int)it.len, it.name);
      return false;
    }
    if (it.mention) {
      add_mention(out, it.mention);
    } else if (it.define) {
      it.define->used = 1;
      nx_buf_adds(out, "(?:");
      if (!expand_inline(rs, it.define->pattern, out, depth + 1, bad,
                         badsize))
        return false;
      /* A newline ends a trailing extended-mode comment in the define. */
      nx_buf_adds(out, "\n)");
    } else {
      nx_wordlist_pattern(it.list, out);
    }
    at = close + 2;
  }
  if (bad[0])
    return false;
  nx_buf_adds(out, at);
  return true;
}

bool nx_expand_inline(const nx_ruleset *rs, const char *src,
                      struct nx_buf *out, char *bad, size_t badsize)
{
  return expand_inline(rs, src, out, 0, bad, badsize);
}

/* ---- reading pattern syntax --------------------------------------------- */

/* Options that change what a called group matches: the group must be
 * defined under the same ones as its call site. */
enum { OPT_I = 1, OPT_M = 2, OPT_S = 4, OPT_OTHER = 8 };

/* p is at '['; returns the character after the class's ']'. */
static const char *skip_class(const char *p)
{
  p++;
  if (*p == '^')
    p++;
  if (*p == ']')
    p++; /* a ']' first is a literal */
  while (*p && *p != ']') {
    if (*p == '\\' && p[1])
      p += 2;
    else if (p[0] == '[' && p[1] == ':') {
      const char *end = strstr(p + 2, ":]");
      p = end ? end + 2 : p + 1;
    } else
      p++;
  }
  return *p ? p + 1 : p;
}

/* p is at '\\'; returns the character after the escape. */
static const char *skip_escape(const char *p)
{
  if (p[1] == 'Q') {
    const char *end = strstr(p + 2, "\\E");
    return end ? end + 2 : p + strlen(p);
  }
  return p[1] ? p + 2 : p + 1;
}

/* p is at '#' (a comment in extended mode); returns the next line. */
static const char *skip_comment(const char *p)
{
  const char *nl = strchr(p, '\n');
  return nl ? nl + 1 : p + strlen(p);
}

/* When p is at something that holds no group and sets no option (an
 * escape, a character class, a comment), returns the character after it;
 * otherwise NULL. */
static const char *skip_inert(const char *p)
{
  if (*p == '\\')
    return skip_escape(p);
  if (*p == '[')
    return skip_class(p);
  if (*p == '#')
    return skip_comment(p);
  if (p[0] == '(' && p[1] == '?' && p[2] == '#') {
    const char *end = strchr(p, ')');
    return end ? end + 1 : p + strlen(p);
  }
  return NULL;
}

/* p is just after "(?"; when an option setting such as "i-s:" or "^x)"
 * follows, applies it to *opts and returns the ':' or ')' after it;
 * otherwise returns NULL. */
static const char *read_options(const char *p, unsigned *opts)
{
  unsigned o = *opts;
  bool unset = false;
  for (; *p && *p != ':' && *p != ')'; p++) {
    unsigned bit = *p == 'i' ? OPT_I : *p == 'm' ? OPT_M : *p == 's' ? OPT_S : 0;
    if (bit)
      o = unset ? o & ~bit : o | bit;
    else if (*p == '-')
      unset = true;
    else if (*p == '^')
      o = (o & ~(unsigned)(OPT_I | OPT_M | OPT_S)) | OPT_OTHER; /* x too */
    else if (*p == 'x')
      o |= unset ? OPT_OTHER : 0;
    else if (*p == 'n' || *p == 'U' || *p == 'J')
      o |= OPT_OTHER;
    else
      return NULL; /* not an option setting: (?<name>, (?=, ... */
  }
  if (*p == '\0')
    return NULL;
  *opts = o;
  return p;
}

/* The options in effect at 'upto' in src, when 'opts' are at its start. */
static unsigned options_at(const char *src, const char *upto, unsigned opts)
{
  unsigned stack[64];
  size_t depth = 0; /* groups open; past 64 their options are not kept */
  for (const char *p = src; p < upto && *p;) {
    const char *next = skip_inert(p);
    if (next) {
      p = next;
    } else if (*p == '(') {
      if (depth < 64)
        stack[depth] = opts;
      depth++;
      unsigned inner = opts;
      const char *end = p[1] == '?' ? read_options(p + 2, &inner) : NULL;
      if (end && *end == ')') { /* (?i): to the end of the enclosing group */
        depth--;
        opts = inner;
        p = end + 1;
      } else {
        if (end) /* (?i: ...) */
          opts = inner;
        p = end ? end + 1 : p + 1;
      }
    } else if (*p == ')') {
      if (depth > 0 && --depth < 64)
        opts = stack[depth];
      p++;
    } else {
      p++;
    }
  }
  return opts;
}

/* A group may be called instead of copied when it captures nothing (a
 * call's captures are undone on return) and does not refer to other
 * groups, recurse, call out or use backtracking verbs, whose meaning may
 * change inside a call. */
bool nx_expand_self_contained(const char *pattern)
{
  for (const char *p = pattern; *p;) {
    if (*p == '\\' && (strchr("Kkg", p[1]) || (p[1] >= '1' && p[1] <= '9')))
      return false; /* \K, or a reference to a group */
    const char *next = skip_inert(p);
    if (next) {
      p = next;
    } else if (*p == '(') {
      if (p[1] != '?')
        return false; /* a capture, or (*VERB) */
      char c = p[2];
      if (c == '<' && p[3] != '=' && p[3] != '!')
        return false; /* (?<name> */
      if (strchr("'P(|R&+-C0123456789", c))
        return false;
      p += 2;
    } else {
      p++;
    }
  }
  return true;
}

/* ---- the called form ---------------------------------------------------- */

/* A definition or list as called under some options. */
struct variant {
  const void *item; /* its struct nx_define or nx_wordlist */
  unsigned opts;
  char name[MAX_GROUP_NAME + 1]; /* the group's name, prefix included */
  struct nx_buf body;
};

struct calls {
  const nx_ruleset *rs;
  struct variant *v;
  size_t n;
  char *bad;
  size_t badsize;
};

/* The group name of the variant numbered 'index': the prefix, the number
 * (which alone keeps names apart: "big" under (?i) and a definition
 * called "big_i" must not share one), then as much of the item's name as
 * fits, for whoever reads the pattern. */
static void variant_name(const struct item *it, size_t index, char *name)
{
  int n = snprintf(name, MAX_GROUP_NAME + 1, "%s%zu_", NX_EXPAND_PREFIX,
                   index);
  for (size_t i = 0; i < it->len && n > 0 && n < MAX_GROUP_NAME; i++)
    if (isalnum((unsigned char)it->name[i]) || it->name[i] == '_')
      name[n++] = it->name[i];
  name[n > 0 ? n : 0] = '\0';
}

static bool expand_called(struct calls *c, const char *src, unsigned opts,
                          struct nx_buf *out, int depth);

/* The variant of 'it' under 'opts', made (its body expanded) on first use;
 * NULL when 'it' must be copied inline. */
static struct variant *variant_of(struct calls *c, const struct item *it,
                                  unsigned opts, int depth, bool *ok)
{
  const void *item = it->define ? (const void *)it->define
                                 : (const void *)it->list;
  if (opts & OPT_OTHER)
    return NULL;
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].item == item && c->v[i].opts == opts)
      return &c->v[i];
  struct nx_buf body;
  nx_buf_init(&body, 0);
  if (it->define) {
    /* Whether it may be called depends on all it expands to: worked out
     * once per definition (nx_ruleset_compile clears what a change of
     * the rules would make stale). */
    if (it->define->callable == NX_CALLABLE_UNKNOWN) {
      struct nx_buf flat;
      nx_buf_init(&flat, 0);
      bool can = expand_inline(c->rs, it->define->pattern, &flat, depth,
                               c->bad, c->badsize) &&
                 flat.len >= CALL_MIN &&
                 nx_expand_self_contained(flat.data ? flat.data : "");
      nx_buf_free(&flat);
      if (c->bad[0])
        return NULL; /* expand_called reports it */
      it->define->callable = can ? NX_CALLABLE_YES : NX_CALLABLE_NO;
    }
    if (it->define->callable == NX_CALLABLE_NO)
      return NULL;
    *ok = expand_called(c, it->define->pattern, opts, &body, depth + 1);
  } else {
    nx_wordlist_pattern(it->list, &body);
    if (body.len < CALL_MIN) {
      nx_buf_free(&body);
      return NULL;
    }
  }
  c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
  struct variant *v = &c->v[c->n];
  v->item = item;
  v->opts = opts;
  variant_name(it, c->n, v->name);
  v->body = body;
  c->n++;
  return v;
}

static bool expand_called(struct calls *c, const char *src, unsigned opts,
                          struct nx_buf *out, int depth)
{
  if (depth > MAX_EXPANSION_DEPTH) {
    snprintf(c->bad, c->badsize, "definitions nested too deeply (a loop?)");
    return false;
  }
  const char *at = src, *open, *close;
  c->bad[0] = '\0';
  while (next_reference(at, &open, &close, c->bad, c->badsize)) {
    nx_buf_add(out, at, (size_t)(open - at));
    struct item it;
    if (!find_item(c->rs, open + 2, (size_t)(close - open - 2), &it)) {
      snprintf(c->bad, c->badsize, "no definition%s named '%.*s'",
               it.name[0] == '@' ? ", list or mention type" : " or list",
               (int)it.len, it.name);
      return false;
    }
    if (it.mention) {
      add_mention(out, it.mention);
      at = close + 2;
      continue;
    }
    unsigned here = options_at(src, open, opts);
    bool ok = true;
    struct variant *v = variant_of(c, &it, here, depth, &ok);
    if (!ok)
      return false;
    if (v) {
      nx_buf_adds(out, "(?&");
      nx_buf_adds(out, v->name);
      nx_buf_addc(out, ')');
    } else if (it.define) {
      nx_buf_adds(out, "(?:");
      if (!expand_called(c, it.define->pattern, here, out, depth + 1))
        return false;
      nx_buf_adds(out, "\n)");
    } else {
      nx_wordlist_pattern(it.list, out);
    }
    at = close + 2;
  }
  if (c->bad[0])
    return false;
  nx_buf_adds(out, at);
  return true;
}

bool nx_expand_called(const nx_ruleset *rs, const char *src,
                      struct nx_buf *out, char *bad, size_t badsize)
{
  struct calls c = {rs, NULL, 0, bad, badsize};
  bool ok = expand_called(&c, src, 0, out, 0);
  if (ok && c.n) {
    /* The pattern's own options hold at its end: each group states its
     * own, (?^x...) first clearing all but extended syntax. */
    nx_buf_adds(out, "\n(?(DEFINE)");
    for (size_t i = 0; i < c.n; i++) {
      const struct variant *v = &c.v[i];
      nx_buf_adds(out, "(?<");
      nx_buf_adds(out, v->name);
      nx_buf_adds(out, ">(?^x");
      nx_buf_adds(out, v->opts & OPT_I ? "i" : "");
      nx_buf_adds(out, v->opts & OPT_M ? "m" : "");
      nx_buf_adds(out, v->opts & OPT_S ? "s" : "");
      nx_buf_addc(out, ')');
      nx_buf_add(out, v->body.data ? v->body.data : "", v->body.len);
      nx_buf_adds(out, "\n)");
    }
    nx_buf_addc(out, ')');
  }
  for (size_t i = 0; i < c.n; i++)
    nx_buf_free(&c.v[i].body);
  free(c.v);
  return ok;
}
