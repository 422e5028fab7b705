# SIGINT or SIGTERM during a batch: the documents in flight are finished and
# written, stderr says how many were done, the exit code is 130 or 143, and
# a rerun with --skip N writes the rest: nothing lost, nothing twice.
#
# No timing: the dump comes through a FIFO that this script holds open, so
# the run cannot end before the signal. The first half is fed, the signal
# is sent once output shows the run is under way (with -j1: once all of
# the first half is written, so exactly that many documents are done),
# then the second half is fed: the run reads no more of it. Blank lines
# after the first half push it past the readers' read-ahead (~64 KiB).
set -eu
dir=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$dir"' EXIT
python3 - "$dir" corpus/*.html corpus/*.txt <<'PY'
import json, sys
d, files = sys.argv[1], sys.argv[2:]
texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
lines = [json.dumps({"id": "doc%d" % i, "text": texts[i % len(texts)]}) + "\n" for i in range(400)]
open(d + "/all.jsonl", "w").write("".join(lines))
open(d + "/first.jsonl", "w").write("".join(lines[:200]))
open(d + "/rest.jsonl", "w").write("".join(lines[200:]))
PY
"$NX" -j2 "$dir/all.jsonl" >"$dir/full"

# Waits until $dir/part has at least $1 lines (60 s at most).
wait_lines() {
  for _ in $(seq 600); do
    [ "$(wc -l <"$dir/part")" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "no $1 output lines in 60 s: $(cat "$dir/err")"
  exit 1
}

for run in "INT -j1" "TERM -j1" "INT -j2" "TERM -j2"; do
  set -- $run
  sig=$1 jobs=$2
  rm -f "$dir/dump.jsonl"
  mkfifo "$dir/dump.jsonl"
  "$NX" "$jobs" "$dir/dump.jsonl" >"$dir/part" 2>"$dir/err" &
  pid=$!
  exec 3>"$dir/dump.jsonl"
  cat "$dir/first.jsonl" >&3
  head -c 262144 /dev/zero | tr '\0' '\n' >&3
  if [ "$jobs" = -j1 ]; then wait_lines 200; else wait_lines 1; fi
  kill -"$sig" "$pid"
  # The run may close its end before this is all written: no error.
  cat "$dir/rest.jsonl" >&3 2>/dev/null || true
  exec 3>&-
  set +e
  wait "$pid"
  rc=$?
  set -e
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  [ "$rc" = "$want" ] || { echo "SIG$sig $jobs: exit $rc, want $want"; cat "$dir/err"; exit 1; }
  n=$(sed -n "s/.*stopped by SIG$sig after \([0-9]*\) documents; rerun with --skip \1 to go on/\1/p" "$dir/err")
  if [ "$jobs" = -j1 ]; then
    [ "$n" = 200 ] || { echo "SIG$sig $jobs: want 200 documents: $(cat "$dir/err")"; exit 1; }
  else
    [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -le 200 ] || { echo "SIG$sig $jobs: $(cat "$dir/err")"; exit 1; }
  fi
  [ "$(wc -l <"$dir/part")" = "$n" ] || { echo "SIG$sig $jobs: $(wc -l <"$dir/part") lines for $n documents"; exit 1; }
  "$NX" -j2 --skip "$n" "$dir/all.jsonl" >>"$dir/part"
  cmp "$dir/full" "$dir/part" || { echo "SIG$sig $jobs: resumed output differs"; exit 1; }
done
