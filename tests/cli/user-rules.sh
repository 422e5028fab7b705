# A user rule directory adds a record type; NEWSEXTRACT_RULES does the same;
# --no-default-rules starts empty.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/deals.rules" <<'RULES'
[rule deals/acquire]
type = deals
pattern = (?<buyer>[A-Z]\w+) \s+ agreed \s+ to \s+ buy \s+ (?<target>[A-Z]\w+)
example = Acme agreed to buy Widgetco on Monday.
expect = {"buyer":"Acme","target":"Widgetco"}
RULES
doc='Acme agreed to buy Widgetco on Monday.'
out=$(printf '%s\n' "$doc" | "$NX" --rules "$dir")
grep -q '"deals":\[{"buyer":"Acme","target":"Widgetco"' <<<"$out" || { echo "--rules: $out"; exit 1; }
grep -q '"ratings":\[\]' <<<"$out" || { echo "built-in types missing: $out"; exit 1; }
out=$(printf '%s\n' "$doc" | NEWSEXTRACT_RULES="$dir" "$NX")
grep -q '"deals":\[{' <<<"$out" || { echo "NEWSEXTRACT_RULES: $out"; exit 1; }
out=$(printf '%s\n' "$doc" | "$NX" --no-default-rules --rules "$dir")
python3 -c '
import json, sys
doc = json.loads(sys.argv[1])
assert "deals" in doc and not any(k in doc for k in ("ratings", "tickers", "power")), doc' "$out" \
  || { echo "--no-default-rules: $out"; exit 1; }
"$NX" --no-default-rules --check-rules "$dir" | grep -q '1 passed, 0 failed'
# A user rule with the name of a built-in one replaces it.
cat >"$dir/override.rules" <<'RULES'
[rule power/figure]
type = power
pattern = (?<n>\d+) \s+ MW\b
field mw = number(n)
field kind = "overridden"
example = A 300 MW farm.
expect = {"mw":300,"kind":"overridden"}
RULES
out=$(printf 'A 300 MW farm.\n' | "$NX" --rules "$dir/override.rules")
python3 -c '
import json, sys
recs = [r for r in json.loads(sys.argv[1])["power"] if r["rule"] == "power/figure"]
assert recs and all(r["kind"] == "overridden" for r in recs), recs' "$out" \
  || { echo "override: $out"; exit 1; }
# Its --check-rules report counts the user example with the built-in ones.
"$NX" --rules "$dir/override.rules" --check-rules | tail -1 | grep -q ' 0 failed' \
  || { echo "override: --check-rules failed"; exit 1; }
