/* error.c: status strings and the error record. See nx.h. */
#include "nx.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A message cut by snprintf may end inside a UTF-8 character: drop the
 * part, or the string is not valid UTF-8 and cannot go into JSON. */
static void trim_cut_char(char *s, int wanted, size_t size)
{
  if (wanted < 0 || (size_t)wanted < size)
    return;
  size_t len = strlen(s), lead = len;
  while (lead > 0 && lead + 4 > len &&
         ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
    lead--;
  if (lead == 0)
    return;
  unsigned char c = (unsigned char)s[lead - 1];
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len - (lead - 1) < need)
    s[lead - 1] = '\0';
}

nx_status nx_fail(struct nx_error *err, nx_status st, const char *source,
                  unsigned line, unsigned column, const char *fmt, ...)
{
  if (err == NULL)
    return st;
  int n = snprintf(err->source, sizeof err->source, "%s", source ? source : "");
  trim_cut_char(err->source, n, sizeof err->source);
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  n = vsnprintf(err->text, sizeof err->text, fmt, ap);
  va_end(ap);
  trim_cut_char(err->text, n, sizeof err->text);
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
