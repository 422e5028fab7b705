/* record.c: see record.h. */
#include "record.h"

#include "dollar.h"
#include "rules_impl.h"
#include "text.h"
#include "utf8.h"
#include "wordlist.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where a record's subject (its company and symbol) came from: the
 * output's subject_from, from the most to the least direct. */
enum subject_from {
  FROM_NONE,      /* it has neither */
  FROM_MATCH,     /* the match's own words */
  FROM_ITEM,      /* the heading of the list item it stands in */
  FROM_SENTENCE,  /* a company named before it in its sentence */
  FROM_PARAGRAPH, /* ... in its paragraph or the one before */
  FROM_LEAD,      /* ... in the lead (the first two paragraphs) */
  FROM_DOCUMENT   /* the ticker or company the article names most */
};

static const char *const from_names[] = {
    NULL, "match", "item", "sentence", "paragraph", "lead", "document"};

/* A record on its way to the output: a hit that survived so far. */
struct rec {
  struct nx_hit *hit;
  bool dropped;
  enum subject_from from;
};

/* A name the document has given a ticker, or a ticker itself. */
/* Names and symbols are copies: the fields they came from may be set to
 * null or replaced while records are finished (reject_values,
 * inherit_fields), which frees the strings. */
struct entity {
  char *name;
  char *symbol;
  bool rejected; /* a type's reject list holds it: never inherited */
  bool heading;  /* a list item's heading names it: a subject, even when
                  * a reject list holds it ("AllianceBernstein - The
                  * financial stock added 2.56% on an upgrade ...") */
  bool stated;   /* a written record's own words name it as its subject:
                  * a company, even when it is also a broker ("lifted its
                  * target on Barclays ... its 'outperform' stance on the
                  * stock") */
};

struct doc {
  const nx_ruleset *rs;
  const char *text;
  size_t len;
  struct rec *recs;
  size_t n;
  struct entity *entities;
  size_t nentities;
  char **aliases; /* pairs: a short form, the full name it was given for */
  size_t naliases;
  size_t lead_end; /* end of the first two paragraphs */
  const struct entity *main;
  bool main_known; /* 'main' has been worked out */
  int list;        /* a list of companies (is_list); -1: not worked out */
  int items;       /* a list of headed items (has_items); -1: the same */
};

static const char *field_str(const struct nx_hit *h, const char *name)
{
  json_t *v = json_object_get(h->fields, name);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool field_missing(const struct nx_hit *h, const char *name)
{
  json_t *v = json_object_get(h->fields, name);
  return v == NULL || json_is_null(v);
}

static const struct nx_type *type_of(const struct doc *d, const struct rec *r)
{
  return d->rs->types[d->rs->rules[r->hit->rule]->type];
}

/* True when a and b are equal but for ASCII case. */
static bool same_fold(const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
      return false;
  return *a == *b;
}

/* ---- overlap and exclusion ------------------------------------------------ */

/* Rules run in file order, so the first record over a stretch of text is
 * the most specific rule's; later overlapping ones of the same type are
 * dropped. One bit per byte of text and type keeps this linear. */
/* How many of the fields that say what a record states (the type's
 * dedupe fields and the action) it has. */
static size_t bound(const struct nx_type *t, const struct nx_hit *h)
{
  size_t n = !field_missing(h, "action");
  for (size_t i = 0; i < t->ndedupe; i++)
    n += !field_missing(h, t->dedupe[i]);
  return n;
}

/* Rule order is the first word on an overlap, but not the last: a later
 * match that contains every earlier record it overlaps and states more
 * than each (a frame that read the item's company where a phrasing rule
 * read only the broker's clause) replaces them. */
static bool replaces(struct doc *d, size_t i)
{
  const struct nx_hit *h = d->recs[i].hit;
  const struct nx_type *t = type_of(d, &d->recs[i]);
  size_t mine = bound(t, h);
  for (size_t k = 0; k < i; k++) {
    const struct rec *o = &d->recs[k];
    if (o->dropped || type_of(d, o) != t || o->hit->end <= h->start ||
        o->hit->start >= h->end)
      continue;
    if (o->hit->start < h->start || o->hit->end > h->end ||
        bound(t, o->hit) >= mine)
      return false;
  }
  for (size_t k = 0; k < i; k++) {
    struct rec *o = &d->recs[k];
    if (!o->dropped && type_of(d, o) == t && o->hit->end > h->start &&
        o->hit->start < h->end) {
      o->dropped = true;
      o->hit->drop = NX_DROP_REPLACED;
    }
  }
  return true;
}

static void drop_overlaps(struct doc *d)
{
  size_t ntypes = d->rs->ntypes;
  unsigned char **covered = xcalloc(ntypes, sizeof *covered);
  bool first_kept = false; /* of the last match that split into siblings */
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    size_t t = d->rs->rules[r->hit->rule]->type;
    if (r->hit->sibling) {
      /* The items of one split match stand or fall together. */
      if (!r->dropped && !first_kept) {
        r->dropped = true;
        r->hit->drop = NX_DROP_OVERLAP;
      }
      continue;
    }
    first_kept = false;
    if (r->dropped || d->rs->types[t]->overlap_keep) {
      first_kept = !r->dropped;
      continue; /* a vetoed match (kept for --explain) covers nothing */
    }
    if (covered[t] == NULL)
      covered[t] = xcalloc(d->len / 8 + 1, 1);
    unsigned char *bits = covered[t];
    bool overlap = false;
    for (size_t b = r->hit->start; b < r->hit->end && !overlap; b++)
      overlap = bits[b / 8] & (1u << (b % 8));
    if (overlap && !replaces(d, i)) {
      r->dropped = true;
      r->hit->drop = NX_DROP_OVERLAP;
      continue;
    }
    for (size_t b = r->hit->start; b < r->hit->end; b++)
      bits[b / 8] |= (unsigned char)(1u << (b % 8));
    first_kept = true;
  }
  for (size_t t = 0; t < ntypes; t++)
    free(covered[t]);
  free(covered);
}

static bool excluded(const struct nx_type *t, const struct nx_hit *h)
{
  if (t->exclude_list == NULL)
    return false;
  const char *v = field_str(h, t->exclude_field);
  return v && nx_wordlist_find(t->exclude_list, v, strlen(v));
}

/* ---- entities: names the document gave tickers ------------------------------ */

/* A document that names this many companies is a list of them. */
#define NX_LIST_ENTITIES 5

/* A document with this many item headings is a list of items. */
#define NX_LIST_ITEMS 3

/* An article names a few dozen companies; a cap keeps every lookup cheap
 * on a pathological page with thousands. */
#define MAX_ENTITIES 256

