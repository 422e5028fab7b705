# make demo needs only the build's Debian packages; make check adds the
# test ones (clang, valgrind, python3, ...). As a non-root user with
# nothing installed, each prints the exact apt-get command and stops.
set -u
status=0
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
printf '#!/bin/sh\nexit 1\n' >"$fake/dpkg-query"   # nothing is installed
printf '#!/bin/sh\necho 1000\n' >"$fake/id"         # not root
chmod +x "$fake/dpkg-query" "$fake/id"
build=$(PATH="$fake:$PATH" make -s --no-print-directory deps 2>&1) && { echo "make deps passed with nothing installed"; status=1; }
tests=$(PATH="$fake:$PATH" make -s --no-print-directory test-deps 2>&1) && { echo "make test-deps passed with nothing installed"; status=1; }
case "$build" in
*"apt-get install -y gcc make pkg-config libxml2-dev libpcre2-dev libutf8proc-dev libjansson-dev libarchive-dev zlib1g-dev"*) ;;
*) echo "make deps: $build"; status=1 ;;
esac
for p in clang valgrind python3; do
  case "$build" in *" $p"*) echo "make deps asks for $p, which only the tests need"; status=1 ;; esac
  case "$tests" in *" $p"*) ;; *) echo "make test-deps does not ask for $p"; status=1 ;; esac
done
# The targets that build or test depend on the right list.
make -n -p 2>/dev/null | grep -q '^demo: deps' || { echo "demo does not depend on deps"; status=1; }
make -n -p 2>/dev/null | grep -q '^check: test-deps' || { echo "check does not depend on test-deps"; status=1; }
exit $status
