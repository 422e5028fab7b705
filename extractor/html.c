/* html.c: see html.h. The tree (dom.h) is walked iteratively, so a page
 * of 100k nested elements cannot overflow the stack; subtrees are skipped,
 * never unlinked. */
#include "html.h"

#include "content.h"
#include "dom.h"
#include "jsonld.h"
#include "shingle.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdlib.h>

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

static bool has_prefix_ci(const char *p, size_t len, const char *word)
{
  size_t n = strlen(word);
  if (len < n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)p[i]) != word[i])
      return false;
  return true;
}

/* Finds 'word' (lower case) in the first 'len' bytes, ignoring case. */
static const char *find_ci(const char *p, size_t len, const char *word)
{
  size_t n = strlen(word);
  for (size_t i = 0; i + n <= len; i++)
    if (has_prefix_ci(p + i, len - i, word))
      return p + i;
  return NULL;
}

/* Finds 'word' (lower case, starting with '<') in the first 'len' bytes,
 * ignoring case. Plain text is sniffed too, so the scan jumps from '<' to
 * '<'. */
static const char *find_tag_ci(const char *p, size_t len, const char *word)
{
  const char *end = p + len;
  for (const char *at = memchr(p, '<', len); at;
       at = memchr(at + 1, '<', (size_t)(end - at - 1)))
    if (has_prefix_ci(at, (size_t)(end - at), word))
      return at;
  return NULL;
}

/* A UTF-16 byte order mark, which libxml2 reads to pick the decoder. */
static bool has_utf16_bom(const char *p, size_t len)
{
  return len >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') ||
                      (p[0] == '\xFE' && p[1] == '\xFF'));
}

