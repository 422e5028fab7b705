# --records and --format csv write one line per record of the ruleset's
# types, never one for another array of the document (authors, a --keep
# field that holds an array): issue 13 item 7.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
cat >"$dir/page.html" <<'HTML'
<html><head><title>Acme cut</title>
<meta name="author" content="Jane Roe">
</head><body><article>
<p>Needham downgraded Acme Corp (NYSE: ACME) to Hold from Buy on Tuesday.</p>
</article></body></html>
HTML
"$NX" --records "$dir/page.html" >"$dir/records" || status=1
"$NX" "$dir/page.html" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["authors"] == ["Jane Roe"], d["authors"]' || { echo "the page has no author"; status=1; }
types=$(python3 -c '
import json, sys
print(" ".join(sorted(json.loads(l)["type"] for l in open(sys.argv[1]))))' "$dir/records")
[ "$types" = "ratings tickers" ] || { echo "--records types: '$types', want 'ratings tickers'"; cat "$dir/records"; status=1; }
"$NX" --format csv "$dir/page.html" >"$dir/csv" || status=1
types=$(python3 -c '
import csv, sys
print(" ".join(sorted(r["type"] for r in csv.DictReader(open(sys.argv[1])))))' "$dir/csv")
[ "$types" = "ratings tickers" ] || { echo "csv types: '$types', want 'ratings tickers'"; cat "$dir/csv"; status=1; }
# A JSON Lines dump whose --keep field is an array: kept in the document,
# never a record.
printf '%s\n' '{"id": "a", "tags": ["x", "y"], "text": "Needham downgraded Acme Corp (NYSE: ACME) to Hold from Buy."}' >"$dir/dump.jsonl"
"$NX" --records --keep tags "$dir/dump.jsonl" >"$dir/records" || status=1
types=$(python3 -c '
import json, sys
print(" ".join(sorted(json.loads(l)["type"] for l in open(sys.argv[1]))))' "$dir/records")
[ "$types" = "ratings tickers" ] || { echo "--keep tags --records types: '$types'"; cat "$dir/records"; status=1; }
exit $status
