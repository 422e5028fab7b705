# Issue 13, item 8: directory walks (fts: sorted, physical, an error per bad
# entry). Globs with a slash match the path below the argument, as in rsync
# and ripgrep ('drafts/*'), globs without one match the name, and an
# excluded directory is not entered. Ids have no double slash.
set -e -o pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case $NX in /*) ;; */*) NX=$PWD/$NX ;; esac # the test runs in its own directory
cd "$dir"
mkdir -p articles/drafts/sub articles/news/2026 articles/.hidden
for f in a.txt drafts/b.txt drafts/sub/c.txt news/x.html news/2026/y.html .hidden/z.txt .dot.txt; do
  echo "A 5 MW plant." >"articles/$f"
done
ln -s news articles/link-to-dir
ln -s a.txt articles/link.txt
ids() { "$NX" "$@" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in sys.stdin))'; }
check() {
  want=$1
  shift
  got=$(ids "$@")
  [ "$got" = "$want" ] || { printf 'newsextract %s\n got: %s\nwant: %s\n' "$*" "$got" "$want"; exit 1; }
}
all="articles/a.txt articles/drafts/b.txt articles/drafts/sub/c.txt articles/link.txt articles/news/2026/y.html articles/news/x.html"
check "$all" articles/
check "$all" articles//
check "$all" articles
check "articles/a.txt articles/link.txt articles/news/2026/y.html articles/news/x.html" --exclude 'drafts/*' articles/
check "articles/a.txt articles/link.txt articles/news/2026/y.html articles/news/x.html" --exclude drafts articles/
check "articles/a.txt articles/drafts/b.txt articles/link.txt articles/news/2026/y.html articles/news/x.html" \
  --exclude 'drafts/sub/' articles/
check "articles/news/2026/y.html articles/news/x.html" --include '*.html' articles/
check "articles/news/x.html" --include 'news/*.html' articles/
check "articles/drafts/b.txt articles/drafts/sub/c.txt" --include '/drafts/*' --include 'drafts/*/*' articles
check "./articles/a.txt" --include a.txt ./articles/
# A dangling link is reported on its own; the other files are still read.
ln -s missing articles/dangling.txt
set +e
got=$(ids articles/ 2>err)
rc=$?
set -e -o pipefail
[ "$rc" = 1 ] && [ "$got" = "$all" ] && grep -q '^newsextract: articles/dangling.txt: No such file or directory$' err \
  || { echo "dangling link: exit $rc, ids $got"; cat err; exit 1; }
