/* content.c: see content.h. Per-element measures live in one array, in
 * the order the first pass meets the elements; 'slot' maps an element's
 * id (dom.h) to its index there, so the tree stays read-only. */
#include "content_impl.h"

#include "dom.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Characters of a text node with white space runs counted once (leading
 * and trailing ones not at all), and its commas. */
static size_t count_text(const unsigned char *s, unsigned *commas)
{
  size_t n = 0;
  bool space = false, any = false;
  for (; *s; s++) {
    if (isspace(*s)) {
      space = true;
      continue;
    }
    if ((*s & 0xC0) == 0x80)
      continue; /* a continuation byte: counted with its lead byte */
    if (space && any)
      n++;
    space = false;
    any = true;
    n++;
    if (*s == ',')
      (*commas)++;
    else if (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8C)
      (*commas)++; /* U+FF0C FULLWIDTH COMMA */
    else if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x81)
      (*commas)++; /* U+3001 IDEOGRAPHIC COMMA */
  }
  return n;
}

static const nx_tagset owners = {
    [NX_TAG_P] = 1,       [NX_TAG_DIV] = 1,        [NX_TAG_LI] = 1,
    [NX_TAG_TD] = 1,      [NX_TAG_TH] = 1,         [NX_TAG_DD] = 1,
    [NX_TAG_DT] = 1,      [NX_TAG_H1] = 1,         [NX_TAG_H2] = 1,
    [NX_TAG_H3] = 1,      [NX_TAG_H4] = 1,         [NX_TAG_H5] = 1,
    [NX_TAG_H6] = 1,      [NX_TAG_PRE] = 1,        [NX_TAG_SECTION] = 1,
    [NX_TAG_ARTICLE] = 1, [NX_TAG_MAIN] = 1,       [NX_TAG_BLOCKQUOTE] = 1,
    [NX_TAG_FIGCAPTION] = 1, [NX_TAG_CAPTION] = 1, [NX_TAG_ADDRESS] = 1,
    [NX_TAG_CENTER] = 1,  [NX_TAG_BODY] = 1,       [NX_TAG_FONT] = 1,
    [NX_TAG_SPAN] = 1};

static void set_slot(struct nx_content *c, unsigned id, size_t i)
{
  if (id >= c->nslot) {
    size_t n = c->nslot ? c->nslot : 256;
    while (n <= id)
      n *= 2;
    c->slot = xrealloc(c->slot, n * sizeof *c->slot);
    for (size_t k = c->nslot; k < n; k++)
      c->slot[k] = NONE;
    c->nslot = n;
  }
  c->slot[id] = i;
}

static size_t add_node(struct nx_content *c, const struct nx_node *x,
                       size_t parent)
{
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 256;
    c->v = xrealloc(c->v, c->cap * sizeof *c->v);
  }
  struct node *nd = &c->v[c->n];
  memset(nd, 0, sizeof *nd);
  nd->x = x;
  nd->parent = parent;
  set_slot(c, x->id, c->n);
  nx_content_read_hints(c, nd);
  return c->n++;
}

static const char *const unlikely_roles[] = {
    "navigation", "menu",   "menubar",     "complementary", "alert",
    "alertdialog", "dialog", "banner",     "contentinfo",   "search",
    "note",        NULL};

static const nx_tagset unlikely_tags = {
    [NX_TAG_NAV] = 1,    [NX_TAG_ASIDE] = 1, [NX_TAG_FOOTER] = 1,
    [NX_TAG_HEADER] = 1, [NX_TAG_FORM] = 1,  [NX_TAG_MENU] = 1};

/* A subheading's class or id is an anchor ("nav_the_next_part"), not a
 * verdict on its text: the hints neither cut nor drop one. */
const nx_tagset nx_content_subheads = {[NX_TAG_H2] = 1, [NX_TAG_H3] = 1,
                                       [NX_TAG_H4] = 1, [NX_TAG_H5] = 1,
                                       [NX_TAG_H6] = 1};

/* True when the element is boilerplate by its tag, role or class and
 * cannot hold the article: it has no content hint, no main marker under
 * it, and less than half of the page's text. */
