/* options.c: see options.h. */
#include "options.h"

#include "decode.h"
#include "input_kind.h"

#include "log.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <archive.h>
#include <getopt.h>
#include <jansson.h>
#include <libxml/xmlversion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zlib.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define DEFAULT_MAX_BYTES (64u * 1024 * 1024)

static const char usage_text[] =
    "Usage: newsextract [OPTIONS] [PATH...]\n"
    "Extract tickers, analyst ratings, price targets and power capacity\n"
    "from news articles (HTML or plain text) as JSON Lines.\n"
    "\n"
    "Each PATH is an article (HTML or text), a directory (walked in name\n"
    "order), a JSON Lines dump, a WARC file, a tar/zip archive, or any of\n"
    "these compressed with gzip, bzip2, xz or zstd; '-' or no PATH reads\n"
    "standard input. One JSON object per article is written to standard\n"
    "output, in input order.\n"
    "\n"
    "Output:\n"
    "  -t, --text               print the cleaned text instead of records\n"
    "                           (the text that record spans index into)\n"
    "      --full-text          with --text: the whole visible text of the\n"
    "                           page, without boilerplate removal\n"
    "      --with-text          add the cleaned text (\"text\", what spans\n"
    "                           index) to each document object\n"
    "  -p, --pretty             indent the JSON\n"
    "      --records            one JSON line per record (with \"doc\",\n"
    "                           \"type\" and the document's url, title and\n"
    "                           published) instead of one per document\n"
    "      --format FMT         json (default) or csv (one row per record)\n"
    "      --errors FILE        also write one JSON line per failure to FILE\n"
    "      --types A,B          write only these record types (the rules all\n"
    "                           still run, so the records are the same)\n"
    "      --provenance         add newsextract_version and rules_sha256\n"
    "                           (the loaded rules' SHA-256) to each document\n"
    "\n"
    "Input:\n"
    "  -f, --input-format FMT   auto (default), html, text, jsonl or warc\n"
    "      --field NAME         JSON Lines: the field holding the article\n"
    "                           (default: html, content, text, body)\n"
    "      --id-field NAME      JSON Lines: the id field (default: id, url)\n"
    "      --keep A,B           JSON Lines: copy these fields to the output,\n"
    "                           in a \"kept\" object\n"
    "      --include GLOB       directories and archives: only files\n"
    "                           matching GLOB\n"
    "      --exclude GLOB       directories and archives: skip files\n"
    "                           matching GLOB\n"
    "      --encoding NAME      the encoding of text and HTML files (iconv\n"
    "                           names: latin1, cp1252, shift_jis...); else\n"
    "                           UTF-8, or Windows-1252 when not UTF-8\n"
    "      --skip N             pass over the first N documents (resume an\n"
    "                           interrupted run)\n"
    "      --max-bytes N        skip documents larger than N bytes (K, M, G\n"
    "                           suffixes allowed; default 64M)\n"
    "\n"
    "Rules:\n"
    "  -r, --rules PATH         add a rule file or directory after the\n"
    "                           built-in rules (repeatable); a rule with the\n"
    "                           name of a built-in one replaces it\n"
    "      --no-default-rules   start without the built-in rules\n"
    "      --explain            for each document, every rule that matched:\n"
    "                           where, its fields, and why a candidate was\n"
    "                           dropped (veto, overlap, stop list, duplicate,\n"
    "                           outside the main text)\n"
    "      --check-rules [PATH...]\n"
    "                           compile the rules (built-in and PATHs), run\n"
    "                           every rule's examples and report; exit 0 only\n"
    "                           when all pass\n"
    "      --strict             with --check-rules: warnings fail it too\n"
    "      --list-rules [PATH...]\n"
    "                           list what a rule can reuse (definitions,\n"
    "                           mention types, word lists, functions)\n"
    "\n"
    "Running:\n"
    "  -j, --jobs N             worker threads (default: one per core)\n"
    "      --unordered          write results as they finish, not in input\n"
    "                           order\n"
    "      --progress           show progress on stderr even when it is not\n"
    "                           a terminal (it is shown on a terminal)\n"
    "\n"
    "Other:\n"
    "  -q, --quiet              no progress or summary on stderr\n"
    "      --no-jit             match with PCRE2's interpreter, not its JIT\n"
    "                           (for valgrind, which cannot follow JIT code)\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show versions of newsextract and its\n"
    "                           libraries and the rules' SHA-256, and exit\n"
    "\n"
    "Environment:\n"
    "  NEWSEXTRACT_RULES        colon-separated rule paths, added after the\n"
    "                           --rules paths\n"
    "\n"
    "Exit status: 0 when every input was processed, 1 when some failed (each\n"
    "failure is reported on stderr, the others are still written), 2 for\n"
    "usage or rule errors, 130/143 when stopped by SIGINT/SIGTERM (the\n"
    "documents in flight are finished and written first).\n";

