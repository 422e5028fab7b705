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