static bool unlikely(const struct nx_content *c, const struct node *nd)
{
  if (c->widened || nd->x == c->body || nd->good)
    return false;
  size_t body_text = c->v[0].raw_text;
  if (nd->raw_text * 2 > body_text)
    return false;
  if (nx_dom_in(nd->x, unlikely_tags))
    return true;
  if (nd->raw_marks & MARK_MAIN)
    return false;
  if (nx_dom_is(nd->x, NX_TAG_A) || nx_dom_in(nd->x, nx_content_subheads))
    return false;
  return nd->bad || nx_dom_attr_in(nd->x, "role", unlikely_roles);
}

static void leave(struct nx_content *c, size_t i, unsigned *link_depth)
{
  struct node *nd = &c->v[i];
  if (nx_dom_is(nd->x, NX_TAG_A) && *link_depth)
    (*link_depth)--;
  if (nx_dom_is(nd->x, NX_TAG_P) && nd->text)
    nd->paras++;
  if (nx_dom_is(nd->x, NX_TAG_BLOCKQUOTE))
    nd->quotes++;
  if (nx_dom_is(nd->x, NX_TAG_MAIN) || nx_dom_is(nd->x, NX_TAG_H1) ||
      nx_dom_attr_is(nd->x, "itemprop", "articlebody") ||
      nx_dom_attr_is(nd->x, "role", "main"))
    nd->marks |= MARK_MAIN;
  if (nd->parent == NONE)
    return;
  struct node *up = &c->v[nd->parent];
  up->text += nd->text;
  up->link += nd->link;
  up->commas += nd->commas;
  up->paras += nd->paras;
  up->imgs += nd->imgs;
  up->inputs += nd->inputs;
  up->embeds += nd->embeds;
  up->quotes += nd->quotes;
  up->marks |= nd->marks;
}

/* Keeps what the first pass learnt (the hints, and the totals as raw_*)
 * and clears the rest, so nodes the second pass does not reach stay dead. */
static void reset(struct nx_content *c, bool first)
{
  for (size_t i = 0; i < c->n; i++) {
    struct node keep = c->v[i];
    struct node *nd = &c->v[i];
    memset(nd, 0, sizeof *nd);
    nd->x = keep.x;
    nd->parent = keep.parent;
    nd->weight = c->widened ? 0 : keep.weight;
    nd->good = keep.good;
    nd->bad = keep.bad;
    nd->lead = keep.lead;
    nd->raw_text = first ? keep.text : keep.raw_text;
    nd->raw_marks = first ? keep.marks : keep.raw_marks;
  }
}

static const nx_tagset inputs = {[NX_TAG_INPUT] = 1, [NX_TAG_TEXTAREA] = 1,
                                 [NX_TAG_SELECT] = 1, [NX_TAG_BUTTON] = 1};
static const nx_tagset embeds = {[NX_TAG_IFRAME] = 1, [NX_TAG_EMBED] = 1,
                                 [NX_TAG_OBJECT] = 1, [NX_TAG_VIDEO] = 1};

/* One measuring pass over the body. The first creates the nodes; the
 * second (after reset) recomputes every total with unlikely subtrees cut
 * out. */
static void measure(struct nx_content *c, bool first)
{
  unsigned link_depth = 0;
  const struct nx_node *x = c->body;
  while (x) {
    bool into = false;
    size_t parent = x == c->body ? NONE : index_of(c, x->parent);
    if (x->type == NX_NODE_ELEMENT) {
      size_t i = first ? add_node(c, x, parent) : index_of(c, x);
      struct node *nd = &c->v[i];
      nd->owner = parent != NONE && !nx_dom_in(x, owners) ? c->v[parent].owner
                                                           : i;
      if (parent != NONE) {
        if (nx_dom_is(x, NX_TAG_IMG))
          c->v[parent].imgs++;
        else if (nx_dom_in(x, inputs))
          c->v[parent].inputs++;
        else if (nx_dom_in(x, embeds))
          c->v[parent].embeds++;
      }
      if (!nx_dom_invisible(x) && (first || !unlikely(c, nd))) {
        nd->alive = true;
        into = true;
        if (nx_dom_is(x, NX_TAG_A))
          link_depth++;
      }
    } else if ((x->type == NX_NODE_TEXT || x->type == NX_NODE_CDATA) &&
               parent != NONE) {
      unsigned commas = 0;
      size_t n = count_text((const unsigned char *)x->content, &commas);
      struct node *up = &c->v[parent];
      up->text += n;
      up->commas += commas;
      if (link_depth)
        up->link += n;
      struct node *own = &c->v[up->owner];
      own->own += n;
      own->own_commas += commas;
    }
    if (into && x->children) {
      x = x->children;
      continue;
    }
    if (into)
      leave(c, index_of(c, x), &link_depth);
    while (x != c->body && x->next == NULL) {
      x = x->parent;
      leave(c, index_of(c, x), &link_depth);
    }
    if (x == c->body)
      break;
    x = x->next;
  }
}