static void add_entity(struct doc *d, const char *name, const char *symbol)
{
  if (name == NULL || *name == '\0' || d->nentities == MAX_ENTITIES)
    return;
  for (size_t i = 0; i < d->nentities; i++)
    if (strcmp(d->entities[i].name, name) == 0)
      return;
  d->entities =
      xrealloc(d->entities, (d->nentities + 1) * sizeof *d->entities);
  d->entities[d->nentities++] =
      (struct entity){xstrdup(name), symbol ? xstrdup(symbol) : NULL, false,
                      false, false};
}

static void free_entities(struct doc *d)
{
  for (size_t i = 0; i < 2 * d->naliases; i++)
    free(d->aliases[i]);
  free(d->aliases);
  for (size_t i = 0; i < d->nentities; i++) {
    free(d->entities[i].name);
    free(d->entities[i].symbol);
  }
  free(d->entities);
}

static void collect_entities(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    const struct rec *r = &d->recs[i];
    if (r->dropped)
      continue;
    const struct nx_type *t = type_of(d, r);
    const char *symbol = field_str(r->hit, "symbol");
    if (t->aggregate && symbol && !d->rs->rules[r->hit->rule]->not_entity) {
      add_entity(d, field_str(r->hit, "name"), symbol);
      add_entity(d, symbol, symbol);
    }
  }
  /* Companies that rules named, after the ticker names so those win. */
  for (size_t i = 0; i < d->n; i++) {
    const char *company = field_str(d->recs[i].hit, "company");
    if (d->recs[i].dropped || company == NULL)
      continue;
    /* A short form in brackets ("Avenue Supermarts (DMart)") names no
     * company of its own: a call that names the short form is about the
     * full name. Many are not companies ("a Pre-Feasibility Study
     * (PFS)"), so neither is an entity. */
    const char *alias = field_str(d->recs[i].hit, "alias");
    /* ... unless the short form is the name's first word: "Mara
     * Holdings (Mara)" is a company. */
    if (alias && strncasecmp(company, alias, strlen(alias)) == 0 &&
        company[strlen(alias)] == ' ')
      add_entity(d, company, NULL);
    if (alias) {
      d->aliases =
          xrealloc(d->aliases, 2 * (d->naliases + 1) * sizeof *d->aliases);
      d->aliases[2 * d->naliases] = xstrdup(alias);
      d->aliases[2 * d->naliases++ + 1] = xstrdup(company);
      continue;
    }
    add_entity(d, company, NULL);
    if (d->rs->rules[d->recs[i].hit->rule]->item)
      for (size_t k = 0; k < d->nentities; k++)
        d->entities[k].heading |= strcmp(d->entities[k].name, company) == 0;
  }
}

/* True when 'name' stands at text[at] as a whole word. */
static bool word_at(const char *text, size_t len, size_t at, const char *name)
{
  size_t n = strlen(name);
  if (at + n > len || strncmp(text + at, name, n) != 0)
    return false;
  if (at > 0 && (isalnum((unsigned char)text[at - 1]) || text[at - 1] == '$'))
    return false;
  return at + n == len || !isalnum((unsigned char)text[at + n]);
}

/* The entity mentioned last in text[from, to), or NULL. */
static const struct entity *entity_named(const struct doc *d,
                                         const char *name)
{
  for (size_t i = 0; i < d->nentities; i++)
    if (strcmp(d->entities[i].name, name) == 0)
      return &d->entities[i];
  return NULL;
}

/* The entity mentioned last in text[from, to): where its name stands in
 * the text, or where a record that names it starts (a rule may normalise
 * the name, as "HARTWELL" -> "Hartwell"). NULL when none; else *where is
 * the offset of that mention. */
/* The first record that starts at 'from' or later (records are in text
 * order). */