void nx_options_print_version(void)
{
  char pcre[64];
  pcre2_config(PCRE2_CONFIG_VERSION, pcre);
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  printf("newsextract %s\n", NX_VERSION);
  printf("libxml2 %s, PCRE2 %s (JIT %s), utf8proc %s, jansson %s, %s, "
         "zlib %s\n",
         LIBXML_DOTTED_VERSION, pcre, jit ? "on" : "off", utf8proc_version(),
         JANSSON_VERSION, archive_version_details(), zlibVersion());
}

/* Reports "WHAT, not 'ARG'" (or "WHAT 'ARG'") and the hint line. */
static enum nx_options_result usage_error(const char *what, const char *arg)
{
  nx_log_error(NULL, "%s '%s'", what, arg);
  fputs("Try 'newsextract --help'.\n", stderr);
  return NX_OPTIONS_USAGE;
}

/* Two output modes asked for at once: exit 2 naming both, rather than
 * one silently winning. */
static enum nx_options_result check_modes(const struct nx_options *opts)
{
  const char *modes[5];
  size_t n = 0;
  if (opts->explain)
    modes[n++] = "--explain";
  if (opts->text)
    modes[n++] = opts->full_text ? "--full-text" : "--text";
  if (opts->mode == NX_OUTPUT_RECORDS)
    modes[n++] = "--records";
  if (opts->mode == NX_OUTPUT_CSV)
    modes[n++] = "--format csv";
  if (opts->with_text && n > 0)
    modes[n++] = "--with-text";
  /* Options of the record outputs, which --text and --explain are not. */
  const char *for_records = opts->ntypes       ? "--types"
                            : opts->provenance ? "--provenance"
                                               : NULL;
  if (for_records && (opts->text || opts->explain)) {
    nx_log_error(NULL, "%s does not apply to %s, which writes no records",
                 for_records, modes[0]);
    fputs("Try 'newsextract --help'.\n", stderr);
    return NX_OPTIONS_USAGE;
  }
  if (n < 2)
    return NX_OPTIONS_RUN;
  nx_log_error(NULL, "%s and %s are different outputs: choose one", modes[0],
               modes[1]);
  fputs("Try 'newsextract --help'.\n", stderr);
  return NX_OPTIONS_USAGE;
}

/* Paths a user may mean otherwise: a URL (this tool does not fetch), or
 * none with a terminal on stdin (a silent wait for input looks hung). */
static enum nx_options_result check_paths(const struct nx_options *opts)
{
  if (opts->check_rules || opts->list_rules)
    return NX_OPTIONS_RUN;
  for (size_t i = 0; i < opts->npaths; i++) {
    const char *p = opts->paths[i];
    if ((strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0) &&
        access(p, F_OK) != 0) {
      nx_log_error(p, "newsextract does not fetch URLs: curl -s '%s' | "
                      "newsextract",
                   p);
      return NX_OPTIONS_USAGE;
    }
  }
  if (opts->npaths == 0 && isatty(STDIN_FILENO)) {
    fputs("newsextract: reading an article from the terminal; end it with "
          "Ctrl-D (or give a PATH: newsextract --help)\n",
          stderr);
  }
  return NX_OPTIONS_RUN;
}

/* "64M" -> 67108864; false on anything else. */
static bool parse_size(const char *s, size_t *out)
{
  char *end;
  if (!isdigit((unsigned char)*s))
    return false;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno == ERANGE)
    return false;
  unsigned long long mult = 1;
  switch (toupper((unsigned char)*end)) {
  case 'K': mult = 1ull << 10; end++; break;
  case 'M': mult = 1ull << 20; end++; break;
  case 'G': mult = 1ull << 30; end++; break;
  default: break;
  }
  if (*end == 'i' || *end == 'B')
    end += *end == 'i' && end[1] == 'B' ? 2 : 1;
  /* A quarter of the address space at most: readers size their buffers
   * as twice the limit plus headroom, which must not wrap. */
  if (*end != '\0' || v == 0 || v > (unsigned long long)(SIZE_MAX / 4) / mult)
    return false;
  *out = (size_t)(v * mult);
  return true;
}