static int tag_base(const struct nx_node *x)
{
  static const nx_tagset plus5 = {
      [NX_TAG_DIV] = 1, [NX_TAG_ARTICLE] = 1, [NX_TAG_MAIN] = 1};
  static const nx_tagset plus3 = {[NX_TAG_PRE] = 1, [NX_TAG_TD] = 1,
                                  [NX_TAG_BLOCKQUOTE] = 1,
                                  [NX_TAG_SECTION] = 1};
  static const nx_tagset minus3 = {
      [NX_TAG_ADDRESS] = 1, [NX_TAG_OL] = 1, [NX_TAG_UL] = 1,
      [NX_TAG_DL] = 1,      [NX_TAG_DD] = 1, [NX_TAG_DT] = 1,
      [NX_TAG_LI] = 1,      [NX_TAG_FORM] = 1};
  static const nx_tagset minus5 = {
      [NX_TAG_H1] = 1, [NX_TAG_H2] = 1, [NX_TAG_H3] = 1, [NX_TAG_H4] = 1,
      [NX_TAG_H5] = 1, [NX_TAG_H6] = 1, [NX_TAG_TH] = 1};
  if (nx_dom_in(x, plus5))
    return 5;
  if (nx_dom_in(x, plus3))
    return 3;
  if (nx_dom_in(x, minus3))
    return -3;
  if (nx_dom_in(x, minus5))
    return -5;
  return 0;
}

static const nx_tagset paragraph_tags = {[NX_TAG_P] = 1, [NX_TAG_PRE] = 1,
                                         [NX_TAG_TD] = 1};
static const nx_tagset own_text_tags = {
    [NX_TAG_DIV] = 1,        [NX_TAG_SECTION] = 1, [NX_TAG_ARTICLE] = 1,
    [NX_TAG_MAIN] = 1,       [NX_TAG_BLOCKQUOTE] = 1, [NX_TAG_CENTER] = 1,
    [NX_TAG_FONT] = 1,       [NX_TAG_SPAN] = 1,    [NX_TAG_BODY] = 1,
    [NX_TAG_DD] = 1};

/* Readability's scoring: each paragraph of 25+ characters gives its five
 * nearest ancestors 1 + commas + one point per 100 characters (at most
 * 3), divided by 1, 2, 6, 9, 12 with distance. */
static void score(struct nx_content *c)
{
  for (size_t i = 1; i < c->n; i++) {
    struct node *nd = &c->v[i];
    if (!nd->alive)
      continue;
    size_t len;
    unsigned commas;
    if (nx_dom_in(nd->x, paragraph_tags)) {
      len = nd->text;
      commas = nd->commas;
    } else if (nx_dom_in(nd->x, own_text_tags)) {
      len = nd->own;
      commas = nd->own_commas;
    } else
      continue;
    if (len < 25)
      continue;
    double points = 1.0 + commas + (double)(len / 100 < 3 ? len / 100 : 3);
    size_t a = nd->parent;
    for (int level = 0; level < 5 && a != NONE; level++, a = c->v[a].parent) {
      struct node *up = &c->v[a];
      if (!up->scored) {
        up->scored = true;
        up->score = tag_base(up->x) + up->weight;
      }
      up->score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
  }
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].scored)
      c->v[i].score *= 1.0 - link_density(&c->v[i]);
}