bool nx_html_sniff(const char *p, size_t len)
{
  if (has_utf16_bom(p, len)) {
    /* Sniff the ASCII of the first characters: every other byte. */
    char ascii[512];
    size_t n = 0, odd = p[0] == '\xFE';
    for (size_t i = 2 + odd; i < len && n < sizeof ascii; i += 2)
      ascii[n++] = p[i] ? p[i] : ' ';
    return n > 0 && nx_html_sniff(ascii, n);
  }
  size_t head = len < 4096 ? len : 4096;
  size_t i = 0;
  if (head >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < head && isspace((unsigned char)p[i]))
    i++;
  if (i < head && p[i] == '<') {
    const char *rest = p + i + 1;
    size_t n = head - i - 1;
    static const char *const starts[] = {
        "!doctype", "html", "head", "body", "!--", "meta", "title", "div",
        "p>", "p ", "article", "section", "span", "h1", "h2", "table", "?xml",
        "br>", "br ", "br/", "b>", "script", "link", "style"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
      if (has_prefix_ci(rest, n, starts[k]))
        return true;
  }
  /* A page may open with a server's warnings before its doctype: the
   * document element is looked for further in. */
  size_t far = len < 65536 ? len : 65536;
  return find_tag_ci(p, far, "<html") || find_tag_ci(p, far, "<body");
}

/* Where a page declares its charset in its first 4 KiB, or NULL. */
static const char *declared_charset(const char *p, size_t len)
{
  return find_ci(p, len < 4096 ? len : 4096, "charset");
}

/* True when the page declares a charset other than UTF-8: only then do we
 * let libxml2 pick the decoder. */
static bool declares_other_charset(const char *p, size_t len)
{
  size_t head = len < 4096 ? len : 4096;
  const char *at = declared_charset(p, len);
  if (at == NULL)
    return false;
  at += 7;
  size_t rest = head - (size_t)(at - p);
  while (rest && (*at == ' ' || *at == '=' || *at == '"' || *at == '\'')) {
    at++;
    rest--;
  }
  return !(has_prefix_ci(at, rest, "utf-8") || has_prefix_ci(at, rest, "utf8"));
}

struct walk {
  struct nx_paragraphs *ps;
  const nx_content *content; /* NULL: all visible text */
  struct nx_buf raw; /* the paragraph being gathered, not yet normalised */
  nx_status st;
  bool line_break; /* what ended the last paragraph was one <br> */
};

/* Ends the paragraph being gathered: at a <br> (br) or a block boundary.
 * A paragraph follows a single line break when one <br> and nothing else
 * separates it from the one before ("a<br>b", not "a<br><br>b" or
 * "a<br></p><p>b"). */
static void flush_at(struct walk *w, bool br)
{
  size_t n = w->ps->n;
  if (w->st == NX_OK && w->raw.len)
    w->st = nx_paragraphs_add_after(w->ps, w->raw.data, w->raw.len,
                                    w->line_break);
  nx_buf_clear(&w->raw);
  w->line_break = br && w->ps->n > n;
}

static void flush(struct walk *w)
{
  flush_at(w, false);
}

static void add_text(struct walk *w, const char *s, size_t len)
{
  if (w->st == NX_OK)
    w->st = nx_buf_add(&w->raw, s, len);
}

static bool is_cell(const struct nx_node *n)
{
  return nx_dom_is(n, NX_TAG_TD) || nx_dom_is(n, NX_TAG_TH);
}

/* Adds the text under root as paragraphs: a block element ends one, a
 * table row is one, its cells joined by " | " so rules can read a row. */
static void walk(struct walk *w, const struct nx_node *root)
{
  const struct nx_node *n = root;
  while (n && w->st == NX_OK) {
    bool descend = false;
    if (n->type == NX_NODE_ELEMENT) {
      bool skip = nx_dom_invisible(n) ||
                  (w->content && nx_content_drops(w->content, n));
      if (!skip) {
        bool block = nx_dom_is_block(n);
        if (nx_dom_is(n, NX_TAG_BR) && n->children == NULL) {
          flush_at(w, true);
          block = false; /* flushed once: no second flush below */
        } else if (block)
          flush(w);
        else if (is_cell(n) && w->raw.len)
          add_text(w, " | ", 3);
        descend = n->children != NULL;
        if (!descend && block)
          flush(w);
      }
    } else if (n->type == NX_NODE_TEXT || n->type == NX_NODE_CDATA) {
      add_text(w, n->content, n->len);
    }
    if (descend) {
      n = n->children;
      continue;
    }
    /* Climb until a next sibling; leaving a block ends its paragraph. */
    while (n != root && n->next == NULL) {
      n = n->parent;
      if (nx_dom_is_block(n))
        flush(w);
    }
    if (n == root)
      break;
    n = n->next;
  }
  flush(w);
}

/* The bytes of text in paragraphs 'from' onwards. */
static size_t text_since(const struct nx_paragraphs *ps, size_t from)
{
  size_t n = 0;
  for (size_t i = from; i < ps->n; i++)
    n += ps->len[i];
  return n;
}

/* Walks the chosen roots into ps (cleared first); when that comes out as
 * a scrap (under 250 bytes), walks them again with cleaning off. */
static nx_status walk_roots(nx_content *c, struct nx_paragraphs *ps)
{
  struct walk w = {ps, c, {0}, NX_OK, false};
  nx_buf_init(&w.raw, 0);
  nx_paragraphs_clear(ps);
  for (size_t i = 0; i < nx_content_nroots(c) && w.st == NX_OK; i++)
    walk(&w, nx_content_root(c, i));
  if (w.st == NX_OK && text_since(ps, 0) < 250) {
    nx_paragraphs_clear(ps);
    nx_content_relax(c);
    for (size_t i = 0; i < nx_content_nroots(c) && w.st == NX_OK; i++)
      walk(&w, nx_content_root(c, i));
  }
  nx_buf_free(&w.raw);
  return w.st;
}

static nx_status copy_paragraphs(const struct nx_paragraphs *from,
                                 struct nx_paragraphs *to)
{
  nx_status st = NX_OK;
  nx_paragraphs_clear(to);
  for (size_t i = 0; i < from->n && st == NX_OK; i++)
    st = nx_paragraphs_add_after(to, from->page.data + from->page_off[i],
                                 from->page_len[i], from->line_break[i]);
  return st;
}

/* The article: the chosen roots minus what content.c drops. When that
 * comes out as a scrap of a page that has far more text, cleaning went
 * wrong (a page built without paragraphs, say), so the roots are taken
 * whole. When it is still short (under 1000 bytes), the article is
 * chosen again without cuts or class hints (Readability's retry: the story
 * may sit in a block whose class reads as a widget), and that choice wins
 * when it gives twice the text. */
static nx_status add_article(const struct nx_node *body, nx_hints *hints,
                             struct nx_paragraphs *ps)
{
  nx_content *c = nx_content_new(body, hints);
  nx_status st = walk_roots(c, ps);
  if (st == NX_OK && text_since(ps, 0) < 1000) {
    struct nx_paragraphs wide;
    nx_paragraphs_init(&wide, ps->bytes.max);
    nx_content_widen(c);
    st = walk_roots(c, &wide);
    if (st == NX_OK && text_since(&wide, 0) > 2 * text_since(ps, 0))
      st = copy_paragraphs(&wide, ps);
    nx_paragraphs_free(&wide);
  }
  nx_content_free(c);
  return st;
}

static void ignore_error(void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

/* Picks out of 'all' the paragraphs that are part of the JSON-LD
 * articleBody 'body' (at least half of their shingles in it), each once,
 * in page order, into 'out'. Returns true when together they hold 90% of
 * the body: the page shows all of the structured text. */
static bool select_by_body(const struct nx_paragraphs *all,
                           const char *body, size_t body_len,
                           struct nx_paragraphs *out, nx_status *st)
{
  nx_shingles *want = nx_shingles_new(), *kept = nx_shingles_new();
  size_t nwant = nx_shingles_add(want, body, body_len);
  size_t prev = (size_t)-1; /* the paragraph of 'all' added last */
  for (size_t i = 0; i < all->n && *st == NX_OK; i++) {
    const char *p = all->bytes.data + all->off[i];
    size_t total, dup;
    size_t shared = nx_shingles_shared(want, p, all->len[i], &total);
    dup = nx_shingles_shared(kept, p, all->len[i], &total);
    if (total && shared * 2 >= total && dup < total) {
      nx_shingles_add(kept, p, all->len[i]);
      bool line = i > 0 && all->line_break[i] && prev == i - 1;
      *st = nx_paragraphs_add_after(out, all->page.data + all->page_off[i],
                                    all->page_len[i], line);
      prev = i;
    }
  }
  size_t total;
  size_t covered = nx_shingles_shared(kept, body, body_len, &total);
  nx_shingles_free(want);
  nx_shingles_free(kept);
  return nwant && covered * 10 >= total * 9;
}

/* True when paragraph i of a and paragraph k of b hold the same text. */
static bool same_paragraph(const struct nx_paragraphs *a, size_t i,
                           const struct nx_paragraphs *b, size_t k)
{
  return a->len[i] == b->len[k] &&
         memcmp(a->bytes.data + a->off[i], b->bytes.data + b->off[k],
                a->len[i]) == 0;
}

/* Replaces the tree's article 'tree' by the paragraphs of the structured
 * body 'body', after the paragraphs of prose (LEAD_MIN bytes or more) the
 * tree had before body's first one: a standfirst the publisher left out of
 * articleBody is still the article's. */
static nx_status with_lead(struct nx_paragraphs *tree,
                           const struct nx_paragraphs *body)
{
  enum { LEAD_MIN = 80 };
  size_t first = 0;
  while (first < tree->n && body->n && !same_paragraph(tree, first, body, 0))
    first++;
  struct nx_paragraphs out;
  nx_paragraphs_init(&out, tree->bytes.max);
  nx_status st = NX_OK;
  for (size_t i = 0; first < tree->n && i < first && st == NX_OK; i++)
    if (tree->len[i] >= LEAD_MIN)
      st = nx_paragraphs_add_after(&out, tree->page.data + tree->page_off[i],
                                   tree->page_len[i], false);
  for (size_t i = 0; i < body->n && st == NX_OK; i++)
    st = nx_paragraphs_add_after(&out, body->page.data + body->page_off[i],
                                 body->page_len[i], body->line_break[i]);
  if (st == NX_OK)
    st = copy_paragraphs(&out, tree);
  nx_paragraphs_free(&out);
  return st;
}

/* The article from the tree (content.h), unless the page has a JSON-LD
 * articleBody that is complete and consistent with it: the page shows all
 * of the body, and the paragraphs that carry it are at least 60% of what
 * the tree gave (a teaser-length body, or one cut short with "...", is
 * not the article). Then those paragraphs are the article: the publisher
 * said which text is the story. */
static nx_status add_main_text(const struct nx_node *body, nx_hints *hints,
                               const char *ld_body, struct nx_paragraphs *ps)
{
  nx_status st = add_article(body, hints, ps);
  if (ld_body == NULL || st != NX_OK)
    return st;
  struct nx_buf norm;
  nx_buf_init(&norm, 0);
  nx_text_normalize(ld_body, strlen(ld_body), &norm);
  if (norm.len >= 200) {
    struct nx_paragraphs all, chosen;
    nx_paragraphs_init(&all, ps->bytes.max);
    nx_paragraphs_init(&chosen, ps->bytes.max);
    struct walk w = {&all, NULL, {0}, NX_OK, false};
    nx_buf_init(&w.raw, 0);
    walk(&w, body);
    nx_buf_free(&w.raw);
    st = w.st;
    if (st == NX_OK && select_by_body(&all, norm.data, norm.len, &chosen,
                                      &st) &&
        st == NX_OK && chosen.bytes.len * 10 >= ps->bytes.len * 6) {
      st = with_lead(ps, &chosen);
    }
    nx_paragraphs_free(&all);
    nx_paragraphs_free(&chosen);
  }
  nx_buf_free(&norm);
  return st;
}

static bool is_utf8_name(const char *charset)
{
  return strcasecmp(charset, "utf-8") == 0 || strcasecmp(charset, "utf8") == 0;
}

nx_status nx_html_extract(const char *p, size_t len, const char *name,
                          const struct nx_html_options *opts,
                          struct nx_paragraphs *ps, struct nx_meta *meta,
                          struct nx_error *err)
{
  nx_paragraphs_clear(ps);
  if (len > INT_MAX)
    return nx_fail(err, NX_ETOOBIG, name, 0, 0,
                   "HTML larger than libxml2 can parse (%zu bytes)", len);
  /* Repair turns a bad byte into three: capped, so that a page near
   * 716 MB cannot grow past what libxml2's int length holds (a wrapped
   * length parsed as an empty document). */
  struct nx_buf clean;
  nx_buf_init(&clean, INT_MAX);
  const char *encoding = NULL;
  const char *transport = opts->charset;
  if (transport && !is_utf8_name(transport) && !has_utf16_bom(p, len)) {
    encoding = transport;
  } else if (!has_utf16_bom(p, len) &&
             (transport || !declares_other_charset(p, len))) {
    encoding = "UTF-8";
    bool is_utf8 = nx_utf8_is_clean(p, len);
    /* Declaring nothing and not UTF-8: what browsers assume (decode.h). */
    if (!is_utf8 && transport == NULL && declared_charset(p, len) == NULL &&
        nx_utf8_is_single_byte(p, len)) {
      encoding = "WINDOWS-1252";
    } else if (!is_utf8) {
      nx_status st = nx_utf8_repair(p, len, &clean, opts->replaced);
      if (st != NX_OK) {
        nx_buf_free(&clean);
        return nx_fail(err, st, name, 0, 0,
                       "HTML larger than libxml2 can parse once its bad "
                       "UTF-8 is replaced (%zu bytes)",
                       len);
      }
      p = clean.data;
      len = clean.len;
    }
  }
  /* libxml2 keeps its error handler per thread. */
  xmlSetGenericErrorFunc(NULL, ignore_error);
  nx_dom *doc = nx_dom_parse(
      p, (int)len, encoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  nx_buf_free(&clean);
  if (doc == NULL)
    return NX_OK; /* nothing parseable: an empty document, not an error */
  const struct nx_node *root = nx_dom_root(doc);
  nx_status st = NX_OK;
  if (root) {
    char *ld_body = nx_jsonld_read(root, meta);
    nx_meta_read(meta, root);
    const struct nx_node *body = nx_dom_find(root, NX_TAG_BODY);
    if (body == NULL)
      body = root;
    if (opts->main_only)
      st = add_main_text(body, opts->hints, ld_body, ps);
    else {
      struct walk w = {ps, NULL, {0}, NX_OK, false};
      nx_buf_init(&w.raw, 0);
      walk(&w, body);
      nx_buf_free(&w.raw);
      st = w.st;
    }
    free(ld_body);
  }
  nx_dom_free(doc);
  if (st != NX_OK)
    return nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
  return NX_OK;
}
