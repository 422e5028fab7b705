/* content_clean.c: the cleaning inside the chosen article (content.h):
 * the hard cuts, and Readability's conditional cleaning of blocks that
 * read as boilerplate. */
#include "content_impl.h"

#include "dom.h"

static const nx_tagset cleaned_tags = {
    [NX_TAG_DIV] = 1,    [NX_TAG_SECTION] = 1, [NX_TAG_TABLE] = 1,
    [NX_TAG_UL] = 1,     [NX_TAG_OL] = 1,      [NX_TAG_DL] = 1,
    [NX_TAG_FORM] = 1,   [NX_TAG_ASIDE] = 1,   [NX_TAG_FIGURE] = 1,
    [NX_TAG_HEADER] = 1, [NX_TAG_FOOTER] = 1,  [NX_TAG_NAV] = 1,
    [NX_TAG_CENTER] = 1};

/* A paragraph or more of text with few links: after nx_content_widen, a
 * block with a boilerplate class that holds prose stays (a page builder's
 * "widget" that is the story), while one without (a related list) goes. */
static bool holds_prose(const struct node *nd)
{
  return nd->paras > 0 && nd->text >= 200 && link_density(nd) < 0.25;
}

/* A table whose links name the rows' subjects: at least two rows, and
 * three in five of them hold text besides their links (a company linked
 * to its quote page beside its figures). A table of nothing but links is
 * navigation; this one is data, whatever its link density. Nested tables
 * are not looked into. */
static bool is_data_table(const struct nx_content *c,
                          const struct nx_node *table)
{
  unsigned rows = 0, data = 0;
  for (const struct nx_node *n = nx_dom_next(table, table, true); n;) {
    bool into = n->type == NX_NODE_ELEMENT && !nx_dom_is(n, NX_TAG_TABLE);
    if (n->type == NX_NODE_ELEMENT && nx_dom_is(n, NX_TAG_TR) &&
        measured(c, n)) {
      const struct node *r = &c->v[index_of(c, n)];
      if (r->alive && r->text) {
        rows++;
        data += r->text >= r->link + 3;
      }
      into = false;
    }
    n = nx_dom_next(table, n, into);
  }
  return rows >= 2 && data * 5 >= rows * 3;
}

/* True when a <table> is under x: a figure may hold a table of data
 * (a comparison of fees) rather than a picture. */
static bool holds_table(const struct nx_node *x)
{
  return nx_dom_find(x, NX_TAG_TABLE) != NULL;
}

/* Readability's conditional cleaning: a block inside the article goes
 * when its class says boilerplate, or, with fewer than ten commas, when
 * it is mostly links, mostly inputs, mostly images, or a scrap of text.
 * Links are weighed by what they are: a table of data whose rows link
 * their subjects stays, and so does a block with 200 characters of text
 * besides its links (a feed item's linked headline over its body). */
bool nx_content_drops(const nx_content *c, const struct nx_node *x)
{
  if (x->type != NX_NODE_ELEMENT || !measured(c, x))
    return false;
  const struct node *nd = &c->v[index_of(c, x)];
  if (nd->article)
    return false;
  if (!nd->alive)
    return true;
  if (nx_dom_is(x, NX_TAG_H1))
    return true; /* the headline: metadata, not body text */
  if (nx_dom_is(x, NX_TAG_FIGCAPTION) ||
      (nx_dom_is(x, NX_TAG_FIGURE) && !holds_table(x)))
    return true; /* captions and credits describe a picture, not the story */
  if (c->relaxed)
    return false;
  if (nd->text > 0 && nd->text < 200 && nd->link * 10 >= nd->text * 9 &&
      nx_dom_is_block(x))
    return true; /* a teaser: a block that is nothing but a link */
  if (nd->bad && !nd->good && !nx_dom_in(x, nx_content_subheads) &&
      !(c->widened && holds_prose(nd)))
    return true;
  if (!nx_dom_in(x, cleaned_tags))
    return false;
  if (nd->commas >= 10)
    return false;
  double ld = link_density(nd);
  if (nd->inputs > nd->paras / 3)
    return true;
  if (nd->text < 25 && (nd->imgs == 0 || nd->imgs > 2))
    return true;
  if (nd->weight < 25 && ld > (nd->quotes ? 0.5 : 0.2) &&
      !(nx_dom_is(x, NX_TAG_TABLE) && is_data_table(c, x)) &&
      !(ld < 0.5 && nd->text - nd->link >= 200 && nd->paras > 0))
    return true; /* an embedded post quotes its links: allow more */
  if (nd->weight >= 25 && ld > 0.5)
    return true;
  if (nd->imgs > 1 && (double)nd->paras / nd->imgs < 0.5 &&
      !nx_dom_is(x, NX_TAG_FIGURE))
    return true;
  if (nd->embeds > 1 && nd->text < 75)
    return true;
  return false;
}
