# Threads change nothing but speed: -j1, -j2 and -j8 give the same bytes in
# input order; --unordered gives the same lines in some order. A directory
# is walked recursively in name order; --include/--exclude filter it.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/tree/b" "$dir/tree/a"
i=0
for f in corpus/*.html corpus/*.txt; do
  for copy in 1 2 3; do
    i=$((i + 1))
    cp "$f" "$dir/tree/$([ $((i % 2)) = 0 ] && echo a || echo b)/$(printf '%03d' $i)-${f##*/}"
  done
done
"$NX" -j1 "$dir/tree" >"$dir/j1"
"$NX" -j2 "$dir/tree" >"$dir/j2"
"$NX" -j8 "$dir/tree" >"$dir/j8"
cmp "$dir/j1" "$dir/j2" && cmp "$dir/j1" "$dir/j8" || { echo "-j changes the output"; exit 1; }
"$NX" -j2 --unordered "$dir/tree" | sort >"$dir/u"
sort "$dir/j1" | cmp - "$dir/u" || { echo "--unordered lost or changed lines"; exit 1; }
# Name order: a/ before b/, and files sorted inside each.
ids=$(python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in open(sys.argv[1])]' "$dir/j1")
[ "$ids" = "$(find "$dir/tree" -type f | LC_ALL=C sort)" ] || { echo "not in name order"; exit 1; }
n=$("$NX" --include '*.txt' "$dir/tree" | wc -l)
[ "$n" = $(( $(ls corpus/*.txt | wc -l) * 3 )) ] || { echo "--include kept $n"; exit 1; }
n=$("$NX" --exclude '*.txt' --exclude '*hostile*' "$dir/tree" | wc -l)
[ "$n" = $(( ($(ls corpus/*.html | wc -l) - 1) * 3 )) ] || { echo "--exclude kept $n"; exit 1; }
