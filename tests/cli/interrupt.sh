# SIGINT or SIGTERM during a batch: the documents in flight are finished and
# written, stderr says how many were done, the exit code is 130 or 143, and
# a rerun with --skip N writes the rest: nothing lost, nothing twice.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" corpus/*.html corpus/*.txt <<'PY'
import json, sys
d, files = sys.argv[1], sys.argv[2:]
texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
with open(d + "/dump.jsonl", "w") as out:
    for i in range(4000):
        out.write(json.dumps({"id": "doc%d" % i, "text": texts[i % len(texts)]}) + "\n")
PY
"$NX" -j2 "$dir/dump.jsonl" >"$dir/full"
for sig in INT TERM; do
  "$NX" -j2 "$dir/dump.jsonl" >"$dir/part" 2>"$dir/err" &
  pid=$!
  sleep 0.3
  kill -"$sig" "$pid"
  set +e
  wait "$pid"
  rc=$?
  set -e
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  [ "$rc" = "$want" ] || { echo "SIG$sig: exit $rc, want $want"; cat "$dir/err"; exit 1; }
  n=$(sed -n "s/.*stopped by SIG$sig after \([0-9]*\) documents; rerun with --skip \1 to go on/\1/p" "$dir/err")
  [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt 4000 ] || { echo "SIG$sig: $(cat "$dir/err")"; exit 1; }
  [ "$(wc -l <"$dir/part")" = "$n" ] || { echo "SIG$sig: $(wc -l <"$dir/part") lines for $n documents"; exit 1; }
  "$NX" -j2 --skip "$n" "$dir/dump.jsonl" >>"$dir/part"
  cmp "$dir/full" "$dir/part" || { echo "SIG$sig: resumed output differs"; exit 1; }
done