static size_t first_record_from(const struct doc *d, size_t from)
{
  size_t lo = 0, hi = d->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->recs[mid].hit->start < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static const struct entity *last_entity(const struct doc *d, size_t from,
                                        size_t to, size_t *where)
{
  const struct entity *found = NULL;
  size_t found_at = 0;
  for (size_t at = to; at-- > from && found == NULL;) {
    for (size_t i = 0; i < d->nentities && found == NULL; i++)
      if (!d->entities[i].rejected &&
          word_at(d->text, to, at, d->entities[i].name)) {
        found = &d->entities[i];
        found_at = at;
      }
  }
  /* A longer name that ends where it does is the one written: "TNL
   * Mediagene", not "Mediagene". */
  for (size_t i = 0; found && i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    size_t n = strlen(e->name), end = found_at + strlen(found->name);
    if (!e->rejected && n > strlen(found->name) && end >= from + n &&
        word_at(d->text, to, end - n, e->name)) {
      found = e;
      found_at = end - n;
    }
  }
  /* Records are in text order: start at the first one in the window. */
  for (size_t i = first_record_from(d, from); i < d->n && d->recs[i].hit->start < to; i++) {
    const struct nx_hit *h = d->recs[i].hit;
    const char *company = field_str(h, "company");
    if (d->recs[i].dropped || company == NULL ||
        (found && h->start <= found_at))
      continue;
    const struct entity *e = entity_named(d, company);
    if (e && !e->rejected) {
      found = e;
      found_at = h->start;
    }
  }
  *where = found_at;
  return found;
}

/* The symbol a company name stands for: the name itself (or the symbol
 * in another case, "Suntv"), a name that starts with it ("Cipher" for
 * "Cipher Mining"), or one it starts with ("Cipher Mining Inc." for
 * "Cipher Mining"). */
static const char *symbol_for(const struct doc *d, const char *company)
{
  size_t n = strlen(company);
  for (size_t i = 0; i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    if (e->symbol && strcmp(e->name, company) == 0)
      return e->symbol;
  }
  /* "Suntv" is SUNTV: a name that is a symbol but for case. */
  for (size_t i = 0; i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    if (e->symbol && strcmp(e->name, e->symbol) == 0 && same_fold(e->name, company))
      return e->symbol;
  }
  for (size_t i = 0; i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    size_t m = strlen(e->name);
    if (e->symbol == NULL)
      continue;
    if (m > n && strncmp(e->name, company, n) == 0 && e->name[n] == ' ')
      return e->symbol;
    if (n > m && strncmp(company, e->name, m) == 0 && company[m] == ' ')
      return e->symbol;
  }
  return NULL;
}

/* ---- inheritance from context ------------------------------------------------ */

/* True when text[start, end) is the subject a written record's match
 * names: "lifted its price target on Barclays" makes that "Barclays" a
 * company, not the broker of "and repeated its 'outperform' stance". */
static bool names_subject(const struct doc *d, size_t start, size_t end)
{
  for (size_t i = 0; i < d->n && d->recs[i].hit->start <= start; i++) {
    const struct rec *r = &d->recs[i];
    const char *f = nx_type_subject(type_of(d, r));
    const char *company = f && !r->dropped && r->from == FROM_MATCH
                              ? field_str(r->hit, f)
                              : NULL;
    if (company && r->hit->end >= end &&
        strlen(company) == end - start &&
        strncmp(company, d->text + start, end - start) == 0)
      return true;
  }
  return false;
}

/* True when text[start, end) names the company the article is about
 * ('main', by its ticker): "JPMorgan lowered Citigroup ... and set a
 * $57.50 price target" in a story on Citigroup (C), where Citigroup is
 * not the broker. */
static bool names_main(const struct doc *d, const struct entity *main,
                       size_t start, size_t end)
{
  if (main == NULL || main->symbol == NULL)
    return false;
  for (size_t i = 0; i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    if (e->symbol && strcmp(e->symbol, main->symbol) == 0 &&
        strlen(e->name) == end - start &&
        strncmp(e->name, d->text + start, end - start) == 0)
      return true;
  }
  return false;
}

/* The last mention of a list entry in text[from, to), as its canonical
 * form, or NULL. Not one that a record or the article's main company
 * ('main') shows to be the subject. */
static const char *last_mention(const struct doc *d,
                                const struct nx_inherit *in,
                                const struct entity *main,
                                pcre2_match_data *md, size_t from, size_t to)
{
  const char *found = NULL;
  size_t at = from;
  struct nx_inherit *slot = (struct nx_inherit *)in; /* its JIT cache */
  const pcre2_code *re = nx_lazy_jit(d->rs, in->mention, &slot->mention_jit);
  while (at < to) {
    int rc = pcre2_match(re, (PCRE2_SPTR)d->text, to, at,
                         PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc < 0)
      break;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    const struct nx_word *w =
        nx_wordlist_find(in->list, d->text + ov[0], ov[1] - ov[0]);
    if (w && !names_subject(d, ov[0], ov[1]) &&
        !names_main(d, main, ov[0], ov[1]))
      found = w->canon;
    at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
  }
  return found;
}

static const struct entity *main_of(struct doc *d);
static bool has_items(struct doc *d);
static const struct nx_hit *item_above(const struct doc *d,
                                       const struct rec *r, size_t ps);

static void inherit_from_list(struct doc *d, struct rec *r,
                              const struct nx_inherit *in,
                              pcre2_match_data *md)
{
  const struct entity *main = main_of(d);
  size_t s, e, ps, pe;
  nx_text_sentence(d->rs->abbrevs, d->text, d->len, r->hit->start, &s, &e);
  nx_text_paragraph(d->text, d->len, r->hit->start, &ps, &pe);
  const char *v = last_mention(d, in, main, md, s, r->hit->start);
  if (v == NULL)
    v = last_mention(d, in, main, md, r->hit->start, e);
  if (v == NULL)
    v = last_mention(d, in, main, md, ps, r->hit->start);
  if (v == NULL && ps >= 2) {
    size_t qs, qe;
    nx_text_paragraph(d->text, d->len, ps - 2, &qs, &qe);
    v = last_mention(d, in, main, md, qs, qe);
  }
  /* In a list, the item's heading and the lines under it: "Jarden on
   * Tern Lithium: UPGRADED ...", a quote, then "Target raised to ...". */
  const struct nx_hit *heading =
      v == NULL && has_items(d) ? item_above(d, r, ps) : NULL;
  if (heading)
    v = last_mention(d, in, main, md, heading->start, r->hit->start);
  if (v == NULL && ps >= d->lead_end)
    v = last_mention(d, in, main, md, 0, d->lead_end);
  if (v)
    json_object_set_new(r->hit->fields, in->field, json_string(v));
}

/* How often 'name' stands in the text as a whole word. */
static size_t count_word(const struct doc *d, const char *name)
{
  size_t n = 0;
  const char *end = d->text + d->len;
  for (const char *p = d->text; (p = memchr(p, name[0], (size_t)(end - p)));
       p++)
    n += word_at(d->text, d->len, (size_t)(p - d->text), name);
  return n;
}

/* Without a ticker, the company an article names most, at least three
 * times and more than any other: "Mindtree" in a story on Mindtree whose
 * brokers' calls say "the stock". */
static const struct entity *main_company(const struct doc *d)
{
  const struct entity *best = NULL;
  size_t best_n = 0, runner_up = 0;
  for (size_t i = 0; i < d->nentities; i++) {
    if (d->entities[i].rejected)
      continue;
    size_t n = count_word(d, d->entities[i].name);
    if (n > best_n) {
      runner_up = best_n;
      best_n = n;
      best = &d->entities[i];
    } else if (n > runner_up)
      runner_up = n;
  }
  return best_n >= 3 && best_n > runner_up ? best : NULL;
}

/* True when the document is a list of companies (a round-up, a table of
 * calls): it names NX_LIST_ENTITIES or more. It has no main company, and
 * its lead is not about the record of item 7: a record there that names
 * none takes its item's or sentence's company or stays without one. */
static bool is_list(struct doc *d)
{
  if (d->list >= 0)
    return d->list;
  size_t named = 0;
  for (size_t i = 0; i < d->nentities && named < NX_LIST_ENTITIES; i++) {
    bool seen = false;
    for (size_t k = 0; k < i && !seen; k++)
      seen = strcmp(d->entities[k].name, d->entities[i].name) == 0 ||
             (d->entities[i].symbol && d->entities[k].symbol &&
              strcmp(d->entities[k].symbol, d->entities[i].symbol) == 0);
    named += !seen;
  }
  d->list = named >= NX_LIST_ENTITIES;
  return d->list;
}

/* True when the document is a list of items with their own headings
 * (records of "item = yes" rules: a round-up's "Pfizer -", a research
 * list's "ABB :", a heading line): NX_LIST_ITEMS or more of them. Its
 * lead is not about a call that stands under none of them. */
static bool has_items(struct doc *d)
{
  if (d->items >= 0)
    return d->items;
  size_t n = 0;
  for (size_t i = 0; i < d->n && n < NX_LIST_ITEMS; i++)
    n += d->rs->rules[d->recs[i].hit->rule]->item &&
         d->recs[i].hit->drop == NX_KEPT;
  d->items = n >= NX_LIST_ITEMS;
  return d->items;
}

/* A paragraph shorter than this is a list item, and a record in a run of
 * them looks back over at most SHORT_ITEMS of them for its company. */
#define SHORT_ITEM 300
#define SHORT_ITEMS 4

/* How many paragraphs back a list item's heading still heads a record. */
#define ITEM_PARAGRAPHS 4

/* In a list of items with headings, the heading of the item whose line
 * a record stands on: the last record of an "item = yes" rule up to
 * ITEM_PARAGRAPHS paragraphs before the record's paragraph (at ps), when
 * that paragraph is a short line and no call between them names a
 * company of its own (that is another item). "Jarden on Tern Lithium
 * (ASX: TLX): UPGRADED TO NEUTRAL", a quoted paragraph, then "Target
 * raised to $0.10 from $0.07": the target's company is Tern Lithium, its
 * broker Jarden. A paragraph of prose after the list is no item's line.
 * NULL when none. */
static const struct nx_hit *item_above(const struct doc *d,
                                       const struct rec *r, size_t ps)
{
  size_t pe, from = ps;
  nx_text_paragraph(d->text, d->len, ps, &from, &pe);
  if (pe - ps >= SHORT_ITEM)
    return NULL;
  for (int k = 0; k < ITEM_PARAGRAPHS && from >= 2; k++) {
    size_t qs, qe;
    nx_text_paragraph(d->text, d->len, from - 2, &qs, &qe);
    from = qs;
  }
  for (size_t i = first_record_from(d, r->hit->start); i-- > 0;) {
    const struct rec *o = &d->recs[i];
    const struct nx_hit *h = o->hit;
    if (h->start < from)
      break;
    if (d->rs->rules[h->rule]->item && field_str(h, "company") &&
        (h->drop == NX_KEPT || h->drop == NX_DROP_OVERLAP))
      return h;
    if (!o->dropped && o->from == FROM_MATCH)
      return NULL;
  }
  return NULL;
}

/* The ticker the article is about: the one its ticker records (the
 * aggregated type's, as counted in "mentions") name most, when one stands
 * out. Derived from the records, not by scanning the text again. */
static const struct entity *main_entity(const struct doc *d)
{
  const struct entity *best = NULL;
  size_t best_n = 0, runner_up = 0;
  for (size_t i = 0; i < d->nentities; i++) {
    const struct entity *e = &d->entities[i];
    if (e->rejected || e->symbol == NULL || strcmp(e->name, e->symbol) != 0)
      continue;
    size_t n = 0;
    for (size_t k = 0; k < d->n; k++) {
      const struct rec *r = &d->recs[k];
      const char *symbol = field_str(r->hit, "symbol");
      n += !r->dropped && type_of(d, r)->aggregate && symbol &&
           strcmp(symbol, e->symbol) == 0;
    }
    if (n > best_n) {
      runner_up = best_n;
      best_n = n;
      best = e;
    } else if (n > runner_up)
      runner_up = n;
  }
  if (best_n > runner_up)
    return best;
  return main_company(d);
}

/* main_entity, worked out once. */
static const struct entity *main_of(struct doc *d)
{
  if (!d->main_known) {
    d->main = main_entity(d);
    d->main_known = true;
  }
  return d->main;
}

/* True when e is the article's main company, by name or ticker. */
static bool is_main(struct doc *d, const struct entity *e)
{
  const struct entity *m = main_of(d);
  return m && (m == e || (m->symbol && e->symbol &&
                          strcmp(m->symbol, e->symbol) == 0));
}

/* The entry of 'list' that 'value' is (a possessive "UBS'" read as
 * "UBS"), or NULL. */
static const struct nx_word *listed(const nx_wordlist *list, const char *value)
{
  size_t n = strlen(value);
  if (n >= 2 && strcmp(value + n - 2, "'s") == 0)
    n -= 2;
  else if (n >= 1 && value[n - 1] == '\'')
    n--;
  return n ? nx_wordlist_find(list, value, n) : NULL;
}

/* True when 'name' is, by t's reject list, the record's own broker
 * ("Morgan Stanley" in a Morgan Stanley note, "JPM" beside JPMorgan). */
static bool own_broker(const struct doc *d, const struct nx_type *t,
                       const struct rec *r, const char *name)
{
  const char *broker = field_str(r->hit, "broker");
  if (t->reject_list == NULL || broker == NULL)
    return false;
  const struct nx_word *b = listed(t->reject_list, broker);
  /* The symbols of the entities called 'name': another entity with one
   * of them is the same company. Found once, not once per entity. */
  const char **symbols = NULL;
  size_t nsymbols = 0;
  for (size_t k = 0; k < d->nentities; k++)
    if (d->entities[k].symbol && strcmp(d->entities[k].name, name) == 0) {
      symbols = xrealloc(symbols, (nsymbols + 1) * sizeof *symbols);
      symbols[nsymbols++] = d->entities[k].symbol;
    }
  bool own = false;
  for (size_t i = 0; i < d->nentities && !own; i++) {
    const struct entity *e = &d->entities[i];
    bool same = strcmp(e->name, name) == 0;
    for (size_t k = 0; !same && e->symbol && k < nsymbols; k++)
      same = strcmp(e->symbol, symbols[k]) == 0;
    const struct nx_word *w = same ? listed(t->reject_list, e->name) : NULL;
    own = w && (w == b || strcmp(w->canon, broker) == 0);
  }
  free(symbols);
  if (own)
    return true;
  const struct nx_word *w = listed(t->reject_list, name);
  return w && (w == b || strcmp(w->canon, broker) == 0);
}

/* Applies the types' reject lists. A record's own broker is not its
 * company: that value becomes null ("JPMorgan ... its rating on JPM").
 * Inheritance passes over a listed name that the article gives no ticker
 * ("UOB Kay Hian"); a listed name with a ticker ("Bank of America (NYSE:
 * BAC)") is a company to inherit. */
static void reject_values(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    const struct rec *r = &d->recs[i];
    const struct nx_type *t = type_of(d, r);
    const char *f = nx_type_subject(t);
    const char *company = f && !r->dropped ? field_str(r->hit, f) : NULL;
    if (company == NULL || d->rs->rules[r->hit->rule]->no_output ||
        own_broker(d, t, r, company))
      continue;
    for (size_t k = 0; k < d->nentities; k++)
      d->entities[k].stated |= strcmp(d->entities[k].name, company) == 0;
  }
  for (size_t t = 0; t < d->rs->ntypes; t++) {
    const struct nx_type *type = d->rs->types[t];
    for (size_t i = 0; type->reject_list && i < d->nentities; i++)
      if (d->entities[i].symbol == NULL && !d->entities[i].heading &&
          !d->entities[i].stated &&
          listed(type->reject_list, d->entities[i].name))
        d->entities[i].rejected = true;
  }
  for (size_t i = 0; i < d->n; i++) {
    const struct rec *r = &d->recs[i];
    const struct nx_type *t = type_of(d, r);
    const char *v = t->reject_list ? field_str(r->hit, t->reject_field) : NULL;
    if (v == NULL)
      continue;
    if (own_broker(d, t, r, v))
      json_object_set_new(r->hit->fields, t->reject_field, json_null());
  }
}