static void push(const char ***array, size_t *n, const char *s)
{
  *array = xrealloc(*array, (*n + 1) * sizeof **array);
  (*array)[(*n)++] = s;
}

enum {
  OPT_NO_DEFAULT_RULES = 256,
  OPT_CHECK_RULES,
  OPT_MAX_BYTES,
  OPT_FULL_TEXT,
  OPT_WITH_TEXT,
  OPT_RECORDS,
  OPT_FORMAT,
  OPT_ERRORS,
  OPT_FIELD,
  OPT_ID_FIELD,
  OPT_KEEP,
  OPT_INCLUDE,
  OPT_ENCODING,
  OPT_EXCLUDE,
  OPT_SKIP,
  OPT_UNORDERED,
  OPT_PROGRESS,
  OPT_NO_JIT,
  OPT_EXPLAIN,
  OPT_LIST_INPUT_KINDS,
  OPT_STRICT,
  OPT_LIST_RULES,
  OPT_TYPES,
  OPT_PROVENANCE
};

/* Adds each comma-separated name of s to the array. */
static void push_list(const char ***array, size_t *n, char *s)
{
  for (char *save = NULL, *p = strtok_r(s, ",", &save); p;
       p = strtok_r(NULL, ",", &save))
    if (*p)
      push(array, n, p);
}

static bool parse_count(const char *s, uint64_t *out)
{
  char *end;
  if (!isdigit((unsigned char)*s))
    return false;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (*end || errno)
    return false;
  *out = v;
  return true;
}

