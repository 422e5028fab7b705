# --with-text (issue 15, item 8): over several inputs, each document object
# carries its own text, the same as --text prints for it, and every
# record's span slices that text exactly.
set -u
status=0
for f in corpus/*.html corpus/*.txt; do
  want=$("$NX" --text "$f")
  "$NX" --with-text "$f" | python3 -c '
import json, sys
want = sys.argv[1]
d = json.loads(sys.stdin.read())
text = d["text"]
assert text == want, "%s: text differs from --text" % d["id"]
raw = text.encode("utf-8")
for key, recs in d.items():
    for r in recs if isinstance(recs, list) else []:
        if isinstance(r, dict) and "span" in r:
            a, b = r["span"]
            assert raw[a:b].decode("utf-8") == r["text"], (d["id"], r["span"], r["text"])
' "$want" || status=1
done
# Several inputs at once: one object each, ids in order, each with its text.
n=$("$NX" --with-text corpus/wire-brief.html corpus/hostile.html corpus/broker-lists.txt |
  python3 -c 'import json, sys; print(sum(1 for l in sys.stdin if json.loads(l)["text"]))')
[ "$n" = 3 ] || { echo "3 documents gave $n objects with text"; status=1; }
exit $status
