# [cut] sections drop boilerplate paragraphs. All cuts are first tried as
# one alternation (most paragraphs match none); the one that matched is
# then found in order. A cut the alternation cannot hold (here one with a
# capture) turns the shortcut off, and the cuts still work.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'Keep this one.\nSponsored: buy now\nKeep that one.\nREAD MORE: elsewhere\nLast kept.\n' >"$dir/doc.txt"
cat >"$dir/cuts.rules" <<'RULES'
[cut first]
pattern = ^(?i:sponsored):
action = drop

[cut second]
pattern = ^(?i:read\h+more):
action = drop
RULES
want=$'Keep this one.\n\nKeep that one.\n\nLast kept.'
got=$("$NX" --no-default-rules --rules "$dir/cuts.rules" --text "$dir/doc.txt")
[ "$got" = "$want" ] || { echo "two cuts: got [$got]"; exit 1; }
# A capture in a cut: the alternation is not built; same text.
sed -i 's/\^(?i:read\\h+more):/^(?i:(read)\\h+more):/' "$dir/cuts.rules"
grep -q '(read)' "$dir/cuts.rules"
got=$("$NX" --no-default-rules --rules "$dir/cuts.rules" --text "$dir/doc.txt")
[ "$got" = "$want" ] || { echo "with a capturing cut: got [$got]"; exit 1; }
# The built-in copyright cut ends the article at "(c) 2025 ...", not at the
# third item of an enumeration (issue 13 item 11): the items after it and
# the record in it stay.
printf '%s\n\n' 'Acme Corp (NYSE: ACME) said on Monday:' \
  '(a) revenue rose 4%;' '(b) margins held;' \
  '(c) Needham raised its price target on Acme Corp to $40 from $35;' \
  '(d) the dividend is unchanged.' '(c) 2025 Ledger Street Media' 'Subscribe now.' >"$dir/enum.txt"
got=$("$NX" --text "$dir/enum.txt")
case "$got" in
*"(c) Needham raised"*"(d) the dividend is unchanged."*) ;;
*) echo "an enumerated (c) item cut the article: [$got]"; exit 1 ;;
esac
case "$got" in
*"Ledger Street"* | *"Subscribe"*) echo "the copyright line did not end the article: [$got]"; exit 1 ;;
esac
n=$("$NX" "$dir/enum.txt" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["price_targets"]))')
[ "$n" = 1 ] || { echo "the (c) item's price target: $n records"; exit 1; }