/* The entity last mentioned in text[from, to) that is not r's own broker
 * ("JPMorgan (NYSE:JPM) raised its target ...": JPM is the broker, the
 * company was named before it). */
static const struct entity *last_company(const struct doc *d,
                                         const struct rec *r, size_t from,
                                         size_t to, size_t *at)
{
  const struct nx_type *t = type_of(d, r);
  const struct entity *e = last_entity(d, from, to, at);
  while (e && *at > from && own_broker(d, t, r, e->name))
    e = last_entity(d, from, *at, at);
  return e && own_broker(d, t, r, e->name) ? NULL : e;
}

/* True when text[from, to) holds a record that states its own subject:
 * another item of a list of calls ("Roth Capital analyst ... raised the
 * firm's price target on Ideaya ..."), whose company is not that of a
 * later call that names none. */
static bool own_call(const struct doc *d, size_t from, size_t to)
{
  for (size_t i = 0; i < d->n && d->recs[i].hit->start < to; i++)
    if (d->recs[i].hit->start >= from && !d->recs[i].dropped &&
        d->recs[i].from == FROM_MATCH)
      return true;
  return false;
}

/* True when a list item's heading (a record of an "item = yes" rule)
 * that starts in text[from, to) names 'name': that name, or one with its
 * ticker ("GMG" in "UBS on Goodman Group (ASX: GMG):"). With 'carried',
 * also when a record there inherited 'name' from its item's heading: the
 * item's next line ("- MAINTAIN ADD" then "- Price target of $1.40"
 * under "Tern (Sept 6: $1.05)") is still under that heading. */
