/* nx.h: what every module shares: the status codes and the error record.
 * Library modules never print: they return an nx_status and fill a
 * struct nx_error; only log.c writes to stderr. */
#ifndef NX_H
#define NX_H

#include <stddef.h>

#if defined(__GNUC__) || defined(__clang__)
#define NX_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define NX_PRINTF(fmt, args)
#endif

#define NX_VERSION "0.1.0"

typedef enum {
  NX_OK = 0,
  NX_EIO,     /* an input could not be read */
  NX_ESYNTAX, /* malformed rule file or input record */
  NX_EREGEX,  /* a pattern did not compile or failed to run */
  NX_ETOOBIG, /* input larger than the size limit */
  NX_ELIMIT,  /* a pattern hit its match limit on this document */
  NX_EINPUT   /* an input is not something we can read (binary, a directory) */
} nx_status;

struct nx_error {
  char source[256]; /* file or input name, as the user gave it */
  unsigned line;    /* 1-based; 0 when it does not apply */
  unsigned column;  /* 1-based byte column; 0 when it does not apply */
  char text[256];   /* one line: no newline, no final period */
};

/* Fills 'err' (which may be NULL) and returns 'st', so that a failing
 * function can end with "return nx_fail(err, NX_EREGEX, ...);". */
nx_status nx_fail(struct nx_error *err, nx_status st, const char *source,
                  unsigned line, unsigned column, const char *fmt, ...)
    NX_PRINTF(6, 7);

/* One fixed string per status code. */
const char *nx_strerror(nx_status st);

/* Formats 'err' as "source:line:column: text" (parts that do not apply are
 * left out) into out[0, size). */
void nx_error_format(const struct nx_error *err, char *out, size_t size);

#endif /* NX_H */
