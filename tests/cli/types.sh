# --types (issue 15 item 11): writes only the named record types, and the
# records it writes are exactly a full run's (every rule still runs, so
# ratings still get their symbols through the tickers that are not
# written); an unknown name is an error that lists the types, a user's
# included. CSV gives a user type's fields columns of their own, and the
# summary counts records per type and the documents that had any.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
docs="corpus/analyst-story.html corpus/broker-notes.txt corpus/wire-brief.html corpus/offshore-wind.txt"
# shellcheck disable=SC2086
"$NX" -q $docs >"$dir/full" || status=1
# shellcheck disable=SC2086
"$NX" -q --types ratings,price_targets $docs >"$dir/some" || status=1
# shellcheck disable=SC2086
"$NX" -q --records --types price_targets,ratings $docs >"$dir/records" || status=1
# shellcheck disable=SC2086
"$NX" -q --format csv --types ratings $docs >"$dir/csv" || status=1
python3 - "$dir" <<'PY' || status=1
import csv, json, sys
d = sys.argv[1]
full = [json.loads(l) for l in open(d + "/full")]
some = [json.loads(l) for l in open(d + "/some")]
kinds = ("power", "price_targets", "ratings", "tickers")
assert len(full) == len(some) == 4
for f, s in zip(full, some):
    assert [k for k in s if k in kinds] == ["price_targets", "ratings"], list(s)
    assert s["ratings"] == f["ratings"] and s["price_targets"] == f["price_targets"], f["id"]
    assert {k: v for k, v in s.items() if k not in kinds} == \
        {k: v for k, v in f.items() if k not in kinds}, f["id"]
linked = [r for f in full for r in f["ratings"] if r["symbol"]]
assert linked, "no rating with a symbol in the sample"
recs = [json.loads(l) for l in open(d + "/records")]
want = [(f["id"], t, r["text"]) for f in full for t in ("price_targets", "ratings") for r in f[t]]
assert [(r["doc"], r["type"], r["text"]) for r in recs] == want, recs
rows = list(csv.DictReader(open(d + "/csv")))
assert [(r["doc"], r["text"]) for r in rows] == \
    [(f["id"], r["text"]) for f in full for r in f["ratings"]], rows
PY
# Unknown types: exit 2, naming the known ones (a user type too).
"$NX" --types ratings,dividend corpus/wire-brief.html >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && [ ! -s "$dir/out" ] \
  && grep -qF "no record type 'dividend' (the types are: power, price_targets, ratings, tickers)" "$dir/err" \
  || { echo "--types dividend: exit $rc"; cat "$dir/err"; status=1; }
"$NX" --rules rules/examples --types dividend corpus/wire-brief.html 2>"$dir/err" >/dev/null
grep -qF "the types are: power, price_targets, ratings, tickers, dividends)" "$dir/err" \
  || { echo "--types does not list the user's type"; cat "$dir/err"; status=1; }
"$NX" --rules rules/examples --types dividends rules/examples/dividend-news.txt >"$dir/div" || status=1
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [k for k in d if k in ("dividends", "tickers", "ratings")] == ["dividends"], list(d)
assert d["dividends"][0]["symbol"] == "HRBR", d["dividends"][0]' "$dir/div" || status=1
# A user type's fields are CSV columns, not JSON in one cell.
"$NX" --rules rules/examples --format csv --types dividends rules/examples/dividend-news.txt >"$dir/div.csv" || status=1
python3 - "$dir/div.csv" <<'PY' || status=1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows, "no dividend rows"
r = rows[0]
assert (r["company"], r["frequency"], r["amount"], r["currency"], r["payable"], r["record_date"]) == \
    ("Harbor Rail", "quarterly", "0.27", "USD", "March 15, 2027", "March 1, 2027"), r
assert r["fields"] == "", r
PY
# The summary: records per type and the documents that had any.
# shellcheck disable=SC2086
"$NX" --progress --types ratings,power $docs 2>"$dir/summary" >/dev/null
n_r=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["ratings"]) for l in open(sys.argv[1])))' "$dir/full")
n_p=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["power"]) for l in open(sys.argv[1])))' "$dir/full")
n_d=$(python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["ratings"] or json.loads(l)["power"]))' "$dir/full")
grep -qx "newsextract: $((n_r + n_p)) records in $n_d documents (power $n_p, ratings $n_r)" "$dir/summary" \
  || { echo "summary: want $((n_r + n_p)) records in $n_d documents (power $n_p, ratings $n_r)"; cat "$dir/summary"; status=1; }
# --types with --text is a usage error, not ignored.
"$NX" --types ratings --text corpus/wire-brief.html >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && grep -q -- '--types does not apply to --text' "$dir/err" || { echo "--types --text: exit $rc"; status=1; }
# A user type with a field named like a document field record lines carry:
# said once, the record's value kept.
mkdir -p "$dir/clash"
cat >"$dir/clash/headline.rules" <<'RULES'
[rule headline/said]
type = headlines
pattern = headline:\s(?<title>\w+)
example = the headline: Hello
expect = {"title": "Hello"}
RULES
printf 'The headline: Hello\n' >"$dir/clash.txt"
"$NX" --rules "$dir/clash" --records --types headlines "$dir/clash.txt" >"$dir/out" 2>"$dir/err" || status=1
grep -q '"title":"Hello"' "$dir/out" && grep -q "record type headlines has a field 'title'" "$dir/err" \
  || { echo "field clash"; cat "$dir/out" "$dir/err"; status=1; }
exit $status
