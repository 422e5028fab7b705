/* input_dir.c: directory walks with fts(3): physical (a symbolic link to a
 * directory below the argument is not followed, so there are no loops), in
 * name order, each unreadable entry reported on its own. --include and
 * --exclude globs are matched as rsync and ripgrep users expect: a glob
 * with a slash against the path below the argument, one without against
 * the name. Archive entries are held to the same globs, their path in the
 * archive standing for the path below the argument. */
#include "input_impl.h"

#include "utf8.h"
#include "xalloc.h"

#include <errno.h>
#include <fnmatch.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const FTSENT **a, const FTSENT **b)
{
  return strcmp((*a)->fts_name, (*b)->fts_name);
}

/* 'rel' is the path below the walked directory, 'name' its last part. A
 * trailing slash makes a glob match directories only; a leading one is the
 * walked directory itself. */
static bool glob_matches(const char *glob, const char *name, const char *rel,
                         bool is_dir)
{
  size_t n = strlen(glob);
  char *g = xstrdup(glob);
  bool dir_only = n > 1 && g[n - 1] == '/';
  if (dir_only)
    g[n - 1] = '\0';
  const char *pat = g[0] == '/' ? g + 1 : g;
  bool hit;
  if (dir_only && !is_dir)
    hit = false;
  else if (strchr(g, '/'))
    hit = fnmatch(pat, rel, FNM_PATHNAME) == 0;
  else
    hit = fnmatch(pat, name, 0) == 0;
  free(g);
  return hit;
}

static bool matches_any(const char *const *globs, size_t n, const char *name,
                        const char *rel, bool is_dir)
{
  for (size_t i = 0; i < n; i++)
    if (glob_matches(globs[i], name, rel, is_dir))
      return true;
  return false;
}

static bool file_wanted(const struct nx_input_options *o, const char *name,
                        const char *rel)
{
  return (o->ninclude == 0 ||
          matches_any(o->include, o->ninclude, name, rel, false)) &&
         !matches_any(o->exclude, o->nexclude, name, rel, false);
}

bool nx_input_entry_wanted(const struct nx_input_options *o,
                           const char *path)
{
  while (path[0] == '.' && path[1] == '/')
    path += 2;
  while (*path == '/')
    path++;
  char *rel = xstrdup(path);
  bool wanted = true;
  /* Each directory on the way: "a/b/c.html" tries "a" and "a/b". */
  for (char *slash = strchr(rel, '/'); wanted && slash;
       slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    const char *up = strrchr(rel, '/');
    wanted = !matches_any(o->exclude, o->nexclude, up ? up + 1 : rel, rel,
                          true);
    *slash = '/';
  }
  if (wanted) {
    const char *up = strrchr(rel, '/');
    wanted = file_wanted(o, up ? up + 1 : rel, rel);
  }
  free(rel);
  return wanted;
}

static bool walk_error(struct nx_reader *r, const char *path, int err)
{
  if (r == NULL)
    return true;
  char *id = nx_utf8_escape(path, strlen(path));
  bool go_on = nx_reader_fail(r, id, NX_EIO, "%s", strerror(err));
  free(id);
  return go_on;
}

bool nx_walk_dir(const char *dir, const struct nx_input_options *o,
                 nx_walk_fn *fn, void *ctx, struct nx_reader *r)
{
  /* "articles/" gives ids "articles/x", not "articles//x" */
  char *root = xstrdup(dir);
  size_t root_len = strlen(root);
  while (root_len > 1 && root[root_len - 1] == '/')
    root[--root_len] = '\0';
  char *const roots[] = {root, NULL};
  FTS *fts = fts_open(roots, FTS_PHYSICAL | FTS_COMFOLLOW | FTS_NOCHDIR, by_name);
  if (fts == NULL) {
    bool go_on = walk_error(r, dir, errno);
    free(root);
    return go_on;
  }
  bool go_on = true;
  FTSENT *e = NULL;
  while (go_on && (e = fts_read(fts)) != NULL) {
    const char *rel = e->fts_level > 0 ? e->fts_path + root_len + 1 : "";
    bool hidden = e->fts_level > 0 && e->fts_name[0] == '.';
    switch (e->fts_info) {
    case FTS_D:
      if (e->fts_level > 0 &&
          (hidden || matches_any(o->exclude, o->nexclude, e->fts_name, rel,
                                 true)))
        fts_set(fts, e, FTS_SKIP);
      break;
    case FTS_F:
    case FTS_SL: {
      struct stat sb;
      if (hidden)
        break;
      if (e->fts_info == FTS_F)
        sb = *e->fts_statp;
      else if (stat(e->fts_accpath, &sb) != 0) {
        go_on = walk_error(r, e->fts_path, errno);
        break;
      }
      if (!S_ISREG(sb.st_mode))
        break; /* a link to a directory is not followed */
      if (file_wanted(o, e->fts_name, rel))
        go_on = fn(ctx, e->fts_path, &sb);
      break;
    }
    case FTS_DNR:
    case FTS_ERR:
    case FTS_NS:
      go_on = walk_error(r, e->fts_path, e->fts_errno);
      break;
    default: /* FTS_DP after a directory; devices, FIFOs and sockets */
      break;
    }
  }
  if (go_on && errno && e == NULL)
    go_on = walk_error(r, dir, errno);
  fts_close(fts);
  free(root);
  return go_on;
}
