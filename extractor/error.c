/* error.c: status strings and the error record. See nx.h. */
#include "nx.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

nx_status nx_fail(struct nx_error *err, nx_status st, const char *source,
                  unsigned line, unsigned column, const char *fmt, ...)
{
  if (err == NULL)
    return st;
  snprintf(err->source, sizeof err->source, "%s", source ? source : "");
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->text, sizeof err->text, fmt, ap);
  va_end(ap);
  /* One line, always: a message quoting input must not break the format. */
  for (char *p = err->text; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  return st;
}

const char *nx_strerror(nx_status st)
{
  switch (st) {
  case NX_OK:
    return "success";
  case NX_EIO:
    return "cannot read input";
  case NX_ESYNTAX:
    return "syntax error";
  case NX_EREGEX:
    return "bad pattern";
  case NX_ETOOBIG:
    return "input too large";
  case NX_ELIMIT:
    return "pattern hit its match limit";
  case NX_EINPUT:
    return "not a readable document";
  }
  return "unknown error";
}

void nx_error_format(const struct nx_error *err, char *out, size_t size)
{
  if (err->line && err->column)
    snprintf(out, size, "%s:%u:%u: %s", err->source, err->line, err->column,
             err->text);
  else if (err->line)
    snprintf(out, size, "%s:%u: %s", err->source, err->line, err->text);
  else if (err->source[0])
    snprintf(out, size, "%s: %s", err->source, err->text);
  else
    snprintf(out, size, "%s", err->text);
}
