/* test_textmap.c: the page text and the matched text of a document, and
 * the map that carries offsets from one to the other. */
#include "harness.h"

#include "text.h"

/* Joins plain text 'doc' into its matched form 'out' and page form 'page'
 * with the map between them. */
static void join_both(const char *doc, struct nx_buf *out, struct nx_buf *page,
                      struct nx_textmap *map)
{
  struct nx_paragraphs ps;
  nx_paragraphs_init(&ps, 0);
  nx_paragraphs_from_text(&ps, doc, strlen(doc));
  nx_buf_clear(out);
  nx_buf_clear(page);
  nx_paragraphs_join(&ps, NULL, NULL, out, page, map);
  nx_paragraphs_free(&ps);
}

/* The page slice a span of the matched text over its first occurrence of
 * 'word' maps to. */
static const char *page_of(const struct nx_buf *out, const struct nx_buf *page,
                           const struct nx_textmap *map, const char *word,
                           struct nx_buf *b)
{
  size_t at = (size_t)(strstr(out->data, word) - out->data);
  size_t s = nx_textmap_start(map, at),
         e = nx_textmap_end(map, at + strlen(word));
  nx_buf_clear(b);
  nx_buf_add(b, page->data + s, e - s);
  nx_buf_add(b, "", 0);
  return b->data;
}

int main(void)
{
  struct nx_buf out, page, b;
  struct nx_textmap map;
  nx_buf_init(&out, 0);
  nx_buf_init(&page, 0);
  nx_buf_init(&b, 0);
  nx_textmap_init(&map);

  join_both("Acme\xE2\x80\x99s target \xE2\x80\x94 to\xC2\xA0$18\xE2\x80\xA6 "
            "done\n\n\t a \xE3\x8E\xBF   site\ncafe\xCC\x81 ok",
            &out, &page, &map);
  STR_EQ(out.data, "Acme's target - to $18... done\n\na MW site caf\xC3\xA9 ok",
         "the matched text is folded, collapsed and composed");
  STR_EQ(page.data,
         "Acme\xE2\x80\x99s target \xE2\x80\x94 to\xC2\xA0$18\xE2\x80\xA6 "
         "done\n\na \xE3\x8E\xBF site cafe\xCC\x81 ok",
         "the page text keeps every character, with ASCII blanks collapsed");
  STR_EQ(page_of(&out, &page, &map, "Acme's target", &b),
         "Acme\xE2\x80\x99s target", "a span over a folded quote");
  STR_EQ(page_of(&out, &page, &map, "to $18.", &b),
         "to\xC2\xA0$18\xE2\x80\xA6", "a span ending inside an ellipsis widens");
  STR_EQ(page_of(&out, &page, &map, "MW", &b), "\xE3\x8E\xBF",
         "a compatibility character maps whole");
  STR_EQ(page_of(&out, &page, &map, "done", &b), "done",
         "ASCII after folded characters maps byte for byte");
  STR_EQ(page_of(&out, &page, &map, "site caf\xC3\xA9 ok", &b),
         "site cafe\xCC\x81 ok", "across a wrapped line and a combining mark");

  /* Only ignorable or blank characters: no paragraph at all. */
  join_both("\xE2\x80\x8B\xC2\xA0\n\nx", &out, &page, &map);
  STR_EQ(page.data, "x", "a paragraph empty once folded is dropped whole");
  NUM_EQ(nx_textmap_start(&map, 0), 0, "and the map starts at the kept one");

  nx_textmap_clear(&map);
  NUM_EQ(nx_textmap_end(&map, 7), 7, "an empty map is the identity");

  nx_textmap_free(&map);
  nx_buf_free(&out);
  nx_buf_free(&page);
  nx_buf_free(&b);
  HARNESS_END();
}
