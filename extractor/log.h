/* log.h: the only writer to stderr. Diagnostics are one line each,
 * "newsextract: SOURCE: reason", and set the process's errored flag. */
#ifndef NX_LOG_H
#define NX_LOG_H

#include "nx.h"

#include <stdbool.h>

/* "newsextract: SOURCE: message"; source may be NULL. Sets errored. */
void nx_log_error(const char *source, const char *fmt, ...) NX_PRINTF(2, 3);
/* The same for a filled error record. */
void nx_log_nx_error(const struct nx_error *err);
/* A plain line (progress, summaries), unless quiet. */
void nx_log_note(const char *fmt, ...) NX_PRINTF(1, 2);

void nx_log_set_quiet(bool quiet);
/* Sets the errored flag for an error printed elsewhere (batch.c writes
 * its workers' diagnostic lines itself, in input order). */
void nx_log_mark_errored(void);
bool nx_log_errored(void);

#endif /* NX_LOG_H */
