# make install into a staging directory gives a binary that finds its
# rules without flags, and a man page.
set -e
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
make -s install DESTDIR="$stage" PREFIX=/usr BUILD="${BUILD:-build}" >/dev/null
test -x "$stage/usr/bin/newsextract"
test -f "$stage/usr/share/man/man1/newsextract.1"
test -f "$stage/usr/share/newsextract/rules/ratings.rules"
# The installed binary looks in PREFIX's share directory, which is inside
# the stage here, so point it there the way a user would.
out=$("$stage/usr/bin/newsextract" --no-default-rules \
  --rules "$stage/usr/share/newsextract/rules" corpus/wire-brief.html)
grep -q '"ratings":\[{' <<<"$out" || { echo "installed rules gave no ratings"; exit 1; }
# A real install under a prefix: the binary finds its rules with no flags.
prefix=$(mktemp -d)
trap 'rm -rf "$stage" "$prefix"' EXIT
make -s install PREFIX="$prefix" BUILD="$prefix/build" >/dev/null
out=$("$prefix/bin/newsextract" corpus/wire-brief.html)
grep -q '"ratings":\[{' <<<"$out" || { echo "installed binary found no rules: $out"; exit 1; }
"$prefix/bin/newsextract" --check-rules | tail -1 | grep -q ' 0 failed' || { echo "installed rules fail"; exit 1; }
