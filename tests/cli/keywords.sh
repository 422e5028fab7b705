# keywords gate a rule: it runs only on the sentences that hold one of its
# words (smart case: "sold" in any case, "PT" exactly), and with a second
# "keywords" line, one of those too. The patterns here are caseless and
# need no "target", so the records show what the gate let through.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/gate.rules" <<'RULES'
[rule gate/one]
type = one
pattern = (?i:sold|pt)\h+(?<n>\d+)\h+units
keywords = sold, PT
example = They sold 40 units.
expect = {"n": "40"}
example = They made 40 units.
expect = none

[rule gate/both]
type = both
pattern = (?i:sold)\h+(?<n>\d+)\h+units
keywords = sold
keywords = target
example = They sold 40 units, above target.
expect = {"n": "40"}
example = They sold 40 units.
expect = none
RULES
"$NX" --no-default-rules --check-rules "$dir" | grep -q '4 passed, 0 failed' ||
  { "$NX" --no-default-rules --check-rules "$dir"; exit 1; }
text='SOLD 1 units. Made 2 units. The pt 3 units. PT 4 units. They Sold 5 units toward a TARGET.'
got=$(printf '%s\n' "$text" | "$NX" --no-default-rules --rules "$dir" |
  python3 -c 'import json, sys; d = json.load(sys.stdin)
print(" ".join(r["n"] for r in d["one"]), "|", " ".join(r["n"] for r in d["both"]))')
[ "$got" = "1 4 5 | 5" ] || { echo "gated records: $got (want 1 4 5 | 5)"; exit 1; }