static bool item_in(const struct doc *d, size_t from, size_t to,
                    const char *name, bool carried)
{
  const char *symbol = symbol_for(d, name);
  for (size_t i = first_record_from(d, from); i < d->n && d->recs[i].hit->start < to; i++) {
    const struct nx_hit *h = d->recs[i].hit;
    const char *company = field_str(h, "company");
    const char *its = company ? symbol_for(d, company) : NULL;
    bool heading = d->rs->rules[h->rule]->item ||
                   (carried && d->recs[i].from == FROM_ITEM);
    if (heading && company &&
        (h->drop == NX_KEPT || h->drop == NX_DROP_OVERLAP) &&
        (same_fold(company, name) ||
         (symbol && its && strcmp(symbol, its) == 0)))
      return true;
  }
  return false;
}

/* The list marker a paragraph starts with ('*', '-' or a bullet's first
 * byte) when a space or a second marker follows it, else 0. */
static int list_marker(const struct doc *d, size_t ps)
{
  size_t i = ps;
  while (i < d->len && d->text[i] == ' ')
    i++;
  size_t n = strncmp(d->text + i, "\u2022", 3) == 0 ? 3 : 1;
  if (i + n >= d->len || (n == 1 && d->text[i] != '*' && d->text[i] != '-'))
    return 0;
  char next = d->text[i + n];
  return next == ' ' || next == '\\' || next == d->text[i]
             ? (unsigned char)d->text[i]
             : 0;
}

/* True when the paragraph at ps and the one at qs are items of one list
 * (they start with the same marker) and the earlier one is a whole item:
 * a call whose match names its company, or one beside its item's
 * heading ("* Alder Foods : Jefferies raises target price ..."). Its
 * company is not that of "* Barclays cuts target price ..." below it. */
static bool sibling_item(const struct doc *d, size_t ps, size_t qs, size_t qe)
{
  int m = list_marker(d, ps);
  if (m == 0 || m != list_marker(d, qs))
    return false;
  bool heading = false, call = false;
  for (size_t i = 0; i < d->n && d->recs[i].hit->start < qe; i++) {
    const struct rec *o = &d->recs[i];
    if (o->hit->start < qs || o->hit->drop != NX_KEPT)
      continue;
    heading |= d->rs->rules[o->hit->rule]->item;
    call |= o->from == FROM_ITEM;
    if (o->from == FROM_MATCH)
      return true;
  }
  return heading && call;
}

/* True when the words just before r's match (in its sentence, which
 * starts at ss) or its first words say "the former". */
static bool says_former(const struct doc *d, const struct rec *r, size_t ss)
{
  static const char word[] = "the former";
  size_t n = sizeof word - 1;
  size_t from = r->hit->start > ss + 20 ? r->hit->start - 20 : ss;
  size_t to = r->hit->start + 8 < r->hit->end ? r->hit->start + 8 : r->hit->end;
  for (size_t at = from; at + n <= to; at++)
    if (strncasecmp(d->text + at, word, n) == 0)
      return true;
  return false;
}

/* True when two entities are one company: one name, or one symbol. */
static bool same_company(const struct entity *a, const struct entity *b)
{
  return strcmp(a->name, b->name) == 0 ||
         (a->symbol && b->symbol && strcmp(a->symbol, b->symbol) == 0);
}

/* A ticker stands for the company the article named with it: "HRBR"
 * reads as "Harbor Rail". e itself when it is no ticker or has no name. */
static const struct entity *named_with(const struct doc *d,
                                       const struct entity *e)
{
  if (e->symbol == NULL || strcmp(e->name, e->symbol) != 0)
    return e;
  for (size_t i = 0; i < d->nentities; i++)
    if (d->entities[i].symbol && strcmp(d->entities[i].symbol, e->symbol) == 0 &&
        strcmp(d->entities[i].name, e->symbol) != 0)
      return &d->entities[i];
  return e;
}

/* The company a record is about when its sentence does not say: the last
 * one named before it in its paragraph, else in the paragraph before (in a
 * run of short items, the nearest item before that names one), else in
 * the lead, else the article's main ticker. */
