# Streaming (issue 15, item 1): a JSON line piped in is extracted and its
# line written while the writer keeps the pipe open, so `tail -f feed.jsonl
# | newsextract` and a long-lived worker process get each result as its
# document arrives. Deterministic: the input stays open until the output
# has come (or 60 s pass, which only a broken build waits out).
set -u
status=0
dir=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$dir"' EXIT
line() { printf '{"id":"%s","text":"Acme Corp was upgraded to Buy from Hold at Jefferies."}\n' "$1"; }
wait_lines() { # FILE N: until FILE has N lines, at most 60 s
  for _ in $(seq 600); do
    [ "$(wc -l <"$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  return 1
}
for jobs in 1 2; do
  mkfifo "$dir/in$jobs"
  "$NX" -q -j"$jobs" <"$dir/in$jobs" >"$dir/out$jobs" 2>"$dir/err$jobs" &
  pid=$!
  exec 3>"$dir/in$jobs"
  line first >&3
  if ! wait_lines "$dir/out$jobs" 1; then
    echo "-j$jobs: no output for the first line while the input stays open"; status=1
  fi
  kill -0 "$pid" 2>/dev/null || { echo "-j$jobs: ended before its input did"; status=1; }
  line second >&3
  wait_lines "$dir/out$jobs" 2 || { echo "-j$jobs: no output for the second line"; status=1; }
  exec 3>&-
  wait "$pid" || { echo "-j$jobs: exit $?: $(cat "$dir/err$jobs")"; status=1; }
  ids=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$dir/out$jobs")
  [ "$ids" = "first second" ] || { echo "-j$jobs: ids '$ids'"; status=1; }
  grep -q '"to":"Buy"' "$dir/out$jobs" || { echo "-j$jobs: no record"; status=1; }
done
exit $status
