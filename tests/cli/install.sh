# make install into a staging directory gives a binary that finds its
# rules without flags, and a man page.
set -e
stage=$(mktemp -d)
prefix=$(mktemp -d)
trap 'rm -rf "$stage" "$prefix"' EXIT
# Installing into another PREFIX recompiles main.c (it holds the rules'
# directory), so each install builds in a directory of its own and never
# touches the build the other tests run in parallel. The objects of that
# build are copied, as `make && make install` would find them: only main.o
# is rebuilt.
b=${BUILD:-build}
mkdir -p "$stage/build"
cp -p "$b"/*.o "$b"/*.d "$b/newsextract" "$stage/build/" 2>/dev/null || true
make -s install DESTDIR="$stage" PREFIX=/usr BUILD="$stage/build" >/dev/null
test -x "$stage/usr/bin/newsextract"
test -f "$stage/usr/share/man/man1/newsextract.1"
test -f "$stage/usr/share/newsextract/rules/ratings.rules"
# The installed binary looks in PREFIX's share directory, which is inside
# the stage here, so point it there the way a user would.
out=$("$stage/usr/bin/newsextract" --no-default-rules \
  --rules "$stage/usr/share/newsextract/rules" corpus/wire-brief.html)
grep -q '"ratings":\[{' <<<"$out" || { echo "installed rules gave no ratings"; exit 1; }
# A real install under a prefix: the binary finds its rules with no flags.
cp -rp "$stage/build" "$prefix/build"
make -s install PREFIX="$prefix" BUILD="$prefix/build" >/dev/null
out=$("$prefix/bin/newsextract" corpus/wire-brief.html)
grep -q '"ratings":\[{' <<<"$out" || { echo "installed binary found no rules: $out"; exit 1; }
"$prefix/bin/newsextract" --check-rules | tail -1 | grep -q ' 0 failed' || { echo "installed rules fail"; exit 1; }
