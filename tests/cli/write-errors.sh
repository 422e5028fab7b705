# A full disk or a closed pipe is an error with a message and exit 1,
# never a success with a truncated output.
set -e
set +e
"$NX" corpus/wire-brief.html >/dev/full 2>/tmp/nx-full.$$
rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'cannot write the output: No space left on device' /tmp/nx-full.$$ \
  || { echo "/dev/full: exit $rc: $(cat /tmp/nx-full.$$)"; rm -f /tmp/nx-full.$$; exit 1; }
rm -f /tmp/nx-full.$$
set +e
( for i in $(seq 200); do cat corpus/analyst-story.html; done ) >/tmp/nx-big.$$
"$NX" -j1 $(for i in $(seq 300); do echo corpus/analyst-story.html; done) 2>/tmp/nx-pipe.$$ | head -c 100 >/dev/null
rc=${PIPESTATUS[0]}
set -e
rm -f /tmp/nx-big.$$
grep -q 'cannot write the output: Broken pipe' /tmp/nx-pipe.$$ && [ "$rc" = 1 ] \
  || { echo "closed pipe: exit $rc: $(cat /tmp/nx-pipe.$$)"; rm -f /tmp/nx-pipe.$$; exit 1; }
rm -f /tmp/nx-pipe.$$
