/* content_hints.c: the class and id hints of content selection
 * (content.h): four word lists compiled into patterns once per thread,
 * and a verdict per class/id pair, judged once per page. */
#include "content_impl.h"

#include "dom.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct nx_hints nx_content_no_hints;

/* The list 'name' as "(?<![a-z0-9])(?:form|form|...)", compiled: a hint
 * matches at the start of a word of the folded class/id string, so
 * "relatedPosts" and "share-bar" hit "related" and "share", while "ad"
 * does not hit "header". When 'whole', only whole words: "lead" does not
 * hit "leading-normal". */
static pcre2_code *compile_list(const nx_ruleset *rs, const char *name,
                                bool whole)
{
  const nx_wordlist *wl = rs ? nx_ruleset_list(rs, name) : NULL;
  if (wl == NULL)
    return NULL;
  struct nx_buf pat;
  nx_buf_init(&pat, 0);
  nx_buf_adds(&pat, "(?<![a-z0-9])");
  nx_status st = nx_wordlist_pattern(wl, &pat);
  if (whole)
    nx_buf_adds(&pat, "(?![a-z0-9])");
  pcre2_code *re = NULL;
  if (st == NX_OK) {
    int code;
    PCRE2_SIZE off;
    re = pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                       PCRE2_UTF | PCRE2_EXTENDED | PCRE2_CASELESS, &code,
                       &off, NULL);
    if (re && !rs->no_jit) /* --no-jit: valgrind cannot follow JIT code */
      pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  }
  nx_buf_free(&pat);
  return re;
}

/* "storyBody share-bar_top" -> "story body share bar top": lower case,
 * a break at each lower-to-upper step and at every non-alphanumeric.
 * Writes at most 2 * strlen(s) bytes to out and returns how many. */
static size_t fold_hint(const char *s, char *out)
{
  size_t n = 0;
  char prev = ' ';
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (isalnum(c)) {
      if (isupper(c) && islower((unsigned char)prev))
        out[n++] = ' ';
      out[n++] = (char)tolower(c);
    } else
      out[n++] = ' ';
    prev = (char)c;
  }
  return n;
}

static bool hint_hits(struct nx_hints *h, pcre2_code *re, const char *s,
                      size_t len)
{
  return re && pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, h->md, NULL) >= 0;
}

static void judge(struct nx_hints *h, struct verdict *v)
{
  char small[512];
  size_t cap = 2 * (strlen(v->cls) + strlen(v->id)) + 1;
  char *s = cap <= sizeof small ? small : xmalloc(cap);
  size_t n = fold_hint(v->cls, s);
  s[n++] = ' ';
  n += fold_hint(v->id, s + n);
  v->good = hint_hits(h, h->good, s, n);
  v->bad = hint_hits(h, h->bad, s, n);
  v->neg = v->bad || hint_hits(h, h->neg, s, n);
  v->lead = hint_hits(h, h->lead, s, n);
  if (s != small)
    free(s);
}

static size_t verdict_slot(const struct nx_content *c, const char *cls,
                           const char *id)
{
  uint64_t h = 1469598103934665603ULL; /* FNV-1a over "cls\0id" */
  for (const char *s = cls;; s++) {
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    if (*s == '\0')
      break;
  }
  for (const char *s = id; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  size_t i = (size_t)h & (c->vcap - 1);
  while (c->verdicts[i].cls &&
         (strcmp(c->verdicts[i].cls, cls) || strcmp(c->verdicts[i].id, id)))
    i = (i + 1) & (c->vcap - 1);
  return i;
}

/* The verdict on the pair, judged on first sight. */
static const struct verdict *verdict_of(struct nx_content *c,
                                        const char *cls, const char *id)
{
  if ((c->nverdicts + 1) * 2 > c->vcap) {
    struct verdict *old = c->verdicts;
    size_t ncap = c->vcap;
    c->vcap = ncap ? ncap * 2 : 64;
    c->verdicts = xcalloc(c->vcap, sizeof *c->verdicts);
    for (size_t i = 0; i < ncap; i++)
      if (old[i].cls)
        c->verdicts[verdict_slot(c, old[i].cls, old[i].id)] = old[i];
    free(old);
  }
  struct verdict *v = &c->verdicts[verdict_slot(c, cls, id)];
  if (v->cls == NULL) {
    v->cls = cls;
    v->id = id;
    judge(c->h, v);
    c->nverdicts++;
  }
  return v;
}

void nx_content_read_hints(struct nx_content *c, struct node *nd)
{
  if (nd->x->nattrs == 0)
    return;
  const char *cls = nx_dom_attr(nd->x, "class");
  const char *id = nx_dom_attr(nd->x, "id");
  if (cls || id) {
    const struct verdict *v = verdict_of(c, cls ? cls : "", id ? id : "");
    nd->good = v->good;
    nd->bad = v->bad;
    nd->lead = v->lead;
    nd->weight = (v->good ? 25 : 0) - (v->neg ? 25 : 0);
  }
  if (nx_dom_attr_is(nd->x, "itemprop", "articlebody") ||
      nx_dom_attr_is(nd->x, "role", "main"))
    nd->good = true, nd->weight += 25;
}

nx_hints *nx_hints_new(const nx_ruleset *rs)
{
  nx_hints *h = xcalloc(1, sizeof *h);
  h->good = compile_list(rs, "content_hints", false);
  h->bad = compile_list(rs, "boilerplate_hints", false);
  h->neg = compile_list(rs, "negative_hints", false);
  h->lead = compile_list(rs, "lead_hints", true);
  h->md = pcre2_match_data_create(1, NULL);
  return h;
}

static size_t jitted(const pcre2_code *re)
{
  size_t size = 0;
  return re && pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &size) == 0 &&
         size > 0;
}

size_t nx_hints_jitted(const nx_hints *h)
{
  return jitted(h->good) + jitted(h->bad) + jitted(h->neg) +
         jitted(h->lead);
}

void nx_hints_free(nx_hints *h)
{
  if (h == NULL)
    return;
  pcre2_code_free(h->good);
  pcre2_code_free(h->bad);
  pcre2_code_free(h->neg);
  pcre2_code_free(h->lead);
  pcre2_match_data_free(h->md);
  free(h);
}