/* Readability's fix for an article whose paragraphs sit in one wrapper
 * each: when three of the next four candidates score within 75% of the
 * top one and share an ancestor with it, that ancestor is the article. */
static size_t shared_ancestor(struct nx_content *c, size_t top)
{
  enum { NTOP = 5, MIN_SHARED = 3 };
  size_t best[NTOP];
  size_t nbest = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (!c->v[i].scored || !c->v[i].alive)
      continue;
    size_t k = nbest < NTOP ? nbest++ : NTOP;
    while (k > 0 && c->v[best[k - 1]].score < c->v[i].score) {
      if (k < NTOP)
        best[k] = best[k - 1];
      k--;
    }
    if (k < NTOP)
      best[k] = i;
  }
  size_t alternatives = 0;
  unsigned *count = NULL;
  for (size_t k = 1; k < nbest; k++) {
    if (c->v[best[k]].score < 0.75 * c->v[top].score)
      continue;
    if (count == NULL)
      count = xcalloc(c->n, sizeof *count);
    alternatives++;
    for (size_t a = c->v[best[k]].parent; a != NONE; a = c->v[a].parent)
      count[a]++;
  }
  if (alternatives >= MIN_SHARED)
    for (size_t a = c->v[top].parent; a != NONE && a != 0;
         a = c->v[a].parent)
      if (count[a] >= MIN_SHARED) {
        top = a;
        break;
      }
  free(count);
  return top;
}

/* The best candidate, then Readability's two corrections: climb to an
 * ancestor that scores higher (the article split into sections), and
 * past wrappers that hold nothing else. */
static size_t top_candidate(struct nx_content *c)
{
  size_t top = NONE;
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].scored && c->v[i].alive &&
        (top == NONE || c->v[i].score > c->v[top].score))
      top = i;
  if (top == NONE)
    return 0;
  top = shared_ancestor(c, top);
  double last = c->v[top].score, threshold = last / 3;
  for (size_t a = c->v[top].parent; a != NONE; a = c->v[a].parent) {
    if (!c->v[a].scored)
      continue;
    if (c->v[a].score < threshold)
      break;
    if (c->v[a].score > last) {
      top = a;
      break;
    }
    last = c->v[a].score;
  }
  while (c->v[top].parent != NONE) {
    const struct nx_node *p = c->v[c->v[top].parent].x;
    size_t elements = 0;
    for (const struct nx_node *k = p->children; k; k = k->next)
      if (k->type == NX_NODE_ELEMENT && c->v[index_of(c, k)].alive)
        elements++;
    if (elements != 1)
      break;
    top = c->v[top].parent;
  }
  return top;
}

static bool same_class(const struct nx_node *a, const struct nx_node *b)
{
  const char *x = nx_dom_attr(a, "class");
  const char *y = nx_dom_attr(b, "class");
  return x && y && *x && strcmp(x, y) == 0;
}

/* Ends in a sentence: the last non-space character is a full stop. */
static bool ends_sentence(const struct nx_node *x)
{
  struct nx_buf text;
  nx_buf_init(&text, 0);
  nx_dom_text(x, &text);
  const unsigned char *s = (const unsigned char *)text.data;
  size_t n = text.len;
  while (n && isspace(s[n - 1]))
    n--;
  bool ends = n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
                    s[n - 1] == '"');
  nx_buf_free(&text);
  return ends;
}

static void add_root(struct nx_content *c, size_t i)
{
  c->roots = xrealloc(c->roots, (c->nroots + 1) * sizeof *c->roots);
  c->roots[c->nroots++] = c->v[i].x;
  c->v[i].article = true;
}

/* The top candidate and those of its siblings that belong to the
 * article: a sibling scoring at least a fifth of it (or with the same
 * class), or a paragraph of prose with few links. */
