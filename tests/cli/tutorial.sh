# The tutorial in rules/README.md cannot rot: the files it shows are the
# ones shipped in rules/examples/, they pass --check-rules, and the output
# it shows is what newsextract prints.
set -e
readme=rules/README.md
block() { # the fenced block after <!-- begin NAME -->
  awk -v name="$1" '
    index($0, "<!-- begin " name " -->") == 1 { on = 1; next }
    on && /^```/ { if (fenced) exit; fenced = 1; next }
    on && fenced { print }' "$readme"
}
for f in rules/examples/lists/dividend_frequency.list rules/examples/dividends.rules; do
  diff <(block "$f") "$f" || { echo "$readme shows a different $f"; exit 1; }
done
"$NX" --rules rules/examples --check-rules >/dev/null || { echo "the tutorial's rules fail --check-rules"; exit 1; }
want=$(block "output of: newsextract --rules rules/examples --records rules/examples/dividend-news.txt | grep '\"type\":\"dividends\"'")
got=$("$NX" --rules rules/examples --records rules/examples/dividend-news.txt | grep '"type":"dividends"')
[ -n "$want" ] && [ "$want" = "$got" ] || { echo "the tutorial's output differs:"; diff <(echo "$want") <(echo "$got"); exit 1; }
