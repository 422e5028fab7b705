# --explain shows each match with its reason: kept, veto, overlap, stop
# list, duplicate, and matches outside the main text.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/rules/lists"
printf 'Nobody\n' >"$dir/rules/lists/stop.list"
cat >"$dir/rules/deals.rules" <<'RULES'
[type deals]
fields = buyer, target
exclude = buyer in stop
dedupe = buyer, target

[rule deals/buy]
type = deals
pattern = (?<buyer>[A-Z]\w+) \s+ buys \s+ (?<target>[A-Z]\w+)
veto = (?i:\brumou?r)
example = Acme buys Widgetco.
expect = {"buyer":"Acme","target":"Widgetco"}

[rule deals/any]
type = deals
pattern = (?<buyer>[A-Z]\w+) \s+ buys
example = Acme buys.
expect = {"buyer":"Acme"}
RULES
printf 'Acme buys Widgetco.\nNobody buys Gizmo.\nRumour: Foo buys Bar.\nAcme buys Widgetco again.\n' >"$dir/doc.txt"
out=$("$NX" --no-default-rules --rules "$dir/rules" --explain "$dir/doc.txt")
check() { grep -qF -- "$1" <<<"$out" || { echo "--explain lacks: $1"; echo "$out"; exit 1; }; }
check "8 matches, 2 records"
check 'record  deals/any [49,57]' # the veto costs only the rule that has it
check 'record  deals/buy [0,18]'
check 'why: stop list: buyer "Nobody" is in list stop'
check "why: veto: the rule's veto matched the sentence"
check 'why: duplicate: the same statement as the record at 0, merged into it'
check 'why: overlap: an earlier deals rule matched this text'
check '"… Widgetco.  Nobody buys Gizmo.  Rumour: [[Foo buys Bar]].  Acme buys Widgetco again."'
# With the built-in rules, a page's boilerplate shows as outside the main text.
out=$("$NX" --explain corpus/wire-brief.html)
check 'outside  tickers/exchange'
check 'not in the main text (boilerplate the cleaning removed)'
