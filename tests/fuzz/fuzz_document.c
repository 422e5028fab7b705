/* fuzz_document.c: one document through cleaning, matching and records,
 * with the built-in rules (NX_FUZZ_RULES, default ./rules). */
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "extract.h"
#include "replay.h"

static nx_extractor *extractors[2];

static void setup(void)
{
  const char *dir = getenv("NX_FUZZ_RULES");
  nx_ruleset *rs = nx_ruleset_new();
  struct nx_error err;
  xmlInitParser();
  if (nx_ruleset_add_path(rs, dir ? dir : "rules", &err) != NX_OK ||
      nx_ruleset_compile(rs, &err) != NX_OK)
    abort(); /* the fuzzer needs the real rules */
  extractors[0] = nx_extractor_new(rs, 1 << 20, 0);
  extractors[1] = nx_extractor_new(rs, 1 << 20, NX_EXTRACT_FULL_TEXT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (extractors[0] == NULL)
    setup();
  /* The first byte picks the reading, so one corpus covers all of them. */
  enum nx_format format = NX_FORMAT_AUTO;
  unsigned which = 0;
  if (size > 0) {
    format = (enum nx_format)(data[0] % 3);
    which = (data[0] >> 2) & 1;
    data++;
    size--;
  }
  json_t *doc = NULL;
  struct nx_error err;
  struct nx_source src = {(const char *)data, size, format, NULL, "fuzz", NULL};
  if (nx_extract_document(extractors[which], &src, &doc, &err) == NX_OK) {
    char *s = json_dumps(doc, JSON_COMPACT);
    if (s == NULL)
      abort(); /* every document must serialise: valid UTF-8 throughout */
    free(s);
  }
  json_decref(doc);
  return 0;
}
