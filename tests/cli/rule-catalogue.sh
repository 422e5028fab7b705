# What a rule can reuse (issue 15, item 17): newsextract --list-rules
# prints the catalogue of definitions, mention types, word lists and
# functions, and rules/README.md holds the built-in one between its
# markers; a user's rules appear in theirs.
set -u
status=0
readme=$(dirname "$0")/../../rules/README.md
want=$("$NX" --list-rules)
got=$(sed -n '/^<!-- catalogue: /,/^<!-- \/catalogue -->/p' "$readme" | sed '1d;$d')
[ -n "$want" ] && [ "$got" = "$want" ] || {
  echo "rules/README.md's catalogue differs from newsextract --list-rules (make catalogue rewrites it):"
  diff <(printf '%s\n' "$got") <(printf '%s\n' "$want") | head -20
  status=1
}
# every function the parser knows is in the table
for fn in text upper lower title number money currency mw unit canon class in first compare if; do
  grep -q "^| \`$fn(" <<<"$want" || grep -q "^| \`g\` or \`$fn(" <<<"$want" || { echo "function $fn missing"; status=1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/lists"
cat >"$dir/deals.rules" <<'RULES'
# A deal verb: "agreed to buy". Not more.
[define deal_verb]
pattern = agreed \s+ to \s+ buy

[rule deals/buy]
type = deals
pattern = (?<buyer>{{buyers}}) \s+ {{deal_verb}}
example = Acme agreed to buy Widgetco.
expect = {"buyer":"Acme"}
RULES
printf 'Acme | Acme Corp\nGlobex\n' >"$dir/lists/buyers.list"
out=$("$NX" --list-rules "$dir")
grep -qxF "| \`deal_verb\` | \`$dir/deals.rules\` | A deal verb: \"agreed to buy\". |" <<<"$out" || { echo "user definition: $(grep deal_verb <<<"$out")"; status=1; }
grep -qxF "| \`buyers\` | \`$dir/lists/buyers.list\` | \`Acme\`, \`Globex\` |" <<<"$out" || { echo "user list: $(grep buyers <<<"$out")"; status=1; }
# a user's list that extends a built-in one names both files
printf 'Kestrel Research | Kestrel\n' >"$dir/lists/brokers.list"
"$NX" --list-rules "$dir" | grep -qF "| \`brokers\` | \`lists/brokers.list\`, \`$dir/lists/brokers.list\` |" ||
  { echo "extended list: $("$NX" --list-rules "$dir" | grep '`brokers`')"; status=1; }
exit $status
