# Issue 13, item 6: ids keep the bytes of a name. A file or archive entry
# whose name is not valid UTF-8 gets an id with each bad byte as \xHH (as
# Python's "backslashreplace" decodes it); an error's input is its
# document's whole id, however long, even when 255 bytes would end inside
# a character.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")
case $NX in /*) ;; */*) NX=$PWD/$NX ;; esac # the test runs in its own directory
python3 - "$dir" <<'PY'
import json, os, sys
d = sys.argv[1].encode()
open(d + b"/caf\xe9.txt", "wb").write(b"A 300 MW plant.\n")
open(d + b"/good.txt", "wb").write(b"A 200 MW plant.\n")
url = "https://news.example/" + "\u00e9t\u00e9-" * 100
url = url[:400 - 1] if len(url.encode()) > 400 else url
open(d + b"/long.url", "w").write(url)
with open(d + b"/dump.jsonl", "w") as f:
    f.write(json.dumps({"id": url, "text": "\u0001\u0002\u0003\u0004" * 40}) + "\n")
    f.write(json.dumps({"id": url + "/ok", "text": "A 9 MW plant."}) + "\n")
PY
python3 "$here/mkarchive.py" ustar "$dir/names.tar" 'entry-\xff.txt'="$dir/good.txt"
cd "$dir"
"$NX" caf*.txt names.tar >out
python3 - <<'PY'
import json
ids = [json.loads(l).get("id") for l in open("out")]
want = [b"caf\xe9.txt".decode("utf-8", "backslashreplace"),
        b"names.tar!entry-\xff.txt".decode("utf-8", "backslashreplace")]
assert ids == want, (ids, want)
assert ids[0] == "caf\\xe9.txt", ids
PY
set +e
"$NX" --errors errors.jsonl dump.jsonl >out 2>err
rc=$?
set -e
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; cat err; exit 1; }
python3 - <<'PY'
import json
url = open("long.url").read()
assert len(url.encode()) > 255, len(url.encode())
errs = [json.loads(l) for l in open("errors.jsonl")]
assert len(errs) == 1 and errs[0].get("input") == url, errs
assert "binary data" in errs[0]["error"], errs
docs = [json.loads(l)["id"] for l in open("out")]
assert docs == [url + "/ok"], docs
line = open("err", encoding="utf-8").read()
assert line == "newsextract: %s: %s\n" % (url, errs[0]["error"]), line
PY
