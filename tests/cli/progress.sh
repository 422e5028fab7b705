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
# Dense pages (400 records each) keep the run several seconds long: a
# progress line comes every 2 s when stderr is not a terminal, and at 150
# pages a faster build finished in about 2 s.
for i in range(450):
    open("%s/%04d.html" % (d, i), "w").write(page)
PY
"$NX" -j1 --progress "$dir" >/dev/null 2>"$log"
grep -qE '^[0-9]+ docs, [0-9.]+ MB, [0-9.]+ MB/s, 0 errors \[[#.]{20}\] +[0-9]+%, ETA [0-9]+ s$' "$log" \
  || { echo "no progress line with a bar:"; cat "$log"; exit 1; }
grep -qE '^newsextract: 450 documents, 450 written, 0 failed, [0-9.]+ MB in [0-9.]+ s$' "$log" \
  || { echo "no summary:"; cat "$log"; exit 1; }
mkdir "$dir/few"
cp "$dir"/000?.html "$dir/few/"
"$NX" -j1 --progress --quiet "$dir/few" >/dev/null 2>"$log"
[ ! -s "$log" ] || { echo "--quiet printed: $(cat "$log")"; exit 1; }
