/* content_impl.h: what the modules of content selection share: the
 * per-element measures and the analysis of one page (content.c), the
 * class and id hints (content_hints.c) and the cleaning inside the
 * article (content_clean.c). Not an interface: content.h is. */
#ifndef NX_CONTENT_IMPL_H
#define NX_CONTENT_IMPL_H

#include "content.h"
#include "rules_impl.h"

#include <stdbool.h>
#include <stddef.h>

#define NONE ((size_t)-1)

/* Subtree marks that say "the article is in here". */
enum { MARK_MAIN = 1 };

struct node {
  const struct nx_node *x;
  size_t parent; /* index, NONE for the body */
  size_t owner;  /* the nearest block (self included) that owns its text */
  /* Totals over the visible subtree, recomputed by each pass. */
  size_t text, link, own; /* characters; 'own' is text this block owns */
  unsigned commas, own_commas, paras, imgs, inputs, embeds, quotes;
  unsigned marks;
  size_t raw_text; /* 'text' of the first pass, before unlikely cuts */
  unsigned raw_marks;
  int weight;   /* class/id hints: +25 content, -25 boilerplate */
  bool bad;     /* a boilerplate hint (not only a negative one) */
  bool good;    /* a content hint */
  bool lead;    /* a standfirst hint */
  bool alive;   /* visible and not cut in the last pass */
  bool scored;  /* is a candidate */
  bool article; /* chosen: a root or inside one, never cleaned */
  double score;
};

struct nx_hints {
  pcre2_code *good, *bad, *neg, *lead;
  pcre2_match_data *md;
};

/* What the hint lists say of one class and id pair. Many elements of a
 * page share a class, so each pair is folded and matched once. */
struct verdict {
  const char *cls, *id; /* as in the tree ("" when absent); NULL: free */
  bool good, bad, neg;  /* 'neg' includes 'bad' */
  bool lead;
};

struct nx_content {
  struct node *v;
  size_t n, cap;
  size_t *slot; /* by element id: the index in v, or NONE */
  size_t nslot;
  const struct nx_node *body;
  struct nx_hints *h;
  struct verdict *verdicts; /* open addressing, 'vcap' a power of two */
  size_t nverdicts, vcap;
  const struct nx_node **roots;
  size_t nroots;
  bool relaxed;
  bool widened; /* no unlikely cuts, no class hints (nx_content_widen) */
};

/* The index of a measured element. */
static inline size_t index_of(const struct nx_content *c, const struct nx_node *x)
{
  return c->slot[x->id];
}

static inline bool measured(const struct nx_content *c, const struct nx_node *x)
{
  return x->id < c->nslot && c->slot[x->id] != NONE;
}

static inline double link_density(const struct node *nd)
{
  return nd->text ? (double)nd->link / (double)nd->text : 0.0;
}

/* Subheadings (h2 to h6): their class or id is an anchor, not a verdict
 * on their text (content.c). */
extern const nx_tagset nx_content_subheads;

/* The hints of no ruleset (nx_content_new without hints). */
extern struct nx_hints nx_content_no_hints;

/* Reads the class/id hints of nd's element into nd (content_hints.c). */
void nx_content_read_hints(struct nx_content *c, struct node *nd);

#endif /* NX_CONTENT_IMPL_H */