static void choose(struct nx_content *c, size_t top)
{
  if (c->v[top].parent == NONE) {
    add_root(c, top);
    return;
  }
  double threshold = c->v[top].score * 0.2;
  if (threshold < 10)
    threshold = 10;
  const struct nx_node *p = c->v[c->v[top].parent].x;
  for (const struct nx_node *k = p->children; k; k = k->next) {
    if (k->type != NX_NODE_ELEMENT)
      continue;
    size_t i = index_of(c, k);
    struct node *nd = &c->v[i];
    if (!nd->alive)
      continue;
    bool join = i == top;
    if (!join && nd->scored) {
      double bonus = same_class(k, c->v[top].x) ? c->v[top].score * 0.2 : 0;
      join = nd->score + bonus >= threshold;
    }
    if (!join && nx_dom_is(k, NX_TAG_P)) {
      double ld = link_density(nd);
      join = (nd->text > 80 && ld < 0.25) ||
             (nd->text > 0 && nd->text <= 80 && ld == 0 && ends_sentence(k));
    }
    if (join)
      add_root(c, i);
  }
}

/* True when a sibling of the article's container is another part of the
 * same article: the same tag and class, prose with few links, and no
 * headline or <article> of its own (which would make it a next story). */
static bool continues(const struct nx_content *c, const struct nx_node *a,
                      const struct nx_node *k)
{
  const struct node *nd = &c->v[index_of(c, k)];
  return nd->alive && strcmp(k->name, a->name) == 0 &&
         !nx_dom_is(k, NX_TAG_ARTICLE) && !(nd->marks & MARK_MAIN) &&
         nd->text >= 100 && link_density(nd) < 0.3 && same_class(a, k);
}

/* An article split into parts by figures or ads, each part in a container
 * of one class (corpus: a long feature, its sections between images):
 * when the top candidate or one of its four nearest ancestors has such
 * siblings, the article is that container and its like siblings. */
static bool choose_parts(struct nx_content *c, size_t top)
{
  size_t a = top;
  for (int level = 0; level < 5 && c->v[a].parent != NONE;
       level++, a = c->v[a].parent) {
    const struct nx_node *x = c->v[a].x;
    bool found = false;
    for (const struct nx_node *k = x->parent->children; k && !found;
         k = k->next)
      found = k != x && k->type == NX_NODE_ELEMENT && continues(c, x, k);
    if (!found)
      continue;
    for (const struct nx_node *k = x->parent->children; k; k = k->next)
      if (k == x || (k->type == NX_NODE_ELEMENT && continues(c, x, k)))
        add_root(c, index_of(c, k));
    return true;
  }
  return false;
}


/* A standfirst: many pages set the lead paragraph above the body in a
 * block of its own (a "teaser-text" or "intro" beside the body's
 * container, or a level further out), which the choice of roots leaves
 * out. Walking out from the roots, the blocks before them that hold prose
 * (80+ characters of their own text, few links, nothing the cleaning
 * drops, not the headline) join the article as long as together they add
 * at most a fifth of its text. One whose class says standfirst
 * (lists/lead_hints.list) joins from further out (HINTED_LEVELS), and
 * from a header or a teaser block cut before scoring. What comes after the
 * body is not looked at: there it is comments, contact boxes and related
 * links. */
enum { LEAD_LEVELS = 3, HINTED_LEVELS = 6, LEAD_MIN = 80, LEADS_MAX = 16 };

struct leads {
  const struct nx_node *v[LEADS_MAX];
  bool whole[LEADS_MAX]; /* known by its class: taken whole, not cleaned */
  size_t n;
  size_t text, budget; /* characters taken, and allowed */
};

static bool is_lead(const struct nx_content *c, const struct nx_node *x,
                    const struct node *nd, const struct leads *l)
{
  return nx_dom_in(x, owners) && !nx_dom_is(x, NX_TAG_SPAN) &&
         !nx_dom_is(x, NX_TAG_FONT) && x != c->body && nd->text >= LEAD_MIN &&
         nd->own * 10 >= nd->text * 7 && link_density(nd) <= 0.3 &&
         l->text + nd->text <= l->budget;
}

/* A standfirst that a page sets in its header or in a block whose class
 * reads as a teaser: cut before scoring, so only its first-pass length is
 * known, but its own class says what it is (lists/lead_hints.list). */
static bool is_cut_lead(const struct nx_node *x, const struct node *nd,
                        const struct leads *l)
{
  return nd->lead && nx_dom_in(x, owners) &&
         !nx_dom_is(x, NX_TAG_SPAN) && !nx_dom_is(x, NX_TAG_FONT) &&
         nd->raw_text >= LEAD_MIN && l->text + nd->raw_text <= l->budget;
}

