# A JSON array export (issue 15, item 3): [{"id":..,"text":..}, ...] gives a
# document per object, ids from the id fields or FILE[INDEX], a bad object
# costs only itself, and a broken array is one error naming the file; plain
# text that merely starts with '[' is still one article.
set -u
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/export.json" <<'JSON'
[
  {"id": "a1", "text": "Acme Corp was upgraded to Buy from Hold at Jefferies."},
  {"text": "Tern Retail was downgraded to Sell from Neutral at Barclays."},
  {"id": "c3", "headline": "no article here"},
  {"id": "d4", "html": "<p>Osprey Foods was upgraded to Outperform from Market Perform at BMO.</p>"}
]
JSON
"$NX" -q "$dir/export.json" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1 (one object has no article)"; status=1; }
got=$(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    d = json.loads(l)
    print(d["id"], d["ratings"][0]["to"] if d["ratings"] else "-")' "$dir/out")
want="a1 Buy
$dir/export.json[1] Sell
d4 Outperform"
[ "$got" = "$want" ] || { printf 'got\n%s\nwant\n%s\n' "$got" "$want"; status=1; }
grep -q "export.json\[2\]: no article field" "$dir/err" || { echo "bad object not named: $(cat "$dir/err")"; status=1; }
# A truncated array: one error naming the file.
head -c 60 "$dir/export.json" >"$dir/cut.json"
"$NX" -q "$dir/cut.json" >"$dir/out2" 2>"$dir/err2" && { echo "truncated array: exit 0"; status=1; }
grep -q "cut.json: invalid JSON array" "$dir/err2" || { echo "truncated array: $(cat "$dir/err2")"; status=1; }
# Text that starts with '[' but is no array of objects is an article.
printf '[Reuters] Acme Corp was upgraded to Buy from Hold at Jefferies.\n' >"$dir/note.txt"
"$NX" -q "$dir/note.txt" | grep -q '"to":"Buy"' || { echo "'[' text was not read as an article"; status=1; }
exit $status
