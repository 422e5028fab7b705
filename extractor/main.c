/* main.c: the command line. Options -> rules -> one document at a time ->
 * exit code. No extraction logic lives here. */
#include "extract.h"
#include "batch.h"
#include "catalogue.h"
#include "input.h"
#include "log.h"
#include "options.h"
#include "rules.h"
#include "selftest.h"

#include <errno.h>
#include <signal.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NX_RULES_DIR
#define NX_RULES_DIR "/usr/local/share/newsextract/rules"
#endif

enum exit_code {
  EXIT_OK = 0,     /* every input was processed */
  EXIT_FAILED = 1, /* some inputs failed; the others were written */
  EXIT_USAGE = 2   /* bad options or rules: nothing ran */
  /* 128 + the signal number when SIGINT or SIGTERM stopped a batch */
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
  nx_ruleset_end_builtin(rs);
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
  if (opts->check_rules || opts->list_rules)
    for (size_t i = 0; i < opts->npaths && st == NX_OK; i++)
      st = add_rules(rs, opts->paths[i]);
  if (st == NX_OK) {
    struct nx_error err;
    nx_ruleset_set_jit(rs, !opts->no_jit);
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

/* A regular file this run writes to, which it must not read back. */
static void add_output(struct nx_input_options *in, int fd, const char *what)
{
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      in->noutputs < NX_MAX_OUTPUTS)
    in->outputs[in->noutputs++] =
        (struct nx_output_file){what, st.st_dev, st.st_ino};
}

/* "newsextract: 7 records in 2 documents (power 1, ratings 6)": the
 * records written per type, and the documents that had any. */
static void records_summary(const struct nx_batch_result *r,
                            const nx_output *out)
{
  uint64_t total = 0;
  char types[1024] = "";
  size_t used = 0;
  for (size_t t = 0; t < r->ntypes; t++) {
    total += r->records[t];
    if (used < sizeof types)
      used += (size_t)snprintf(types + used, sizeof types - used, "%s%s %llu",
                               t ? ", " : "", nx_output_type(out, t),
                               (unsigned long long)r->records[t]);
  }
  nx_log_note("newsextract: %llu record%s in %llu document%s (%s)\n",
              (unsigned long long)total, total == 1 ? "" : "s",
              (unsigned long long)r->with_records,
              r->with_records == 1 ? "" : "s", types);
}

static int run(const struct nx_options *opts, const nx_ruleset *rs)
{
  struct nx_input_options in = {
      .kind = opts->kind,
      .max_bytes = opts->max_bytes,
      .text_fields = opts->text_fields,
      .ntext_fields = opts->ntext_fields,
      .id_fields = opts->id_fields,
      .nid_fields = opts->nid_fields,
      .keep = opts->keep,
      .nkeep = opts->nkeep,
      .include = opts->include,
      .ninclude = opts->ninclude,
      .exclude = opts->exclude,
      .nexclude = opts->nexclude,
  };
  char hash[65] = "";
  if (opts->provenance) /* hashing every rule file is not free */
    nx_ruleset_hash(rs, hash);
  struct nx_output_options out_opts = {
      .mode = opts->mode,
      .pretty = opts->pretty,
      .types = opts->types,
      .ntypes = opts->ntypes,
      .keep = opts->keep,
      .nkeep = opts->nkeep,
      .rules_hash = opts->provenance ? hash : NULL,
  };
  nx_output *out;
  struct nx_error err;
  if (nx_output_new(rs, &out_opts, &out, &err) != NX_OK) {
    nx_log_nx_error(&err);
    return EXIT_USAGE;
  }
  /* A warning, not an error: the run is right, one field is not there. */
  if (nx_output_clash(out) && opts->mode != NX_OUTPUT_DOCUMENTS)
    nx_log_note("newsextract: warning: %s\n", nx_output_clash(out));
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  bool tty = isatty(STDERR_FILENO);
  struct nx_batch_options batch = {
      .jobs = opts->jobs ? opts->jobs : (unsigned)(cores > 0 ? cores : 1),
      .unordered = opts->unordered,
      .mode = opts->mode,
      .output = out,
      .progress = !opts->quiet && (opts->progress || tty),
      .progress_tty = tty,
      .skip = opts->skip,
      .max_bytes = opts->max_bytes,
      .extract_flags = (opts->full_text ? NX_EXTRACT_FULL_TEXT : 0) |
                       (opts->explain ? NX_EXTRACT_EXPLAIN : 0) |
                       (opts->with_text ? NX_EXTRACT_WITH_TEXT : 0),
      .format = opts->format,
      .encoding = opts->encoding,
  };
  /* NEWSEXTRACT_PROGRESS_SECONDS sets the interval: 0 gives a line per
   * document, so a test sees progress on a short run. */
  batch.progress_seconds = tty ? 0.25 : 2;
  const char *every = getenv("NEWSEXTRACT_PROGRESS_SECONDS");
  if (every && *every) {
    char *end;
    double s = strtod(every, &end);
    if (*end == '\0' && s >= 0)
      batch.progress_seconds = s;
  }
  if (batch.progress)
    batch.total_bytes = nx_input_total_bytes(
        (const char *const *)opts->paths, opts->npaths, &in);
  if (opts->errors_path &&
      (batch.errors = fopen(opts->errors_path, "w")) == NULL) {
    nx_log_error(opts->errors_path, "%s", strerror(errno));
    nx_output_free(out);
    return EXIT_USAGE;
  }
  add_output(&in, STDOUT_FILENO, "standard output");
  if (batch.errors)
    add_output(&in, fileno(batch.errors), "--errors");
  struct nx_batch_result r;
  nx_batch_handle_signals();
  nx_batch_run(rs, (const char *const *)opts->paths, opts->npaths, &in, &batch,
               &r);
  if (batch.errors && fclose(batch.errors) != 0)
    nx_log_error(opts->errors_path, "%s", strerror(errno));
  if (batch.progress && (opts->progress || r.documents > 1)) {
    char others[64] = "";
    if (r.not_documents)
      snprintf(others, sizeof others, ", %llu skipped (not documents)",
               (unsigned long long)r.not_documents);
    nx_log_note("newsextract: %llu documents, %llu written, %llu failed%s, "
                "%.1f MB in %.1f s\n",
                (unsigned long long)r.documents,
                (unsigned long long)r.written, (unsigned long long)r.failed,
                others, (double)r.bytes / 1e6, r.seconds);
  }
  if (batch.progress && (opts->progress || r.documents > 1) &&
      opts->mode != NX_OUTPUT_TEXT && opts->mode != NX_OUTPUT_EXPLAIN)
    records_summary(&r, out);
  nx_output_free(out);
  for (size_t i = 0; i < r.nlimited; i++)
    nx_log_error(NULL,
                 "rule %s hit its match limit on %llu document%s and was "
                 "skipped there (their records may be incomplete%s)",
                 r.limited_rules[i], (unsigned long long)r.limited_docs[i],
                 r.limited_docs[i] == 1 ? "" : "s",
                 opts->errors_path ? "; --errors lists them"
                                   : "; --errors FILE lists them");
  nx_batch_result_free(&r);
  int write_errno = r.write_failed ? r.write_errno
                    : fflush(stdout) != 0 ? errno
                                          : 0;
  /* A reader that closed the pipe (`| head`) wants no more: a normal end,
   * quiet, with the status of what was done (pipefail stays happy). A
   * full disk is an error. */
  if (write_errno && write_errno != EPIPE) {
    nx_log_error(NULL, "cannot write the output: %s", strerror(write_errno));
    return EXIT_FAILED;
  }
  if (r.signal) {
    nx_log_error(NULL,
                 "stopped by %s after %llu documents; rerun with --skip %llu "
                 "to go on",
                 r.signal == SIGINT ? "SIGINT" : "SIGTERM",
                 (unsigned long long)r.documents,
                 (unsigned long long)r.documents);
    return 128 + r.signal;
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
  if (opts.version)
    nx_options_print_version();
  nx_ruleset *rs = load_rules(&opts);
  if (rs && opts.list_rules) {
    nx_catalogue_write(rs, stdout);
    code = EXIT_OK;
  } else if (rs && opts.version) {
    char hash[65];
    size_t nfiles = nx_ruleset_hash(rs, hash);
    printf("rules SHA-256 %s (%zu files)\n", hash, nfiles);
    code = EXIT_OK;
  } else if (rs && opts.check_rules) {
    struct nx_selftest_result result;
    nx_selftest_run(rs, stdout, &result);
    /* --strict: a warning fails too (a CI check of a rule set) */
    code = result.failed || (opts.strict && result.warnings) ? EXIT_FAILED
                                                             : EXIT_OK;
  } else if (rs) {
    code = run(&opts, rs);
  }
  nx_ruleset_free(rs);
  nx_options_free(&opts);
  xmlCleanupParser();
  return code;
}
