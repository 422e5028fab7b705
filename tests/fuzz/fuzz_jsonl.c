/* fuzz_jsonl.c: the JSON Lines reader (through libarchive, so compressed
 * dumps too). */
#include <stdint.h>

#include "input.h"
#include "replay.h"

static bool take(void *ctx, struct nx_doc *doc)
{
  (void)ctx;
  nx_doc_free(doc);
  return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char *const keep[] = {"url", "published"};
  struct nx_input_options opts = {.kind = NX_INPUT_JSONL,
                                  .max_bytes = 1 << 20,
                                  .keep = keep,
                                  .nkeep = 2};
  nx_input_each_memory("fuzz.jsonl", data, size, &opts, take, NULL);
  return 0;
}