static void inherit_entity(struct doc *d, struct rec *r,
                           const struct nx_inherit *in)
{
  size_t ps, pe, ss, se, at = 0;
  nx_text_paragraph(d->text, d->len, r->hit->start, &ps, &pe);
  nx_text_sentence(d->rs->abbrevs, d->text, d->len, r->hit->start, &ss, &se);
  enum subject_from from = FROM_PARAGRAPH;
  /* A company the match names where its rule read none ("kept its buy
   * rating on Cipher Mining (CIFR) and doubled its target to $12") comes
   * first, then one named before it. Past the match's first byte: a
   * record of another type over the same words has no company of its
   * own to give. */
  size_t win_from = r->hit->start + 1, win_to = r->hit->end; /* where e was found */
  const struct entity *e = last_company(d, r, win_from, win_to, &at);
  if (e == NULL) {
    win_from = ps;
    win_to = r->hit->start;
    e = last_company(d, r, ps, r->hit->start, &at);
    /* "A and B ... the former's target": the one named before the last. */
    const struct entity *last = e;
    while (e && says_former(d, r, ss) && at > ps &&
           (e == last || same_company(e, last)))
      e = last_company(d, r, ps, at, &at);
    if (e == NULL)
      e = last;
    /* "subject = topic": the paragraph's first company ("Kestrel raised
     * its Tern Oil target ..., and its Osprey target ... Other brokers
     * are also positive: Berenberg (2,900p, 'buy'), ..." is about Tern
     * Oil). */
    size_t first_at = at;
    const struct entity *first = e;
    while (first && d->rs->rules[r->hit->rule]->topic) {
      e = first;
      at = first_at;
      if (at <= ps)
        break;
      first = last_company(d, r, ps, at, &first_at);
    }
  }
  /* The paragraph before; in a list of short items (a wire's "** ..."
   * bullets, each a paragraph) up to SHORT_ITEMS items back, to the one
   * that names the company. Past the paragraph before, a company that
   * another call states as its own is that call's, not this one's ("keeps
   * an Overweight rating on the shares" in a feed of one-paragraph calls),
   * unless it is the item's heading or the article's main company: then
   * nothing is guessed. */
  size_t para = ps;
  bool short_items = pe - ps < SHORT_ITEM, blocked = false;
  for (int k = 0; e == NULL && para >= 2 && (k == 0 || short_items) &&
                  k < SHORT_ITEMS;
       k++) {
    size_t qs, qe;
    nx_text_paragraph(d->text, d->len, para - 2, &qs, &qe);
    e = last_company(d, r, qs, qe, &at);
    if (e && ((k > 0 && !item_in(d, qs, qe, e->name, true) && own_call(d, qs, qe) &&
               !is_main(d, e)) ||
              sibling_item(d, ps, qs, qe))) {
      e = NULL;
      blocked = true;
      break;
    }
    win_from = qs;
    win_to = qe;
    short_items = short_items && qe - qs < SHORT_ITEM;
    para = qs;
  }
  /* A list's item: its heading, past paragraphs that name no company
   * ("Jarden on Tern Lithium: UPGRADED ...", a long quote, then "Target
   * raised to $0.10"). */
  const struct nx_hit *heading =
      e == NULL && !blocked && has_items(d) ? item_above(d, r, ps) : NULL;
  if (heading) {
    e = entity_named(d, field_str(heading, "company"));
    e = e && !e->rejected ? e : NULL;
    at = win_from = heading->start;
    win_to = heading->start + 1;
  }
  if (e && item_in(d, win_from, win_to, e->name, true))
    from = FROM_ITEM;
  else if (e && at >= ss)
    from = FROM_SENTENCE;
  /* A list's lead and its most-named company are not what a call under
   * none of its headings is about. */
  if (e == NULL && !blocked && ps > d->lead_end && !has_items(d)) {
    e = last_company(d, r, 0, d->lead_end, &at);
    from = FROM_LEAD;
  }
  if (e == NULL && !blocked && !is_list(d) && !has_items(d)) {
    e = main_of(d);
    from = FROM_DOCUMENT;
  }
  if (e && own_broker(d, type_of(d, r), r, e->name))
    e = NULL;
  e = e ? named_with(d, e) : NULL;
  if (e) {
    json_object_set_new(r->hit->fields, in->field, json_string(e->name));
    r->from = from;
  }
}

/* A record that names a ticker or a short form is about the company the
 * article named with it: "on TGT" of "Target TGT" is about Target, "on
 * DMart" of "Avenue Supermarts (DMart)" about Avenue Supermarts; one that
 * names only a symbol, too. The symbol stays the ticker's ("HKEX
 * (00388)" gives 00388). */
static void spell_out(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    const char *f = r->dropped || d->rs->rules[r->hit->rule]->no_output
                        ? NULL
                        : nx_type_subject(type_of(d, r));
    const char *company = f ? field_str(r->hit, f) : NULL;
    /* A record that names only a symbol ("its target on DBS stock") is
     * about the company of that symbol, or one called so. */
    const char *symbol = f ? field_str(r->hit, "symbol") : NULL;
    if (f && company == NULL && symbol) {
      const struct entity *e = entity_named(d, symbol);
      company = e ? named_with(d, e)->name : symbol;
      json_object_set_new(r->hit->fields, f, json_string(company));
      continue;
    }
    for (size_t k = 0; company && k < d->naliases; k++)
      if (strcmp(d->aliases[2 * k], company) == 0) {
        json_object_set_new(r->hit->fields, f,
                            json_string(d->aliases[2 * k + 1]));
        company = NULL;
      }
    const struct entity *e = company ? entity_named(d, company) : NULL;
    const struct entity *full = e ? named_with(d, e) : NULL;
    if (full == NULL || full == e)
      continue;
    if (field_missing(r->hit, "symbol"))
      json_object_set_new(r->hit->fields, "symbol", json_string(e->symbol));
    json_object_set_new(r->hit->fields, f, json_string(full->name));
  }
}

static void inherit_fields(struct doc *d)
{
  pcre2_match_data *md = pcre2_match_data_create(1, NULL);
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    if (r->dropped)
      continue;
    const struct nx_type *t = type_of(d, r);
    for (size_t k = 0; k < t->ninherits; k++) {
      const struct nx_inherit *in = &t->inherits[k];
      if (!field_missing(r->hit, in->field))
        continue;
      /* A record that names its ticker needs no company from context. */
      if (in->list == NULL && !field_missing(r->hit, "symbol"))
        continue;
      if (in->list)
        inherit_from_list(d, r, in, md);
      else
        inherit_entity(d, r, in);
    }
  }
  pcre2_match_data_free(md);
}

static void link_symbols(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    const struct nx_type *t = type_of(d, r);
    if (r->dropped || t->link == NULL || !field_missing(r->hit, "symbol"))
      continue;
    const char *name = field_str(r->hit, t->link);
    const char *symbol = name ? symbol_for(d, name) : NULL;
    if (symbol)
      json_object_set_new(r->hit->fields, "symbol", json_string(symbol));
  }
}

/* ---- which dollar ------------------------------------------------------------ */

/* The exchange a ticker record gave 'symbol', or NULL. */
static const char *exchange_of(const struct doc *d, const char *symbol)
{
  for (size_t i = 0; i < d->n; i++) {
    const struct rec *r = &d->recs[i];
    const char *s = field_str(r->hit, "symbol");
    const char *x = field_str(r->hit, "exchange");
    if (!r->dropped && x && s && type_of(d, r)->aggregate &&
        strcmp(s, symbol) == 0)
      return x;
  }
  return NULL;
}

/* A record whose amount is a bare "$" (read as USD) takes the dollar of
 * its company's market (dollar.h): a prefixed sign beside it ("to $18.40
 * from HK$16.90"), the exchange its symbol was listed with, what its
 * paragraph says, else what the whole document says (outweighing the US
 * evidence). */