static void add_lead(struct leads *l, const struct nx_node *x, size_t text,
                     bool whole)
{
  l->whole[l->n] = whole;
  l->v[l->n++] = x;
  l->text += text;
}

/* Adds the prose blocks in k's subtree to l, in document order; only
 * those whose class says standfirst when 'hinted'. */
static void find_leads(const nx_content *c, const struct nx_node *k,
                       struct leads *l, bool hinted)
{
  for (const struct nx_node *x = k; x && l->n < LEADS_MAX;) {
    bool into = false;
    if (x->type == NX_NODE_ELEMENT && measured(c, x)) {
      const struct node *nd = &c->v[index_of(c, x)];
      if (nx_dom_invisible(x) || nx_dom_is(x, NX_TAG_H1))
        ; /* not article text, nor anything under it */
      else if (!nd->alive || hinted) {
        if (is_cut_lead(x, nd, l))
          add_lead(l, x, nd->raw_text, true);
        else
          into = true; /* only a standfirst's class can bring it back */
      } else if (nx_content_drops(c, x))
        ; /* cleaned out of the article, like the headline */
      else if (is_lead(c, x, nd, l))
        add_lead(l, x, nd->text, false);
      else
        into = true;
    }
    x = nx_dom_next(k, x, into);
  }
}

static void add_leads(struct nx_content *c)
{
  struct leads l = {.n = 0, .text = 0};
  for (size_t i = 0; i < c->nroots; i++)
    l.budget += c->v[index_of(c, c->roots[i])].text / 5;
  const struct nx_node *first = c->roots[0];
  for (int level = 0; level < HINTED_LEVELS && first != c->body &&
                      first->parent != c->body;
       level++, first = first->parent)
    for (const struct nx_node *k = first->parent->children; k != first;
         k = k->next)
      find_leads(c, k, &l, level >= LEAD_LEVELS);
  if (l.n == 0)
    return;
  /* A lead known by its class may sit in a cut block, where only the
   * first pass measured it: it is taken whole. */
  for (size_t i = 0; i < l.n; i++)
    if (l.whole[i])
      c->v[index_of(c, l.v[i])].article = true;
  /* Each level out is earlier in the page: sort into document order. */
  for (size_t i = 1; i < l.n; i++)
    for (size_t j = i; j > 0 && l.v[j - 1]->id > l.v[j]->id; j--) {
      const struct nx_node *t = l.v[j];
      l.v[j] = l.v[j - 1];
      l.v[j - 1] = t;
    }
  c->roots = xrealloc(c->roots, (c->nroots + l.n) * sizeof *c->roots);
  memmove(c->roots + l.n, c->roots, c->nroots * sizeof *c->roots);
  memcpy(c->roots, l.v, l.n * sizeof *c->roots);
  c->nroots += l.n; /* not marked 'article': cleaning still looks inside */
}

/* The second measuring pass, the scores and the choice of roots. */
static void analyse(struct nx_content *c)
{
  measure(c, false);
  score(c);
  size_t top = top_candidate(c);
  if (!choose_parts(c, top))
    choose(c, top);
  add_leads(c);
}

nx_content *nx_content_new(const struct nx_node *body, nx_hints *hints)
{
  struct nx_content *c = xcalloc(1, sizeof *c);
  c->body = body;
  c->h = hints ? hints : &nx_content_no_hints;
  measure(c, true);
  reset(c, true);
  analyse(c);
  return c;
}

void nx_content_free(nx_content *c)
{
  if (c == NULL)
    return;
  free(c->v);
  free(c->slot);
  free(c->verdicts);
  free(c->roots);
  free(c);
}

size_t nx_content_nroots(const nx_content *c)
{
  return c->nroots;
}

const struct nx_node *nx_content_root(const nx_content *c, size_t i)
{
  return c->roots[i];
}

void nx_content_relax(nx_content *c)
{
  c->relaxed = true;
}

void nx_content_widen(nx_content *c)
{
  c->widened = true;
  c->relaxed = false;
  c->nroots = 0;
  reset(c, false);
  analyse(c);
}

