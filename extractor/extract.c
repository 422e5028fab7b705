/* extract.c: see extract.h. */
#include "extract.h"

#include "decode.h"
#include "dumpmeta.h"
#include "html.h"
#include "input_kind.h"
#include "match.h"
#include "meta.h"
#include "record.h"
#include "rules_impl.h"
#include "text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct nx_extractor {
  const nx_ruleset *rs;
  size_t max_bytes;
  unsigned flags;
  nx_matcher *matcher;
  struct nx_paragraphs paras;
  unsigned char *keep;
  size_t keep_cap;
  struct nx_buf text;     /* the normalised text rules match */
  struct nx_buf page;     /* the same in the page's characters */
  struct nx_buf decoded;  /* plain text that was not UTF-8, decoded */
  size_t replaced;        /* bytes of it that became U+FFFD */
  const char *encoding;   /* what it was read as */
  struct nx_textmap map;  /* from text's offsets to page's */
  struct nx_meta meta;
  struct nx_hits hits;
  nx_hints *hints; /* compiled once per extractor, not per page */
};

nx_extractor *nx_extractor_new(const nx_ruleset *rs, size_t max_bytes,
                               unsigned flags)
{
  nx_extractor *x = xcalloc(1, sizeof *x);
  x->rs = rs;
  x->flags = flags;
  x->max_bytes = max_bytes;
  x->matcher = nx_matcher_new(rs);
  if (x->matcher == NULL) /* PCRE2 could not allocate its match data */
    nx_out_of_memory();
  nx_matcher_keep_vetoed(x->matcher, flags & NX_EXTRACT_EXPLAIN);
  /* Normalised text can grow (NFKC of "㎿" is "MW"), so allow headroom. */
  nx_paragraphs_init(&x->paras, max_bytes ? max_bytes * 2 : 0);
  nx_buf_init(&x->text, 0);
  nx_buf_init(&x->page, 0);
  nx_buf_init(&x->decoded, 0);
  nx_textmap_init(&x->map);
  nx_meta_init(&x->meta);
  x->hints = nx_hints_new(rs);
  return x;
}

void nx_extractor_free(nx_extractor *x)
{
  if (x == NULL)
    return;
  nx_matcher_free(x->matcher);
  nx_paragraphs_free(&x->paras);
  nx_buf_free(&x->text);
  nx_buf_free(&x->page);
  nx_buf_free(&x->decoded);
  nx_textmap_free(&x->map);
  nx_hits_free(&x->hits);
  free(x->keep);
  nx_meta_clear(&x->meta);
  nx_hints_free(x->hints);
  free(x);
}

nx_status nx_extract_text(nx_extractor *x, const struct nx_source *src,
                          const char **text, size_t *text_len,
                          const char **title, struct nx_error *err)
{
  const char *data = src->data, *name = src->id;
  size_t len = src->len;
  enum nx_format format = src->format;
  nx_paragraphs_clear(&x->paras);
  nx_buf_clear(&x->text);
  nx_buf_clear(&x->page);
  nx_meta_clear(&x->meta);
  nx_buf_clear(&x->decoded);
  x->replaced = 0;
  x->encoding = NULL;
  if (x->max_bytes && len > x->max_bytes)
    return nx_fail(err, NX_ETOOBIG, name, 0, 0,
                   "document of %zu bytes is over the limit of %zu bytes", len,
                   x->max_bytes);
  if (format == NX_FORMAT_AUTO && nx_input_looks_binary(data, len))
    return nx_fail(err, NX_EINPUT, name, 0, 0,
                   "binary data, not a text or HTML document");
  bool html = format == NX_FORMAT_HTML ||
              (format == NX_FORMAT_AUTO && nx_html_sniff(data, len));
  nx_status st;
  if (html)
  {
    struct nx_html_options html_opts = {
        x->hints, !(x->flags & NX_EXTRACT_FULL_TEXT), src->charset,
        &x->replaced};
    x->encoding = "UTF-8"; /* what a page with replaced bytes was read as */
    st = nx_html_extract(data, len, name, &html_opts, &x->paras, &x->meta,
                         err);
  }
  else {
    bool decoded;
    st = nx_decode_text(data, len, src->charset, &x->decoded, &decoded,
                        &x->replaced, &x->encoding);
    if (st == NX_OK && decoded) {
      data = x->decoded.data ? x->decoded.data : "";
      len = x->decoded.len;
    }
    if (st == NX_OK)
      st = nx_paragraphs_from_text(&x->paras, data, len);
    if (st != NX_OK)
      nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
  }
  if (st != NX_OK)
    return st;
  if (x->paras.n > x->keep_cap) {
    x->keep_cap = x->paras.n;
    x->keep = xrealloc(x->keep, x->keep_cap);
  }
  if (x->paras.n)
    memset(x->keep, 1, x->paras.n);
  if (!(x->flags & NX_EXTRACT_FULL_TEXT))
    nx_match_cuts(x->matcher, &x->paras, x->keep);
  st = nx_paragraphs_join(&x->paras, x->keep, x->rs->abbrevs, &x->text,
                          &x->page, &x->map);
  if (st != NX_OK)
    return nx_fail(err, st, name, 0, 0, "%s", nx_strerror(st));
  *text = x->page.data;
  *text_len = x->page.len;
  *title = x->meta.title;
  return NX_OK;
}

/* A copy of the document object with the article's metadata right after
 * its title, where a reader looks for it; keys keep their order. */
static json_t *with_metadata(json_t *doc, const struct nx_meta *meta)
{
  json_t *out = json_object();
  const char *key;
  json_t *v;
  json_object_foreach(doc, key, v)
  {
    if (strcmp(key, "title") == 0)
      nx_meta_to_json(meta, out);
    else
      json_object_set(out, key, v);
  }
  json_decref(doc);
  return out;
}

nx_status nx_extract_document(nx_extractor *x, const struct nx_source *src,
                              json_t **out, struct nx_error *err)
{
  const char *text, *title;
  size_t text_len;
  *out = NULL;
  nx_status st = nx_extract_text(x, src, &text, &text_len, &title, err);
  if (st != NX_OK)
    return st;
  nx_hits_clear(&x->hits);
  nx_match_text(x->matcher, x->text.data, x->text.len, (size_t)-1, &x->hits);
  struct nx_page_text page = {text, &x->map};
  json_t *doc = nx_record_document(x->rs, src->id, title, x->text.data,
                                   x->text.len, &x->hits, &page);
  nx_dumpmeta_fill(&x->meta, src->meta);
  *out = with_metadata(doc, &x->meta);
  if (x->flags & NX_EXTRACT_WITH_TEXT)
    json_object_set_new(*out, "text", json_stringn(text, text_len));
  return NX_OK;
}

const char *nx_extract_last_text(const nx_extractor *x, size_t *len)
{
  *len = x->text.len;
  return x->text.data ? x->text.data : "";
}

const struct nx_hits *nx_extract_last_hits(const nx_extractor *x)
{
  return &x->hits;
}

size_t nx_extract_replaced(const nx_extractor *x, const char **encoding)
{
  *encoding = x->encoding;
  return x->replaced;
}

size_t nx_extract_limited(const nx_extractor *x)
{
  return x->hits.nlimited;
}

const char *nx_extract_limited_rule(const nx_extractor *x, size_t i)
{
  return x->rs->rules[x->hits.limited[i]]->name;
}
