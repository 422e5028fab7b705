# How a type finishes its records: output = no rules only name entities,
# weak records yield to a later normal one, dedupe ignores the company when
# both records link to the same symbol, and inherited brokers come from the
# previous paragraph.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/lists"
printf 'Zeta Capital\nNova Securities\n' >"$dir/lists/firms.list"
cat >"$dir/t.rules" <<'RULES'
[type tickers]
fields = symbol, name
aggregate = symbol

[rule tickers/paren]
type = tickers
pattern = (?<name>\p{Lu}\w+(?:\s\p{Lu}\w+)?) \s \( (?<symbol>[A-Z]{2,5}) \)
example = Orion Haulage (ORH) rose.
expect = {"symbol":"ORH","name":"Orion Haulage"}

[type mentions]

[rule mentions/heading]
type = mentions
output = no
pattern = (?m)^(?<company>[A-Z]{3,}(?:\s[A-Z]{3,})?)$
field company = title(company)
example = HARTWELL
expect = {"company":"Hartwell"}

[type calls]
fields = broker, company, symbol, action, to
link = company
inherit = broker from firms
inherit = company from entities
dedupe = company, broker, to

[rule calls/headline]
type = calls
weak = yes
pattern = Earns \s (?<to>Buy|Hold|Sell) \s Rating \s from \s (?<broker>{{firms}})
field action = "maintain"
example = Orion Haulage (ORH) Earns Buy Rating from Zeta Capital
expect = {"action":"maintain","to":"Buy","broker":"Zeta Capital"}

[rule calls/reiterated]
type = calls
pattern = (?<broker>{{firms}})? \s? (?:also \s)? reiterated \s a \s "(?i:(?<to>buy|hold|sell))" \s rating (?: \s on \s (?<company>\p{Lu}\w+(?:\s\p{Lu}\w+)?))?
field to = title(to)
field action = "reiterate"
example = Zeta Capital reiterated a "buy" rating on Orion Haulage.
expect = {"action":"reiterate","to":"Buy","company":"Orion Haulage"}
RULES
cat >"$dir/doc.txt" <<'DOC'
Orion Haulage (ORH) Earns Buy Rating from Zeta Capital
Zeta Capital reiterated a "buy" rating on Orion Haulage on Tuesday.
HARTWELL
It reiterated a "hold" rating, Nova Securities said.
Zeta Capital likes the shipping sector.
It also reiterated a "sell" rating on Brambly.
DOC
out=$("$NX" --no-default-rules --rules "$dir/t.rules" "$dir/doc.txt")
python3 - "$out" <<'PY'
import json, sys
doc = json.loads(sys.argv[1])
assert "mentions" not in doc, "an output = no type is not written"
calls = [{k: r[k] for k in ("broker", "company", "symbol", "action", "to")} for r in doc["calls"]]
assert calls == [
    {"broker": "Zeta Capital", "company": "Orion Haulage", "symbol": "ORH", "action": "reiterate", "to": "Buy"},
    {"broker": "Nova Securities", "company": "Hartwell", "symbol": None, "action": "reiterate", "to": "Hold"},
    {"broker": "Zeta Capital", "company": "Brambly", "symbol": None, "action": "reiterate", "to": "Sell"},
], calls
PY
