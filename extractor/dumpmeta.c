/* dumpmeta.c: see dumpmeta.h. */
#include "dumpmeta.h"

#include <stdlib.h>
#include <string.h>

/* Each output field, then the dump spellings that give it, first wins. */
static const char *const spellings[][9] = {
    {"title", "title", "headline", NULL},
    {"published", "published", "date_publish", "date", "published_at",
     "publish_date", "date_published", "datePublished", "pubDate"},
    {"authors", "authors", "author", "byline", NULL},
    {"site", "site", "sitename", "site_name", "source_domain", "domain",
     "hostname", NULL},
    {"url", "url", "link", "source_url", NULL},
    {"lang", "lang", "language", NULL},
};

json_t *nx_dumpmeta_pick(json_t *obj)
{
  json_t *out = NULL;
  for (size_t f = 0; f < sizeof spellings / sizeof spellings[0]; f++)
    for (size_t k = 1; k < 9 && spellings[f][k]; k++) {
      json_t *v = json_object_get(obj, spellings[f][k]);
      if (!json_is_string(v) && !json_is_array(v))
        continue;
      if (out == NULL)
        out = json_object();
      json_object_set(out, spellings[f][0], v);
      break;
    }
  return out;
}

/* "Jane Roe; John Doe" (trafilatura joins authors with ";"). */
static void add_authors(struct nx_meta *m, const char *s)
{
  char *copy = strdup(s);
  if (copy == NULL)
    return;
  for (char *save = NULL, *p = strtok_r(copy, ";", &save); p;
       p = strtok_r(NULL, ";", &save))
    nx_meta_add_author(m, p);
  free(copy);
}

void nx_dumpmeta_fill(struct nx_meta *m, json_t *picked)
{
  if (picked == NULL)
    return;
  const char *s;
  if ((s = json_string_value(json_object_get(picked, "title"))))
    nx_meta_set_title(m, s);
  if ((s = json_string_value(json_object_get(picked, "published"))))
    nx_meta_set_published(m, s);
  if ((s = json_string_value(json_object_get(picked, "site"))))
    nx_meta_set_site(m, s);
  if ((s = json_string_value(json_object_get(picked, "url"))))
    nx_meta_set_url(m, s);
  if ((s = json_string_value(json_object_get(picked, "lang"))))
    nx_meta_set_lang(m, s);
  json_t *authors = json_object_get(picked, "authors");
  if (m->nauthors > 0 || authors == NULL)
    return;
  if (json_is_string(authors))
    add_authors(m, json_string_value(authors));
  size_t i;
  json_t *a;
  json_array_foreach(authors, i, a)
  {
    if (json_is_string(a))
      nx_meta_add_author(m, json_string_value(a));
  }
}
