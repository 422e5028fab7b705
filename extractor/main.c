/* main.c: the command line. Options -> rules -> one document at a time ->
 * exit code. No extraction logic lives here. */
#include "extract.h"
#include "input.h"
#include "log.h"
#include "options.h"
#include "rules.h"
#include "selftest.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NX_RULES_DIR
#define NX_RULES_DIR "/usr/local/share/newsextract/rules"
#endif

enum exit_code {
  EXIT_OK = 0,     /* every input was processed */
  EXIT_FAILED = 1, /* some inputs failed; the others were written */
  EXIT_USAGE = 2   /* bad options or rules: nothing ran */
};

/* The built-in rules: the source tree's rules/ when this binary was built
 * there (build/newsextract), else the installed share directory. */
static void builtin_rules_dir(char *out, size_t size)
{
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char marker[PATH_MAX + 32];
      snprintf(marker, sizeof marker, "%s/../extractor/main.c", exe);
      char rules[PATH_MAX + 16], resolved[PATH_MAX];
      snprintf(rules, sizeof rules, "%s/../rules", exe);
      if (access(marker, F_OK) == 0 && realpath(rules, resolved)) {
        snprintf(out, size, "%s", resolved);
        return;
      }
    }
  }
  snprintf(out, size, "%s", NX_RULES_DIR);
}

static nx_status add_rules(nx_ruleset *rs, const char *path)
{
  struct nx_error err;
  nx_status st = nx_ruleset_add_path(rs, path, &err);
  if (st != NX_OK)
    nx_log_nx_error(&err);
  return st;
}

static nx_ruleset *load_rules(const struct nx_options *opts)
{
  nx_ruleset *rs = nx_ruleset_new();
  nx_status st = NX_OK;
  if (!opts->no_default_rules) {
    char dir[PATH_MAX + 16];
    builtin_rules_dir(dir, sizeof dir);
    st = add_rules(rs, dir);
  }
  for (size_t i = 0; i < opts->nrule_paths && st == NX_OK; i++)
    st = add_rules(rs, opts->rule_paths[i]);
  const char *env = getenv("NEWSEXTRACT_RULES");
  if (env && *env && st == NX_OK) {
    char *copy = strdup(env);
    for (char *save = NULL, *p = strtok_r(copy, ":", &save);
         p && st == NX_OK; p = strtok_r(NULL, ":", &save))
      st = add_rules(rs, p);
    free(copy);
  }
  if (opts->check_rules)
    for (size_t i = 0; i < opts->npaths && st == NX_OK; i++)
      st = add_rules(rs, opts->paths[i]);
  if (st == NX_OK) {
    struct nx_error err;
    st = nx_ruleset_compile(rs, &err);
    if (st != NX_OK)
      nx_log_nx_error(&err);
  }
  if (st != NX_OK) {
    nx_ruleset_free(rs);
    return NULL;
  }
  return rs;
}

/* Writes one document's output line. False when stdout failed. */
static bool write_document(const struct nx_options *opts, nx_extractor *x,
                           const char *path, const char *data, size_t len)
{
  const char *id = strcmp(path, "-") == 0 ? "-" : path;
  struct nx_error err;
  if (opts->text) {
    const char *text, *title;
    size_t text_len;
    if (nx_extract_text(x, data, len, opts->format, id, &text, &text_len,
                        &title, &err) != NX_OK) {
      nx_log_nx_error(&err);
      return true;
    }
    fwrite(text, 1, text_len, stdout);
    fputc('\n', stdout);
    return !ferror(stdout);
  }
  json_t *doc;
  if (nx_extract_document(x, data, len, opts->format, id, &doc, &err) !=
      NX_OK) {
    nx_log_nx_error(&err);
    return true;
  }
  for (size_t i = 0; i < nx_extract_limited(x); i++)
    nx_log_error(id, "rule %s hit its match limit and was skipped",
                 nx_extract_limited_rule(x, i));
  size_t flags = JSON_REAL_PRECISION(12) |
                 (opts->pretty ? JSON_INDENT(2) : JSON_COMPACT);
  int rc = json_dumpf(doc, stdout, flags);
  json_decref(doc);
  fputc('\n', stdout);
  return rc == 0 && !ferror(stdout);
}

static int run(const struct nx_options *opts, const nx_ruleset *rs)
{
  nx_extractor *x = nx_extractor_new(rs, opts->max_bytes,
                                     opts->full_text ? NX_EXTRACT_FULL_TEXT : 0);
  if (x == NULL) {
    nx_log_error(NULL, "cannot set up the matcher");
    return EXIT_USAGE;
  }
  static const char *const stdin_only[] = {"-"};
  const char *const *paths = opts->npaths ? opts->paths : stdin_only;
  size_t npaths = opts->npaths ? opts->npaths : 1;
  struct nx_buf data;
  nx_buf_init(&data, opts->max_bytes);
  bool out_ok = true;
  for (size_t i = 0; i < npaths && out_ok; i++) {
    struct nx_error err;
    nx_buf_clear(&data);
    if (nx_input_read(paths[i], &data, &err) != NX_OK) {
      nx_log_nx_error(&err);
      continue;
    }
    out_ok = write_document(opts, x, paths[i], data.data, data.len);
  }
  nx_buf_free(&data);
  nx_extractor_free(x);
  if (fflush(stdout) != 0 || !out_ok) {
    nx_log_error(NULL, "cannot write the output: %s", strerror(errno));
    return EXIT_FAILED;
  }
  return nx_log_errored() ? EXIT_FAILED : EXIT_OK;
}

int main(int argc, char **argv)
{
  struct nx_options opts;
  switch (nx_options_parse(argc, argv, &opts)) {
  case NX_OPTIONS_EXIT:
    nx_options_free(&opts);
    return EXIT_OK;
  case NX_OPTIONS_USAGE:
    nx_options_free(&opts);
    return EXIT_USAGE;
  case NX_OPTIONS_RUN:
    break;
  }
  nx_log_set_quiet(opts.quiet);
  xmlInitParser();
  int code = EXIT_USAGE;
  nx_ruleset *rs = load_rules(&opts);
  if (rs && opts.check_rules) {
    struct nx_selftest_result result;
    nx_selftest_run(rs, stdout, &result);
    code = result.failed ? EXIT_FAILED : EXIT_OK;
  } else if (rs) {
    code = run(&opts, rs);
  }
  nx_ruleset_free(rs);
  nx_options_free(&opts);
  xmlCleanupParser();
  return code;
}
