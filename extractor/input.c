/* input.c: see input.h. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

nx_status nx_input_read(const char *path, struct nx_buf *out,
                        struct nx_error *err)
{
  bool is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "<stdin>" : path;
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return nx_fail(err, NX_EIO, name, 0, 0, "%s", strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    if (!is_stdin)
      close(fd);
    return nx_fail(err, NX_EINPUT, name, 0, 0, "is a directory");
  }
  if (out->max && S_ISREG(sb.st_mode) && (size_t)sb.st_size > out->max) {
    if (!is_stdin)
      close(fd);
    return nx_fail(err, NX_ETOOBIG, name, 0, 0,
                   "document of %lld bytes is over the limit of %zu bytes",
                   (long long)sb.st_size, out->max);
  }
  nx_status st = NX_OK;
  char chunk[65536];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      st = nx_fail(err, NX_EIO, name, 0, 0, "%s", strerror(errno));
      break;
    }
    if (n == 0)
      break;
    if (nx_buf_add(out, chunk, (size_t)n) != NX_OK) {
      st = nx_fail(err, NX_ETOOBIG, name, 0, 0,
                   "document is over the limit of %zu bytes", out->max);
      break;
    }
  }
  if (!is_stdin)
    close(fd);
  if (st == NX_OK)
    nx_buf_add(out, "", 0);
  return st;
}
