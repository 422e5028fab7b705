# --progress on a non-terminal: progress lines with documents, MB, MB/s and
# errors, a bar with ETA for a known total, then a summary; --quiet silences
# them. NEWSEXTRACT_PROGRESS_SECONDS=0 gives a line per document, so a
# short run shows them without depending on how long it takes.
set -e
dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$dir" "$log"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
page = "<html><body>" + "<p>Needham kept its Buy rating on Acme Corp (NYSE: ACME). A 5 MW site.</p>" * 4 + "</body></html>"
for i in range(20):
    open("%s/%04d.html" % (d, i), "w").write(page)
PY
NEWSEXTRACT_PROGRESS_SECONDS=0 "$NX" -j1 --progress "$dir" >/dev/null 2>"$log"
n=$(grep -cE '^[0-9]+ docs, [0-9.]+ MB, [0-9.]+ MB/s, 0 errors \[[#.]{20}\] +[0-9]+%, ETA [0-9]+ s$' "$log" || true)
[ "$n" = 20 ] || { echo "$n progress lines with a bar, want 20:"; cat "$log"; exit 1; }
grep -qE '^20 docs, [0-9.]+ MB, [0-9.]+ MB/s, 0 errors \[#{20}\] 100%, ETA 0 s$' "$log" \
  || { echo "no final 100% line:"; cat "$log"; exit 1; }
grep -qE '^newsextract: 20 documents, 20 written, 0 failed, [0-9.]+ MB in [0-9.]+ s$' "$log" \
  || { echo "no summary:"; cat "$log"; exit 1; }
mkdir "$dir/few"
cp "$dir"/000?.html "$dir/few/"
NEWSEXTRACT_PROGRESS_SECONDS=0 "$NX" -j1 --progress --quiet "$dir/few" >/dev/null 2>"$log"
[ ! -s "$log" ] || { echo "--quiet printed: $(cat "$log")"; exit 1; }
