# A full disk is an error with a message and exit 1, never a success with
# a truncated output. A closed pipe (`newsextract ... | head`) is a normal
# end: reading stops, nothing is said, and the exit status is that of the
# documents done, so `set -o pipefail` pipelines succeed.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$NX" corpus/wire-brief.html >/dev/full 2>"$dir/full"
rc=$?
[ "$rc" = 1 ] && grep -q 'cannot write the output: No space left on device' "$dir/full" \
  || { echo "/dev/full: exit $rc: $(cat "$dir/full")"; exit 1; }
many=$(for i in $(seq 300); do echo corpus/analyst-story.html; done)
# shellcheck disable=SC2086
"$NX" -j1 --progress $many 2>"$dir/pipe" | head -c 100 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 0 ] || { echo "closed pipe: exit $rc, want 0: $(cat "$dir/pipe")"; exit 1; }
! grep -v '^[0-9]* docs\|^newsextract: [0-9]* documents, \|^newsextract: [0-9]* records\? in ' "$dir/pipe" | grep -q . \
  || { echo "closed pipe: stderr says: $(cat "$dir/pipe")"; exit 1; }
n=$(sed -n 's/^newsextract: \([0-9]*\) documents, .*/\1/p' "$dir/pipe")
[ -n "$n" ] && [ "$n" -lt 300 ] || { echo "closed pipe: read on ($n of 300 documents)"; exit 1; }
# shellcheck disable=SC2086
(set -o pipefail; "$NX" -j2 $many | head -n 1 >/dev/null) \
  || { echo "closed pipe: a pipefail pipeline with -j2 fails"; exit 1; }
# A document that failed before the pipe closed still makes it exit 1.
printf '\0\1\2binary' >"$dir/junk.bin"
# shellcheck disable=SC2086
"$NX" -j1 "$dir/junk.bin" $many 2>/dev/null | head -c 100 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 1 ] || { echo "closed pipe after a bad input: exit $rc, want 1"; exit 1; }
exit 0
