# Worker threads share the compiled rules, and a rule's JIT-compiled
# patterns are published to all of them mid-run (rules start interpreted:
# see NX_JIT_AFTER). A 200-document dump of our corpus gives the same bytes
# with 1, 2 and 4 workers. Under `make check`'s ThreadSanitizer build any
# data race fails the run (TSan's exit status 66).
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/cli/corpus_dump.py 200 "$dir/dump.jsonl" corpus/*.html corpus/*.txt
"$NX" -q -j1 "$dir/dump.jsonl" >"$dir/j1"
for j in 2 4; do
  "$NX" -q -j$j "$dir/dump.jsonl" >"$dir/j$j" 2>"$dir/err$j" ||
    { echo "-j$j failed:"; head -40 "$dir/err$j"; exit 1; }
  cmp "$dir/j1" "$dir/j$j" || { echo "-j$j differs from -j1"; exit 1; }
done
"$NX" -q -j2 --unordered "$dir/dump.jsonl" | sort >"$dir/unordered"
sort "$dir/j1" | cmp - "$dir/unordered" || { echo "--unordered lost or changed records"; exit 1; }
[ "$(wc -l <"$dir/j1")" = 200 ]
