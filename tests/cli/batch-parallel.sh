# As a filter under GNU parallel: `parallel --pipe` splits a JSON Lines
# dump over two processes and the records are the same as one process's.
set -e
command -v parallel >/dev/null || { echo "GNU parallel is not installed (make deps installs it)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" corpus/*.html corpus/*.txt <<'PY'
import json, sys
d, files = sys.argv[1], sys.argv[2:]
with open(d + "/dump.jsonl", "w") as out:
    for i in range(40):
        f = files[i % len(files)]
        text = open(f, encoding="utf-8", errors="replace").read()
        key = "html" if f.endswith(".html") else "text"
        out.write(json.dumps({"id": "%s#%d" % (f, i), key: text}) + "\n")
PY
"$NX" "$dir/dump.jsonl" >"$dir/one"
parallel --will-cite --pipe --block 20k -k -j2 "$NX" <"$dir/dump.jsonl" >"$dir/many"
cmp "$dir/one" "$dir/many" || { echo "parallel --pipe differs from one process"; exit 1; }
[ "$(wc -l <"$dir/one")" = 40 ]
