# Every walk over the tree is iterative (issue 4): 100,000 nested elements
# neither overflow the stack nor lose the text at the bottom.
set -u
page=$(mktemp)
trap 'rm -f "$page"' EXIT
python3 -c '
import sys
n = 100000
sys.stdout.write("<html><body>" + "<div class=\"c\">" * n +
  "<p>Deep inside, Nova Securities, a broker, kept its Buy rating on Helio Grid, with a target of $47, and said so twice.</p>" +
  "</div>" * n + "</body></html>")' >"$page"
out=$(timeout 60 "$NX" --text "$page") || { echo "exit status $?"; exit 1; }
grep -qF "Nova Securities, a broker, kept its Buy rating" <<<"$out" || { echo "lost the text: $out"; exit 1; }
