/* options.c: see options.h. */
#include "options.h"

#include "log.h"
#include "xalloc.h"

#include <ctype.h>
#include <getopt.h>
#include <jansson.h>
#include <libxml/xmlversion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define DEFAULT_MAX_BYTES (64u * 1024 * 1024)

static const char usage_text[] =
    "Usage: newsextract [OPTIONS] [PATH...]\n"
    "Extract tickers, analyst ratings, price targets and power capacity\n"
    "from news articles (HTML or plain text) as JSON Lines.\n"
    "\n"
    "Each PATH is an article file; '-' or no PATH reads one article from\n"
    "standard input. One JSON object per article is written to standard\n"
    "output, in the order given.\n"
    "\n"
    "Output:\n"
    "  -t, --text               print the cleaned text instead of records\n"
    "                           (the text that record spans index into)\n"
    "      --full-text          with --text: the whole visible text of the\n"
    "                           page, without boilerplate removal\n"
    "  -p, --pretty             indent the JSON\n"
    "\n"
    "Input:\n"
    "  -f, --input-format FMT   auto (default), html or text\n"
    "      --max-bytes N        skip documents larger than N bytes (K, M, G\n"
    "                           suffixes allowed; default 64M)\n"
    "\n"
    "Rules:\n"
    "  -r, --rules PATH         add a rule file or directory after the\n"
    "                           built-in rules (repeatable); a rule with the\n"
    "                           name of a built-in one replaces it\n"
    "      --no-default-rules   start without the built-in rules\n"
    "      --check-rules [PATH...]\n"
    "                           compile the rules (built-in and PATHs), run\n"
    "                           every rule's examples and report; exit 0 only\n"
    "                           when all pass\n"
    "\n"
    "Other:\n"
    "  -q, --quiet              no warnings or summaries on stderr\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show versions of newsextract and its\n"
    "                           libraries and exit\n"
    "\n"
    "Environment:\n"
    "  NEWSEXTRACT_RULES        colon-separated rule paths, added after the\n"
    "                           --rules paths\n"
    "\n"
    "Exit status: 0 when every input was processed, 1 when some failed (each\n"
    "failure is reported on stderr, the others are still written), 2 for\n"
    "usage or rule errors.\n";

static void print_version(void)
{
  char pcre[64];
  pcre2_config(PCRE2_CONFIG_VERSION, pcre);
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  printf("newsextract %s\n", NX_VERSION);
  printf("libxml2 %s, PCRE2 %s (JIT %s), utf8proc %s, jansson %s\n",
         LIBXML_DOTTED_VERSION, pcre, jit ? "on" : "off", utf8proc_version(),
         JANSSON_VERSION);
}

/* Reports "WHAT, not 'ARG'" (or "WHAT 'ARG'") and the hint line. */
static enum nx_options_result usage_error(const char *what, const char *arg)
{
  nx_log_error(NULL, "%s '%s'", what, arg);
  fputs("Try 'newsextract --help'.\n", stderr);
  return NX_OPTIONS_USAGE;
}

/* "64M" -> 67108864; false on anything else. */
static bool parse_size(const char *s, size_t *out)
{
  char *end;
  if (!isdigit((unsigned char)*s))
    return false;
  unsigned long long v = strtoull(s, &end, 10);
  unsigned long long mult = 1;
  switch (toupper((unsigned char)*end)) {
  case 'K': mult = 1ull << 10; end++; break;
  case 'M': mult = 1ull << 20; end++; break;
  case 'G': mult = 1ull << 30; end++; break;
  default: break;
  }
  if (*end == 'i' || *end == 'B')
    end += *end == 'i' && end[1] == 'B' ? 2 : 1;
  if (*end != '\0' || v == 0 || v > (unsigned long long)SIZE_MAX / mult)
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
  OPT_FULL_TEXT
};

enum nx_options_result nx_options_parse(int argc, char **argv,
                                        struct nx_options *opts)
{
  static const struct option longopts[] = {
      {"rules", required_argument, NULL, 'r'},
      {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
      {"check-rules", no_argument, NULL, OPT_CHECK_RULES},
      {"input-format", required_argument, NULL, 'f'},
      {"text", no_argument, NULL, 't'},
      {"pretty", no_argument, NULL, 'p'},
      {"full-text", no_argument, NULL, OPT_FULL_TEXT},
      {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  memset(opts, 0, sizeof *opts);
  opts->max_bytes = DEFAULT_MAX_BYTES;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":r:f:tpqhV", longopts, NULL)) != -1) {
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
    case 'f':
      if (strcmp(optarg, "auto") == 0)
        opts->format = NX_FORMAT_AUTO;
      else if (strcmp(optarg, "html") == 0)
        opts->format = NX_FORMAT_HTML;
      else if (strcmp(optarg, "text") == 0)
        opts->format = NX_FORMAT_TEXT;
      else
        return usage_error("--input-format takes auto, html or text, not",
                           optarg);
      break;
    case 't':
      opts->text = true;
      break;
    case OPT_FULL_TEXT:
      opts->text = opts->full_text = true;
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
      print_version();
      return NX_OPTIONS_EXIT;
    case ':':
      return usage_error("this option needs a value:", argv[optind - 1]);
    default:
      return usage_error("unknown option", argv[optind - 1]);
    }
  }
  for (int i = optind; i < argc; i++)
    push(&opts->paths, &opts->npaths, argv[i]);
  return NX_OPTIONS_RUN;
}

void nx_options_free(struct nx_options *opts)
{
  free(opts->rule_paths);
  free(opts->paths);
  opts->rule_paths = opts->paths = NULL;
}
