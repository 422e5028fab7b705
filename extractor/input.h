/* input.h: read one input (a file, or "-" for stdin) into memory. */
#ifndef NX_INPUT_H
#define NX_INPUT_H

#include "buf.h"

#include <stdbool.h>

/* Reads all of 'path' ("-" is stdin) into 'out' (whose cap limits the
 * size: NX_ETOOBIG past it). Errors name the path: a missing file, a
 * directory, a read error. */
nx_status nx_input_read(const char *path, struct nx_buf *out,
                        struct nx_error *err);

#endif /* NX_INPUT_H */
