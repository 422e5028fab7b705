/* replay.h: a main() for a fuzz target built without libFuzzer (gcc
 * -DSTANDALONE), as PCRE2's pcre2_fuzzsupport.c does: it runs the target
 * on every file named on the command line (directories: every file in
 * them), so `make check` replays the seed corpus and every past crash. */
#ifndef NX_FUZZ_REPLAY_H
#define NX_FUZZ_REPLAY_H

#include <stddef.h>
#include <stdint.h>

/* The entry point every target defines; libFuzzer calls it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef STANDALONE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    return 1;
  }
  size_t cap = 1 << 16, len = 0;
  uint8_t *data = malloc(cap);
  size_t n;
  while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap)
      data = realloc(data, cap *= 2);
  }
  fclose(f);
  if (data == NULL)
    return 1;
  LLVMFuzzerTestOneInput(data, len);
  free(data);
  return 0;
}

int main(int argc, char **argv)
{
  int failed = 0, count = 0;
  for (int i = 1; i < argc; i++) {
    struct stat sb;
    if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
      DIR *d = opendir(argv[i]);
      struct dirent *e;
      while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
          continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
        failed |= replay_file(path);
        count++;
      }
      if (d)
        closedir(d);
    } else {
      failed |= replay_file(argv[i]);
      count++;
    }
  }
  printf("replayed %d inputs\n", count);
  return failed;
}
#endif /* STANDALONE */

#endif /* NX_FUZZ_REPLAY_H */
