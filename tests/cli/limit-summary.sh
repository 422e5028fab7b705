# A rule that hits its match limit (issue 15, item 13): one stderr line
# per rule with the number of documents, even with -q and over many
# documents; the documents themselves in --errors; exit 1.
set -u
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
c=tests/errors/catastrophic-pattern
for i in 1 2 3; do cp "$c/doc.txt" "$dir/doc$i.txt"; done
"$NX" -q --no-default-rules --rules "$c/user.rules" --errors "$dir/errors.jsonl" \
  "$dir"/doc*.txt >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; status=1; }
[ "$(wc -l <"$dir/err")" = 1 ] || { echo "want one stderr line: $(cat "$dir/err")"; status=1; }
grep -q "rule bad/nested hit its match limit on 3 documents" "$dir/err" || { echo "stderr: $(cat "$dir/err")"; status=1; }
[ "$(grep -c 'bad/nested hit its match limit and was skipped' "$dir/errors.jsonl")" = 3 ] ||
  { echo "--errors: $(cat "$dir/errors.jsonl")"; status=1; }
exit $status
