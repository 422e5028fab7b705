/* textmap.h: where each byte of the matched text came from in the page's
 * text.
 *
 * A document has two texts. The page text keeps the page's own characters
 * (curly quotes, dashes, no-break spaces, CJK): it is what --text prints
 * and what a record's span indexes. The matched text is its normalised
 * form (text.h), which rules read. A map is a sorted list of anchors, one
 * where the correspondence between the two changes; between anchors the
 * bytes are either the same in both texts (a linear stretch) or the
 * folding of one run of page characters (an opaque stretch: "…" became
 * "...", "’" became "'"). A span that starts or ends inside an opaque
 * stretch widens to the whole run, so it always slices whole characters
 * of the page text. */
#ifndef NX_TEXTMAP_H
#define NX_TEXTMAP_H

#include "nx.h"

#include <stdbool.h>
#include <stddef.h>

struct nx_anchor {
  size_t out;  /* offset in the matched text */
  size_t page; /* offset in the page text */
  bool opaque; /* [out, next anchor's out) folds [page, next's page) */
};

struct nx_textmap {
  struct nx_anchor *v;
  size_t n, cap;
};

void nx_textmap_init(struct nx_textmap *m);
void nx_textmap_clear(struct nx_textmap *m);
void nx_textmap_free(struct nx_textmap *m);

/* Adds an anchor. Anchors are added in order of 'out'; one at the same
 * 'out' as the last replaces it (what came before was empty). */
void nx_textmap_add(struct nx_textmap *m, size_t out, size_t page,
                    bool opaque);

/* Records that the matched text's [out, out + n) copies the page text's
 * [page, page + n) byte for byte: no anchor when the linear stretch before
 * already says so. */
void nx_textmap_same(struct nx_textmap *m, size_t out, size_t page, size_t n);

/* Appends the anchors of 'from', shifted by (out, page). */
void nx_textmap_append(struct nx_textmap *m, const struct nx_anchor *from,
                       size_t n, size_t out, size_t page);

/* The page offset of a span's start at matched offset 'at', and of a
 * span's end at 'at'. An empty map maps every offset to itself. */
size_t nx_textmap_start(const struct nx_textmap *m, size_t at);
size_t nx_textmap_end(const struct nx_textmap *m, size_t at);

#endif /* NX_TEXTMAP_H */
