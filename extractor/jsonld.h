/* jsonld.h: schema.org structured data in <script type=
 * "application/ld+json">, parsed with jansson. The first object whose
 * @type is NewsArticle, Article, ReportageNewsArticle, AnalysisNewsArticle,
 * BlogPosting or another *Article (also inside arrays and @graph) gives
 * the headline, datePublished (else dateCreated, else date), author,
 * publisher, url, inLanguage and articleBody. When no article object has
 * a date, the datePublished or dateCreated of another object (a
 * ClaimReview, a WebPage; not a Comment or an ImageObject) is kept in
 * m->jsonld_date for nx_meta_read, which trusts it below meta tags.
 * Malformed blocks are ignored, never an error, but a "datePublished"
 * string in one is still read. */
#ifndef NX_JSONLD_H
#define NX_JSONLD_H

#include "meta.h"

/* Fills the empty fields of m from the page's article object and returns
 * its articleBody as plain text (HTML tags and entities inside it
 * resolved), a new string the caller frees, or NULL when there is none. */
char *nx_jsonld_read(const struct nx_node *root, struct nx_meta *m);

#endif /* NX_JSONLD_H */
