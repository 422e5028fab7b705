# Rule authoring without traps (issue 15, items 14-16): files that would
# be passed over are errors, --check-rules lists what it loaded, failing
# examples say why, errors are one step short of the fix, --strict fails
# on warnings. Every rule file here is written by the test.
set -u
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "$1"; status=1; }
# expect_error WANT ARGS...: exit 2 and WANT in the one error line
expect_error() {
  local want=$1
  shift
  "$NX" "$@" </dev/null >"$dir/out" 2>"$dir/err"
  local rc=$?
  [ "$rc" = 2 ] || fail "$*: exit $rc, want 2"
  grep -qF -- "$want" "$dir/err" || fail "$*: want '$want' in: $(cat "$dir/err")"
}
rule() { # rule NAME PATTERN: a rule section with one passing example
  printf '[rule %s]\ntype = deals\npattern = %s\nexample = Acme agreed to buy Widgetco.\nexpect = {"buyer":"Acme"}\n\n' "$1" "$2"
}

# 14. A rule file not named *.rules, an empty directory, a list beside
# the rule files instead of in lists/: errors naming what was found.
mkdir "$dir/misnamed" "$dir/empty" "$dir/beside" "$dir/beside/lists" "$dir/ok"
rule deals/a '(?<buyer>Acme)' >"$dir/misnamed/deals.rule"
expect_error "misnamed/deals.rule: a rule file must be named *.rules to be read: rename it deals.rules" \
  --rules "$dir/misnamed" --check-rules
expect_error "empty: no rule files (*.rules) or word lists (lists/*.list) here" --rules "$dir/empty" --check-rules
echo notes >"$dir/empty/notes.txt"
expect_error "here (found: notes.txt)" --rules "$dir/empty" x.txt
rule deals/a '(?<buyer>{{buyers}})' >"$dir/beside/deals.rules"
echo Acme >"$dir/beside/buyers.list"
expect_error "beside/buyers.list: a word list beside the rule files is not read: move it to $dir/beside/lists/" \
  --rules "$dir/beside" --check-rules
# the same list beside a single rule file: named in the error
expect_error "no definition or list named 'buyers' ($dir/beside/buyers.list is beside the rule file" \
  --rules "$dir/beside/deals.rules" --check-rules
mv "$dir/beside/buyers.list" "$dir/beside/lists/buyers.txt"
expect_error "lists/buyers.txt: a word list must be named *.list to be read" --rules "$dir/beside" --check-rules

# --check-rules lists the user files with their counts, apart from the
# built-in totals.
{ rule deals/a '(?<buyer>Acme)'; rule deals/b '(?<buyer>Acme) \s+ agreed'; } >"$dir/ok/deals.rules"
mkdir "$dir/ok/lists"
echo Acme >"$dir/ok/lists/buyers.list"
"$NX" --rules "$dir/ok" --check-rules >"$dir/out" || fail "ok: --check-rules fails: $(tail -5 "$dir/out")"
builtin=$("$NX" --check-rules | sed -n 's/^check-rules: \([0-9]*\) rules, \([0-9]*\) examples.*/\1 rules, \2 examples/p')
grep -qx "loaded: the built-in rules ($builtin)" "$dir/out" || fail "no built-in totals ($builtin): $(tail -4 "$dir/out")"
grep -qx "loaded: $dir/ok/deals.rules (2 rules, 2 examples)" "$dir/out" || fail "no user file line: $(tail -4 "$dir/out")"
grep -qx "loaded: $dir/ok/lists/buyers.list (a word list)" "$dir/out" || fail "no list line: $(tail -4 "$dir/out")"

# 15. A failing example whose pattern has a literal space gets a note;
# a rule that hits its match limit says so, not "no match"; the lint
# catches the "a few words" forms.
rule deals/space '(?<buyer>Acme) agreed to buy' >"$dir/space.rules"
"$NX" --no-default-rules --check-rules "$dir/space.rules" >"$dir/out"
[ $? = 1 ] || fail "space: want exit 1"
grep -q "note: white space in a pattern is ignored" "$dir/out" || fail "space: no note: $(cat "$dir/out")"
printf '[rule deals/slow]\ntype = deals\npattern = (a+)+$\nexample = %s!\nexpect = {"buyer":"a"}\n' \
  "$(printf 'a%.0s' $(seq 40))" >"$dir/slow.rules"
"$NX" --no-default-rules --check-rules "$dir/slow.rules" >"$dir/out"
grep -q "actual:   none: the rule hit its match limit" "$dir/out" || fail "limit: $(cat "$dir/out")"
grep -q "note: white space" "$dir/out" && fail "limit: a space note without a space"
printf '[rule deals/slow]\ntype = deals\npattern = (a+)+$\nexample = %s!\nexpect = none\n' \
  "$(printf 'a%.0s' $(seq 40))" >"$dir/slow.rules"
"$NX" --no-default-rules --check-rules "$dir/slow.rules" >"$dir/out" && fail "limit: 'expect = none' passes though the rule was cut short"
grep -q "actual:   none: the rule hit its match limit" "$dir/out" || fail "limit, expect none: $(cat "$dir/out")"
for p in '(?<buyer>(?:\w+\s*)+) \s+ agreed' '(?<buyer>(\w+\s?)*) \s+ agreed'; do
  rule deals/words "$p" >"$dir/words.rules"
  "$NX" --no-default-rules --check-rules "$dir/words.rules" >"$dir/out"
  grep -q "warning: rule deals/words nests unbounded quantifiers" "$dir/out" || fail "lint misses $p: $(cat "$dir/out")"
