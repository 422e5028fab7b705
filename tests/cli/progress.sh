# --progress on a non-terminal: progress lines with documents, MB, MB/s and
# errors, a bar with ETA for a known total, then a summary; --quiet silences
# them.
set -e
dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$dir" "$log"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
page = "<html><body>" + "<p>Needham kept its Buy rating on Acme Corp (NYSE: ACME). A 5 MW site.</p>" * 400 + "</body></html>"
# Dense pages (400 records each) keep the run a few seconds long.
for i in range(150):
    open("%s/%04d.html" % (d, i), "w").write(page)
PY
"$NX" -j1 --progress "$dir" >/dev/null 2>"$log"
grep -qE '^[0-9]+ docs, [0-9.]+ MB, [0-9.]+ MB/s, 0 errors \[[#.]{20}\] +[0-9]+%, ETA [0-9]+ s$' "$log" \
  || { echo "no progress line with a bar:"; cat "$log"; exit 1; }
grep -qE '^newsextract: 150 documents, 150 written, 0 failed, [0-9.]+ MB in [0-9.]+ s$' "$log" \
  || { echo "no summary:"; cat "$log"; exit 1; }
"$NX" -j1 --progress --quiet "$dir" >/dev/null 2>"$log"
[ ! -s "$log" ] || { echo "--quiet printed: $(cat "$log")"; exit 1; }
