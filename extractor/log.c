/* log.c: see log.h. Each message is formatted whole and written with one
 * call, so lines from several threads never interleave. */
#include "log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_bool errored;
static atomic_bool quiet;

static void emit(const char *source, const char *fmt, va_list ap)
    NX_PRINTF(2, 0);

static void emit(const char *source, const char *fmt, va_list ap)
{
  char msg[1024], line[1400];
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (source && *source)
    snprintf(line, sizeof line, "newsextract: %s: %s\n", source, msg);
  else
    snprintf(line, sizeof line, "newsextract: %s\n", msg);
  fputs(line, stderr);
}

void nx_log_error(const char *source, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  emit(source, fmt, ap);
  va_end(ap);
  atomic_store(&errored, true);
}

void nx_log_nx_error(const struct nx_error *err)
{
  char line[800];
  nx_error_format(err, line, sizeof line);
  nx_log_error(NULL, "%s", line);
}

void nx_log_note(const char *fmt, ...)
{
  if (atomic_load(&quiet))
    return;
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  fputs(line, stderr);
}

void nx_log_set_quiet(bool q)
{
  atomic_store(&quiet, q);
}

void nx_log_mark_errored(void)
{
  atomic_store(&errored, true);
}

bool nx_log_errored(void)
{
  return atomic_load(&errored);
}