static void local_dollars(struct doc *d)
{
  const nx_wordlist *markets = nx_ruleset_list(d->rs, "dollar_markets");
  const char *doc_dollar = NULL;
  bool doc_known = false;
  for (size_t i = 0; markets && i < d->n; i++) {
    struct rec *r = &d->recs[i];
    const char *cur = r->dropped ? NULL : field_str(r->hit, "currency");
    if (cur == NULL || strcmp(cur, "USD") != 0)
      continue;
    /* A record split from a list ("targets for A, B and C to $5, $6 and
     * $7") spans its item: the amounts are in its sentence. */
    size_t from = r->hit->start, to_end = r->hit->end;
    if (memchr(d->text + from, '$', to_end - from) == NULL)
      nx_text_sentence(d->rs->abbrevs, d->text, d->len, r->hit->start, &from,
                       &to_end);
    if (!nx_dollar_bare(d->text, from, to_end))
      continue;
    const char *to = nx_dollar_evidence(markets, d->text, from, to_end, false);
    const char *symbol = field_str(r->hit, "symbol");
    const char *x = symbol && !to ? exchange_of(d, symbol) : NULL;
    const struct nx_word *w = x ? nx_wordlist_find(markets, x, strlen(x)) : NULL;
    if (w)
      to = w->value;
    if (to == NULL) {
      size_t ps, pe;
      nx_text_paragraph(d->text, d->len, r->hit->start, &ps, &pe);
      to = nx_dollar_evidence(markets, d->text, ps, pe, false);
    }
    if (to == NULL) {
      if (!doc_known)
        doc_dollar = nx_dollar_evidence(markets, d->text, 0, d->len, true);
      doc_known = true;
      to = doc_dollar;
    }
    if (to && strcmp(to, "USD") != 0)
      json_object_set_new(r->hit->fields, "currency", json_string(to));
  }
}

/* ---- where the subject came from -------------------------------------------- */

static bool has_subject(const char *field, const struct nx_hit *h)
{
  return !field_missing(h, field) || !field_missing(h, "symbol");
}

/* Where the subject of a record that names its own came from: its words,
 * or the item heading its match starts with ("ABB : HSBC raises target
 * price ..."). A record whose subject reject_values took has none again,
 * and inherits. */
static void note_stated(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    const char *f = r->dropped ? NULL : nx_type_subject(type_of(d, r));
    if (f == NULL)
      continue;
    if (!has_subject(f, r->hit))
      r->from = FROM_NONE;
    else if (r->from == FROM_NONE) {
      const char *company = field_str(r->hit, f);
      r->from = company && item_in(d, r->hit->start, r->hit->end, company, false)
                    ? FROM_ITEM
                    : FROM_MATCH;
    }
  }
}

static void set_subject_from(json_t *fields, enum subject_from from)
{
  json_object_set_new(fields, "subject_from",
                      from == FROM_NONE ? json_null()
                                        : json_string(from_names[from]));
}

static void write_subject_from(struct doc *d)
{
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    if (!r->dropped && nx_type_subject(type_of(d, r)))
      set_subject_from(r->hit->fields, r->from);
  }
}

/* ---- ordering, duplicates, aggregation ---------------------------------------- */

static int by_position(const void *a, const void *b)
{
  const struct rec *x = a, *y = b;
  if (x->hit->start != y->hit->start)
    return x->hit->start < y->hit->start ? -1 : 1;
  return (x->hit->rule > y->hit->rule) - (x->hit->rule < y->hit->rule);
}

/* True when one name is the other's first words ("Fortis", "Fortis
 * Inc"), case aside. */
static bool short_for(const char *a, const char *b)
{
  size_t n = strlen(a), m = strlen(b);
  if (n > m) {
    const char *t = a;
    a = b;
    b = t;
    n = m;
  }
  return n > 0 && strncasecmp(a, b, n) == 0 && b[n] == ' ';
}

/* Two records state the same thing when no dedupe field has two
 * different values and at least two have the same one: a headline's
 * "upgraded to Outperform" and the body's "upgraded from Market Perform to
 * Outperform" are one statement. The linked field (the company) is not
 * compared when both records have a symbol: "Rivet Platforms" and "RVT"
 * are the same company once both link to RVT. With 'loose' (one record is
 * a weak rule's) the action is not compared. */
static bool same_statement(const struct nx_type *t, const struct nx_hit *a,
                           const struct nx_hit *b, bool loose)
{
  bool both_linked = !field_missing(a, "symbol") && !field_missing(b, "symbol");
  size_t shared = 0, n = t->ndedupe;
  for (size_t k = 0; k < n; k++) {
    const char *name = t->dedupe[k];
    if (both_linked && t->link && strcmp(name, t->link) == 0)
      continue;
    if (loose && strcmp(name, "action") == 0)
      continue;
    json_t *x = json_object_get(a->fields, name);
    json_t *y = json_object_get(b->fields, name);
    bool xn = x == NULL || json_is_null(x), yn = y == NULL || json_is_null(y);
    if (xn || yn)
      continue;
    /* A name differs only in case ("TNL MEdiagene", "TNL Mediagene"); a
     * company may be named short ("Fortis", "Fortis Inc"). */
    bool same = json_is_string(x) && json_is_string(y)
                    ? same_fold(json_string_value(x), json_string_value(y)) ||
                          (t->link && strcmp(name, t->link) == 0 &&
                           short_for(json_string_value(x),
                                     json_string_value(y)))
                    : json_equal(x, y);
    if (!same)
      return false;
    shared++;
  }
  return shared >= (n < 2 ? n : 2);
}

/* Fills keep's null fields from the duplicate. */
static void merge_into(struct nx_hit *keep, const struct nx_hit *dup)
{
  const char *key;
  json_t *v;
  json_object_foreach(dup->fields, key, v)
  {
    json_t *old = json_object_get(keep->fields, key);
    if (!json_is_null(v) && (old == NULL || json_is_null(old)))
      json_object_set(keep->fields, key, v);
  }
}

static void mark_duplicate(struct rec *dup, const struct rec *kept)
{
  dup->dropped = true;
  dup->hit->drop = NX_DROP_DUPLICATE;
  dup->hit->other = kept->hit->start;
}

/* Duplicates are looked for among this many earlier records of the same
 * type: all of them in an article, a bounded window on a page with
 * thousands of records. */
#define DEDUPE_WINDOW 256

struct kept_list {
  size_t *v; /* indices into d->recs of records kept so far */
  size_t n, cap;
};

/* Records are in text order: a duplicate merges into the first mention,
 * which keeps its span; but a record of a weak rule (a headline form)
 * yields to a later one from a normal rule, and its action, less precise
 * than the body's ("Citi On GAIL: Buy | Target Rs 250" then "hiked the
 * target price to Rs 250 from Rs 230"), is not compared. */
