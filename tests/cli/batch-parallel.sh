# As a filter under GNU parallel: `parallel --pipe` splits a JSON Lines
# dump over two processes and the records are the same as one process's.
set -e
command -v parallel >/dev/null || { echo "GNU parallel is not installed (make deps installs it)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/cli/corpus_dump.py 40 "$dir/dump.jsonl" corpus/*.html corpus/*.txt
"$NX" "$dir/dump.jsonl" >"$dir/one"
parallel --will-cite --pipe --block 20k -k -j2 "$NX" <"$dir/dump.jsonl" >"$dir/many"
cmp "$dir/one" "$dir/many" || { echo "parallel --pipe differs from one process"; exit 1; }
[ "$(wc -l <"$dir/one")" = 40 ]
