# Rules start on PCRE2's interpreter and are JIT-compiled once they have
# seen some text; the two count their limits differently. A document's
# records must not depend on which one ran it: four copies of a document
# on which this rule hits the interpreter's limit give four equal records,
# the same as the document alone.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/deep.rules" <<'RULES'
[rule t/deep]
type = t
pattern = (?<x>(?:(?:a|)\s?)+Z)
example = a a Z.
expect = {"x": "a a Z"}
RULES
python3 - "$dir" <<'PY'
import json, sys
text = "a " * 2500 + "Z."
with open(sys.argv[1] + "/four.jsonl", "w") as f:
    for i in range(4):
        f.write(json.dumps({"id": "d%d" % i, "text": text}) + "\n")
with open(sys.argv[1] + "/one.txt", "w") as f:
    f.write(text + "\n")
PY
nx() { "$NX" --no-default-rules --rules "$dir/deep.rules" "$@"; }
nx -j1 "$dir/four.jsonl" >"$dir/out" 2>"$dir/err" || true
if grep -q 'match limit' "$dir/err"; then echo "a copy hit the limit: $(cat "$dir/err")"; exit 1; fi
python3 - "$dir/out" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
counts = [len(d["t"]) for d in docs]
assert counts == [1, 1, 1, 1], counts
PY
nx "$dir/one.txt" | python3 -c 'import json, sys; assert len(json.load(sys.stdin)["t"]) == 1'