static void drop_duplicates(struct doc *d)
{
  size_t ntypes = d->rs->ntypes;
  struct kept_list *kept = xcalloc(ntypes, sizeof *kept);
  for (size_t i = 0; i < d->n; i++) {
    struct rec *r = &d->recs[i];
    size_t ti = d->rs->rules[r->hit->rule]->type;
    const struct nx_type *t = d->rs->types[ti];
    if (r->dropped || t->ndedupe == 0)
      continue;
    bool r_weak = d->rs->rules[r->hit->rule]->weak;
    struct kept_list *k = &kept[ti];
    size_t from = k->n > DEDUPE_WINDOW ? k->n - DEDUPE_WINDOW : 0;
    bool replaced = false;
    for (size_t j = from; j < k->n && !r->dropped; j++) {
      struct rec *q = &d->recs[k->v[j]];
      bool q_weak = d->rs->rules[q->hit->rule]->weak;
      if (q->dropped || !same_statement(t, q->hit, r->hit, q_weak != r_weak))
        continue;
      if (d->rs->rules[q->hit->rule]->weak && !r_weak) {
        merge_into(r->hit, q->hit);
        mark_duplicate(q, r); /* r may duplicate another earlier one too */
        replaced = true;
      } else {
        merge_into(q->hit, r->hit);
        mark_duplicate(r, q);
      }
    }
    if (r->dropped)
      continue;
    if (replaced) { /* forget the weak records r replaced */
      size_t w = from;
      for (size_t j = from; j < k->n; j++)
        if (!d->recs[k->v[j]].dropped)
          k->v[w++] = k->v[j];
      k->n = w;
    }
    if (k->n == k->cap) {
      k->cap = k->cap ? k->cap * 2 : 64;
      k->v = xrealloc(k->v, k->cap * sizeof *k->v);
    }
    k->v[k->n++] = i;
  }
  for (size_t t = 0; t < ntypes; t++)
    free(kept[t].v);
  free(kept);
}

/* ---- output ----------------------------------------------------------------- */

static json_t *output_record(const nx_ruleset *rs, const struct nx_hit *h,
                             const char *text,
                             const struct nx_page_text *page)
{
  const struct nx_type *t = rs->types[rs->rules[h->rule]->type];
  json_t *out = json_object();
  for (size_t k = 0; k < t->nfields; k++) {
    json_t *v = json_object_get(h->fields, t->fields[k]);
    json_object_set(out, t->fields[k], v ? v : json_null());
  }
  const char *key;
  json_t *v;
  json_object_foreach(h->fields, key, v)
  {
    if (json_object_get(out, key) == NULL)
      json_object_set(out, key, v);
  }
  if (t->aggregate)
    return out;
  json_object_set_new(out, "rule", json_string(rs->rules[h->rule]->name));
  size_t start = h->start, end = h->end;
  if (page) {
    text = page->text;
    start = nx_textmap_start(page->map, h->start);
    end = nx_textmap_end(page->map, h->end);
  }
  json_t *span = json_array();
  json_array_append_new(span, json_integer((json_int_t)start));
  json_array_append_new(span, json_integer((json_int_t)end));
  json_object_set_new(out, "span", span);
  json_object_set_new(out, "text", json_stringn(text + start, end - start));
  return out;
}

/* Adds a record to an aggregated list: merged with the one that has the
 * same key field, whose mention count grows and whose null fields are
 * filled. */
static void aggregate(json_t *list, const struct nx_type *t, json_t *rec)
{
  json_t *key = json_object_get(rec, t->aggregate);
  size_t i;
  json_t *old;
  json_array_foreach(list, i, old)
  {
    if (!json_equal(json_object_get(old, t->aggregate), key))
      continue;
    json_t *n = json_object_get(old, "mentions");
    json_object_set_new(old, "mentions",
                        json_integer(json_integer_value(n) + 1));
    const char *k;
    json_t *v;
    json_object_foreach(rec, k, v)
    {
      json_t *ov = json_object_get(old, k);
      if ((ov == NULL || json_is_null(ov)) && !json_is_null(v))
        json_object_set(old, k, v);
    }
    json_decref(rec);
    return;
  }
  json_object_set_new(rec, "mentions", json_integer(1));
  json_array_append_new(list, rec);
}

json_t *nx_record_document(const nx_ruleset *rs, const char *id,
                           const char *title, const char *text, size_t len,
                           struct nx_hits *hits,
                           const struct nx_page_text *page)
{
  struct doc d = {rs,    text, len,  NULL, hits->n, NULL, 0,
                  NULL, 0,    0,    NULL, false,   -1,   -1};
  d.recs = xcalloc(hits->n ? hits->n : 1, sizeof *d.recs);
  for (size_t i = 0; i < hits->n; i++) {
    d.recs[i].hit = &hits->v[i];
    d.recs[i].dropped = hits->v[i].drop != NX_KEPT;
  }
  size_t first_break = len, s;
  nx_text_paragraph(text, len, 0, &s, &first_break);
  nx_text_paragraph(text, len, first_break + 2 < len ? first_break + 2 : len,
                    &s, &d.lead_end);

  drop_overlaps(&d);
  for (size_t i = 0; i < d.n; i++)
    if (!d.recs[i].dropped &&
        excluded(type_of(&d, &d.recs[i]), d.recs[i].hit)) {
      d.recs[i].dropped = true;
      d.recs[i].hit->drop = NX_DROP_EXCLUDE;
    }
  /* From here on in text order: lookups of nearby records use it. */
  qsort(d.recs, d.n, sizeof *d.recs, by_position);
  collect_entities(&d);
  reject_values(&d);
  note_stated(&d);
  inherit_fields(&d);
  /* A broker that was inherited ("UBS' downgrade": the broker from the
   * list, the company read as "UBS'") may reject the company: test again
   * and let the record inherit one. */
  reject_values(&d);
  note_stated(&d);
  inherit_fields(&d);
  spell_out(&d);
  link_symbols(&d);
  local_dollars(&d);
  write_subject_from(&d);
  drop_duplicates(&d);

  json_t *doc = json_object();
  json_object_set_new(doc, "id", nx_utf8_json(id));
  json_object_set_new(doc, "title", title ? json_string(title) : json_null());
  for (size_t t = 0; t < rs->ntypes; t++)
    if (rs->types[t]->written)
      json_object_set_new(doc, rs->types[t]->name, json_array());
  for (size_t i = 0; i < d.n; i++) {
    const struct rec *r = &d.recs[i];
    if (r->dropped || rs->rules[r->hit->rule]->no_output)
      continue;
    const struct nx_type *t = type_of(&d, r);
    json_t *list = json_object_get(doc, t->name);
    json_t *rec = output_record(rs, r->hit, text, page);
    if (t->aggregate)
      aggregate(list, t, rec);
    else
      json_array_append_new(list, rec);
  }
  free(d.recs);
  free_entities(&d);
  return doc;
}

json_t *nx_record_bare(const nx_ruleset *rs, const struct nx_hit *hit,
                       const char *text)
{
  const struct nx_type *t = rs->types[rs->rules[hit->rule]->type];
  if (excluded(t, hit))
    return NULL;
  json_t *out = output_record(rs, hit, text, NULL);
  /* Without the document, a subject is the match's own. */
  const char *f = nx_type_subject(t);
  if (f)
    set_subject_from(out, has_subject(f, hit) ? FROM_MATCH : FROM_NONE);
  return out;
}
