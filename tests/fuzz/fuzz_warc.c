/* fuzz_warc.c: the WARC reader and libarchive's formats and filters: the
 * first byte chooses WARC or automatic detection (tar, zip, gzip...). */
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
  struct nx_input_options opts = {.kind = NX_INPUT_WARC, .max_bytes = 1 << 20};
  if (size > 0) {
    opts.kind = data[0] & 1 ? NX_INPUT_WARC : NX_INPUT_AUTO;
    data++;
    size--;
  }
  nx_input_each_memory("fuzz.warc", data, size, &opts, take, NULL);
  return 0;
}
