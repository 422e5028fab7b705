# Failures at start-up that only a starved system gives, forced with an
# LD_PRELOAD shim (issue 13 item 12): a worker thread that cannot start
# leaves its work to the others (or to the main thread), and PCRE2 failing
# to allocate a matcher is "out of memory" (abort, as xmalloc does), not a
# NULL extractor used later.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

/* SHIM_THREADS=N: the first N threads start, later ones fail (EAGAIN). */
int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*f)(void *),
                   void *arg)
{
  static int calls;
  const char *allow = getenv("SHIM_THREADS");
  if (allow && calls++ >= atoi(allow))
    return EAGAIN;
  int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *) =
      (int (*)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *))
          dlsym(RTLD_NEXT, "pthread_create");
  return real(t, a, f, arg);
}

/* SHIM_NO_MATCH_CONTEXT: PCRE2 cannot allocate a match context. */
void *pcre2_match_context_create_8(void *g)
{
  if (getenv("SHIM_NO_MATCH_CONTEXT"))
    return NULL;
  void *(*real)(void *) = (void *(*)(void *))dlsym(RTLD_NEXT, "pcre2_match_context_create_8");
  return real(g);
}
C
${CC:-cc} -shared -fPIC -o "$dir/shim.so" "$dir/shim.c" -ldl || { echo "cannot build the shim"; exit 1; }
status=0
files=$(ls corpus/*.html | head -20)
# shellcheck disable=SC2086
"$NX" -j1 $files >"$dir/want" 2>/dev/null
for allow in 0 2; do
  # shellcheck disable=SC2086
  SHIM_THREADS=$allow LD_PRELOAD="$dir/shim.so" timeout -s KILL 60 "$NX" -j4 $files >"$dir/got" 2>"$dir/err"
  rc=$?
  [ "$rc" = 0 ] || { echo "$allow of 4 threads: exit $rc: $(cat "$dir/err")"; status=1; }
  cmp -s "$dir/want" "$dir/got" || { echo "$allow of 4 threads: output differs from -j1"; status=1; }
  go_on=$([ "$allow" = 0 ] && echo 1 || echo "$allow")
  grep -qx "newsextract: $((4 - allow)) of 4 worker threads could not start; going on with $go_on" "$dir/err" \
    || { echo "$allow of 4 threads: stderr: $(cat "$dir/err")"; status=1; }
done
# (in a subshell: the shell's own "Aborted" notice goes nowhere)
(SHIM_NO_MATCH_CONTEXT=1 LD_PRELOAD="$dir/shim.so" timeout -s KILL 60 "$NX" -j1 corpus/wire-brief.html >"$dir/got" 2>"$dir/err"
 echo $? >"$dir/rc") 2>/dev/null
rc=$(cat "$dir/rc")
[ "$rc" = 134 ] && grep -qx 'newsextract: out of memory' "$dir/err" \
  || { echo "no match context: exit $rc, want 134 (abort): $(head -5 "$dir/err")"; status=1; }
exit $status