enum nx_options_result nx_options_parse(int argc, char **argv,
                                        struct nx_options *opts)
{
  static const struct option longopts[] = {
      {"rules", required_argument, NULL, 'r'},
      {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
      {"check-rules", no_argument, NULL, OPT_CHECK_RULES},
      {"strict", no_argument, NULL, OPT_STRICT},
      {"list-rules", no_argument, NULL, OPT_LIST_RULES},
      {"input-format", required_argument, NULL, 'f'},
      {"text", no_argument, NULL, 't'},
      {"pretty", no_argument, NULL, 'p'},
      {"full-text", no_argument, NULL, OPT_FULL_TEXT},
      {"with-text", no_argument, NULL, OPT_WITH_TEXT},
      {"records", no_argument, NULL, OPT_RECORDS},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"errors", required_argument, NULL, OPT_ERRORS},
      {"field", required_argument, NULL, OPT_FIELD},
      {"id-field", required_argument, NULL, OPT_ID_FIELD},
      {"keep", required_argument, NULL, OPT_KEEP},
      {"types", required_argument, NULL, OPT_TYPES},
      {"provenance", no_argument, NULL, OPT_PROVENANCE},
      {"include", required_argument, NULL, OPT_INCLUDE},
      {"encoding", required_argument, NULL, OPT_ENCODING},
      {"exclude", required_argument, NULL, OPT_EXCLUDE},
      {"skip", required_argument, NULL, OPT_SKIP},
      {"jobs", required_argument, NULL, 'j'},
      {"unordered", no_argument, NULL, OPT_UNORDERED},
      {"progress", no_argument, NULL, OPT_PROGRESS},
      {"no-jit", no_argument, NULL, OPT_NO_JIT},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      /* Not in --help: prints the README's input table, which
       * tests/cli/input-kinds.sh compares with the README. */
      {"list-input-kinds", no_argument, NULL, OPT_LIST_INPUT_KINDS},
      {NULL, 0, NULL, 0}};
  memset(opts, 0, sizeof *opts);
  opts->max_bytes = DEFAULT_MAX_BYTES;
  opterr = 0;
  int c;
  uint64_t n;
  while ((c = getopt_long(argc, argv, ":r:f:j:tpqhV", longopts, NULL)) != -1) {
    switch (c) {
    case 'r':
      push(&opts->rule_paths, &opts->nrule_paths, optarg);
      break;
    case OPT_NO_DEFAULT_RULES:
      opts->no_default_rules = true;
      break;
    case OPT_CHECK_RULES:
      opts->check_rules = true;
      break;
    case OPT_STRICT:
      opts->strict = true;
      break;
    case OPT_LIST_RULES:
      opts->list_rules = true;
      break;
    case 'f':
      if (strcmp(optarg, "auto") == 0)
        opts->kind = NX_INPUT_AUTO;
      else if (strcmp(optarg, "html") == 0) {
        opts->kind = NX_INPUT_HTML;
        opts->format = NX_FORMAT_HTML;
      } else if (strcmp(optarg, "text") == 0) {
        opts->kind = NX_INPUT_TEXT;
        opts->format = NX_FORMAT_TEXT;
      } else if (strcmp(optarg, "jsonl") == 0)
        opts->kind = NX_INPUT_JSONL;
      else if (strcmp(optarg, "warc") == 0)
        opts->kind = NX_INPUT_WARC;
      else
        return usage_error(
            "--input-format takes auto, html, text, jsonl or warc, not",
            optarg);
      break;
    case 'j':
      if (!parse_count(optarg, &n) || n == 0 || n > 256)
        return usage_error("--jobs takes a number from 1 to 256, not", optarg);
      opts->jobs = (unsigned)n;
      break;
    case OPT_RECORDS:
      opts->mode = NX_OUTPUT_RECORDS;
      break;
    case OPT_FORMAT:
      if (strcmp(optarg, "csv") == 0)
        opts->mode = NX_OUTPUT_CSV;
      else if (strcmp(optarg, "json") != 0)
        return usage_error("--format takes json or csv, not", optarg);
      break;
    case OPT_ERRORS:
      opts->errors_path = optarg;
      break;
    case OPT_FIELD:
      push_list(&opts->text_fields, &opts->ntext_fields, optarg);
      break;
    case OPT_ID_FIELD:
      push_list(&opts->id_fields, &opts->nid_fields, optarg);
      break;
    case OPT_KEEP:
      push_list(&opts->keep, &opts->nkeep, optarg);
      break;
    case OPT_TYPES:
      push_list(&opts->types, &opts->ntypes, optarg);
      break;
    case OPT_PROVENANCE:
      opts->provenance = true;
      break;
    case OPT_INCLUDE:
      push(&opts->include, &opts->ninclude, optarg);
      break;
    case OPT_EXCLUDE:
      push(&opts->exclude, &opts->nexclude, optarg);
      break;
    case OPT_ENCODING:
      if (!nx_decode_known(optarg))
        return usage_error("--encoding takes an encoding iconv knows (see "
                           "iconv -l), not",
                           optarg);
      opts->encoding = optarg;
      break;
    case OPT_SKIP:
      if (!parse_count(optarg, &opts->skip))
        return usage_error("--skip takes a count of documents, not", optarg);
      break;
    case OPT_UNORDERED:
      opts->unordered = true;
      break;
    case OPT_PROGRESS:
      opts->progress = true;
      break;
    case OPT_NO_JIT:
      opts->no_jit = true;
      break;
    case OPT_EXPLAIN:
      opts->explain = true;
      break;
    case 't':
      opts->text = true;
      break;
    case OPT_FULL_TEXT:
      opts->text = opts->full_text = true;
      break;
    case OPT_WITH_TEXT:
      opts->with_text = true;
      break;
    case 'p':
      opts->pretty = true;
      break;
    case OPT_MAX_BYTES:
      if (!parse_size(optarg, &opts->max_bytes))
        return usage_error("--max-bytes takes a size such as 64M, not",
                           optarg);
      break;
    case 'q':
      opts->quiet = true;
      break;
    case 'h':
      fputs(usage_text, stdout);
      return NX_OPTIONS_EXIT;
    case 'V':
      opts->version = true;
      break;
    case OPT_LIST_INPUT_KINDS:
      nx_input_kinds_markdown(stdout);
      return NX_OPTIONS_EXIT;
    case ':':
      return usage_error("this option needs a value:", argv[optind - 1]);
    default:
      return usage_error("unknown option", argv[optind - 1]);
    }
  }
  for (int i = optind; i < argc; i++)
    push(&opts->paths, &opts->npaths, argv[i]);
  if (opts->version)
    return NX_OPTIONS_RUN;
  enum nx_options_result r = check_modes(opts);
  if (r != NX_OPTIONS_RUN)
    return r;
  if (opts->strict && !opts->check_rules) {
    nx_log_error(NULL, "--strict goes with --check-rules");
    fputs("Try 'newsextract --help'.\n", stderr);
    return NX_OPTIONS_USAGE;
  }
  if (opts->text)
    opts->mode = NX_OUTPUT_TEXT;
  if (opts->explain)
    opts->mode = NX_OUTPUT_EXPLAIN;
  return check_paths(opts);
}

void nx_options_free(struct nx_options *opts)
{
  free(opts->rule_paths);
  free(opts->paths);
  free(opts->text_fields);
  free(opts->id_fields);
  free(opts->keep);
  free(opts->types);
  free(opts->include);
  free(opts->exclude);
  memset(opts, 0, sizeof *opts);
}
