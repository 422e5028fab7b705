/* options.h: the command line, parsed into struct nx_options, and the
 * --help and --version texts. */
#ifndef NX_OPTIONS_H
#define NX_OPTIONS_H

#include "extract.h"
#include "input.h"
#include "output.h"

#include <stdint.h>

#include <stdbool.h>
#include <stddef.h>

struct nx_options {
  const char **rule_paths; /* --rules, in order */
  size_t nrule_paths;
  bool no_default_rules;
  bool check_rules;
  bool strict;  /* --strict: --check-rules fails on warnings too */
  bool list_rules; /* --list-rules: what a rule can reuse, as Markdown */
  bool no_jit;  /* --no-jit: PCRE2's interpreter (for valgrind) */
  bool explain; /* --explain: every match and why it was kept or dropped */
  bool text;      /* --text: print the cleaned text, not records */
  bool full_text; /* --full-text: all visible text, no boilerplate removal */
  bool with_text; /* --with-text: the text in each document object */
  bool pretty; /* --pretty: indented JSON */
  bool quiet;
  enum nx_format format;        /* how single documents are read */
  enum nx_input_kind kind;      /* --input-format */
  enum nx_output_mode mode;     /* documents, --records, --format csv, --text */
  size_t max_bytes;
  unsigned jobs;                /* -j: worker threads (0: one per core) */
  bool unordered;               /* --unordered */
  bool progress;                /* --progress */
  const char *errors_path;      /* --errors FILE */
  uint64_t skip;                /* --skip N */
  const char **text_fields;     /* --field, may repeat or list a,b */
  size_t ntext_fields;
  const char **id_fields;       /* --id-field */
  size_t nid_fields;
  const char **keep;            /* --keep a,b */
  size_t nkeep;
  const char **types;           /* --types a,b: the record types written */
  size_t ntypes;
  bool provenance;              /* --provenance */
  bool version;                 /* --version: main prints it, with the
                                   rules' hash */
  const char **include, **exclude; /* --include/--exclude GLOB */
  const char *encoding;         /* --encoding NAME, or NULL */
  size_t ninclude, nexclude;
  const char **paths; /* the inputs; none means stdin */
  size_t npaths;
};

enum nx_options_result {
  NX_OPTIONS_RUN,   /* go on (opts->version: print the version) */
  NX_OPTIONS_EXIT,  /* --help was printed: exit 0 */
  NX_OPTIONS_USAGE  /* a usage error was reported: exit 2 */
};

/* Parses argv into opts (whose arrays the caller frees with
 * nx_options_free). Prints --help/--version to stdout and usage errors to
 * stderr. */
enum nx_options_result nx_options_parse(int argc, char **argv,
                                        struct nx_options *opts);
void nx_options_free(struct nx_options *opts);

/* Prints the versions of newsextract and its libraries (--version) to
 * stdout; main adds the rules' hash. */
void nx_options_print_version(void);

#endif /* NX_OPTIONS_H */