done

# 16. Errors one step short: a misspelt key, an unknown function with the
# valid ones, the column in the line, --strict, a replaced rule.
printf '[rule deals/a]\ntype = deals\npatern = x\n' >"$dir/key.rules"
expect_error "key.rules:3:1: unknown key 'patern' in a [rule] section (did you mean 'pattern'?)" \
  --no-default-rules --check-rules "$dir/key.rules"
printf '[rules deals/a]\n' >"$dir/kind.rules"
expect_error "unknown section kind 'rules' (rule, define, type or cut; did you mean 'rule'?)" \
  --no-default-rules --check-rules "$dir/kind.rules"
printf '[rule deals/a]\ntype = deals\npattern = (?<n>\\d+)\nfield x  =  nubmer(n)\n' >"$dir/fn.rules"
expect_error "fn.rules:4:13: field x: unknown function 'nubmer' (did you mean 'number'? functions: text, upper," \
  --no-default-rules --check-rules "$dir/fn.rules"
printf '[rule deals/a]\ntype = deals\npattern = abc\n          (?<n>\\d+\n' >"$dir/col.rules"
expect_error "col.rules:4:19: bad pattern: missing closing parenthesis" --no-default-rules --check-rules "$dir/col.rules"
printf '[rule deals/a]\ntype = deals\npattern = {{f_brokr}} x\n' >"$dir/ref.rules"
expect_error "no definition or list named 'f_brokr' (did you mean 'f_broker'?)" --check-rules "$dir/ref.rules"
# --strict: warnings fail; the built-in rules have none
printf '[rule deals/a]\ntype = deals\npattern = (?<buyer>Acme)\n' >"$dir/warn.rules"
"$NX" --no-default-rules --check-rules "$dir/warn.rules" >/dev/null || fail "a warning fails without --strict"
"$NX" --no-default-rules --check-rules --strict "$dir/warn.rules" >/dev/null && fail "--strict passes a warning"
"$NX" --check-rules --strict >"$dir/out" || fail "built-in rules fail --strict: $(grep warning "$dir/out" | head -5)"
expect_error "--strict goes with --check-rules" --strict "$dir/warn.rules"
# a user rule that replaces a built-in one says so; two of one name in
# one file is a warning
printf '[rule power/figure]\ntype = power\npattern = (?<n>\\d+) \\s+ MW\nfield mw = number(n)\nexample = A 300 MW farm.\nexpect = {"mw":300}\n' >"$dir/over.rules"
"$NX" --check-rules "$dir/over.rules" >"$dir/out"
grep -q "^$dir/over.rules:1: note: rule power/figure replaces the built-in one at .*power.rules:[0-9]*$" "$dir/out" ||
  fail "no replacement note: $(grep -v '^  ' "$dir/out" | tail -4)"
{ rule deals/a '(?<buyer>Acme)'; rule deals/a '(?<buyer>Acme)'; } >"$dir/twice.rules"
"$NX" --no-default-rules --check-rules --strict "$dir/twice.rules" >"$dir/out" && fail "--strict passes a rule defined twice"
grep -q "twice.rules:7: warning: rule deals/a replaces one of the same name at $dir/twice.rules:1 in the same file" "$dir/out" ||
  fail "twice: $(cat "$dir/out")"

# 18. A user type that links through ticker names gets the symbol when the
# name follows a sentence opener or a corporate body ("The Board of
# Directors of", "Separately,", "On Tuesday,").
cat >"$dir/link.rules" <<'RULES'
[type deals]
fields = buyer, symbol
link = buyer

[rule deals/buy]
type = deals
keywords = agreed
pattern = (?<buyer>\p{Lu}\w+(?:\h+\p{Lu}\w+)?) \s+ agreed \s+ to \s+ buy
example = Acme agreed to buy Widgetco.
expect = {"buyer":"Acme"}
RULES
while IFS='|' read -r text symbol; do
  got=$(printf '%s\n' "$text" | "$NX" --rules "$dir/link.rules" --records |
    python3 -c 'import json,sys; print(*[r["symbol"] for r in map(json.loads, sys.stdin) if r["type"] == "deals"])')
  [ "$got" = "$symbol" ] || fail "link: '$text': symbol '$got', want '$symbol'"
done <<'CASES'
The Board of Directors of Kestrel Holdings Inc. (Nasdaq: KSTL) met. Kestrel Holdings agreed to buy Widgetco.|KSTL
The Chairman of Kestrel Holdings (NYSE: KSTL) spoke. Kestrel Holdings agreed to buy Widgetco.|KSTL
Additionally, the Board of Kestrel Holdings (NYSE: KSTL) met. Kestrel Holdings agreed to buy Widgetco.|KSTL
On Tuesday, Kestrel Holdings (NYSE: KSTL) rose. Kestrel Holdings agreed to buy Widgetco.|KSTL
The Board of Directors of Kestrel Holdings (ticker: KSTL) met. Kestrel Holdings agreed to buy Widgetco.|KSTL
Separately, Shell plc (LSE: SHEL) rose. Shell agreed to buy Widgetco.|SHEL
CASES
exit $status
