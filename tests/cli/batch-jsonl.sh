# JSON Lines dumps: one document per line, in order; a bad line costs only
# itself (an error naming FILE:LINE, exit 1); --field, --id-field, --keep,
# --records, --format csv and --errors.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/dump.jsonl" <<'JSONL'
{"id":"a1","html":"<html><body><p>Needham upgraded Helio Grid (NASDAQ: HGRD) to Buy from Hold.</p></body></html>","published":"2026-01-02"}
{"url":"http://x/2","text":"A 300 MW solar farm."}
not json at all
{"id":"a4","other":"no article here"}

{"id":5,"content":"Plain text with $TSLA."}
JSONL
set +e
"$NX" --keep published --errors "$dir/errors.jsonl" "$dir/dump.jsonl" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
docs = [json.loads(l) for l in open(d + "/out")]
assert [x["id"] for x in docs] == ["a1", "http://x/2", "5"], docs
assert docs[0]["published"] == "2026-01-02" and docs[1]["published"] is None
assert docs[0]["ratings"][0]["to"] == "Buy", docs[0]
assert docs[1]["power"][0]["mw"] == 300
assert docs[2]["tickers"][0]["symbol"] == "TSLA"
err = open(d + "/err").read().splitlines()
assert err == [
    "newsextract: %s/dump.jsonl:3: invalid JSON: '[' or '{' expected near 'not'" % d,
    "newsextract: %s/dump.jsonl:4: no article field (html, content, text or body) holds a string (the line's string fields: id, other; try --field other)" % d,
], err
errors = [json.loads(l) for l in open(d + "/errors.jsonl")]
assert [e["input"] for e in errors] == [d + "/dump.jsonl:3", d + "/dump.jsonl:4"], errors
PY
# --field and --id-field choose the fields.
printf '{"key":"k1","story":"Mizuho cut it. A 50 MW plant."}\n' >"$dir/custom.jsonl"
"$NX" --field story --id-field key "$dir/custom.jsonl" | grep -q '"id":"k1".*"mw":50' \
  || { echo "--field/--id-field"; exit 1; }
# --records: one line per record with doc and type.
"$NX" --records "$dir/dump.jsonl" 2>/dev/null | python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert [(r["doc"], r["type"]) for r in recs] == [
    ("a1", "ratings"), ("a1", "tickers"), ("http://x/2", "power"), ("5", "tickers")], recs'
# --format csv: a header, then rows that a CSV reader reads back.
"$NX" --format csv "$dir/dump.jsonl" 2>/dev/null | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 4, rows
assert rows[0]["type"] == "ratings" and rows[0]["to"] == "Buy" and rows[0]["broker"] == "Needham"
assert rows[2]["mw"] == "300"'
