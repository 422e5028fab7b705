# Compressed files and archives go through libarchive: gzip, bzip2, xz and
# zstd; tar, tar.gz and zip (an entry's id is ARCHIVE!ENTRY). A truncated
# file keeps every document read before the damage and reports the rest.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import bz2, gzip, io, lzma, sys, tarfile, zipfile
d = sys.argv[1]
a = b"<html><body><p>Needham upgraded Helio Grid (NASDAQ: HGRD) to Buy.</p></body></html>"
b = b"A 300 MW solar farm in Nevada.\n"
open(d + "/one.html.gz", "wb").write(gzip.compress(a))
open(d + "/one.txt.bz2", "wb").write(bz2.compress(b))
open(d + "/one.txt.xz", "wb").write(lzma.compress(b))
open(d + "/plain.txt", "wb").write(b)
with tarfile.open(d + "/two.tar.gz", "w:gz") as t:
    for name, data in (("x/a.html", a), ("x/b.txt", b)):
        info = tarfile.TarInfo(name); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
with zipfile.ZipFile(d + "/two.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.html", a)
    z.writestr("b.txt", b)
import random
random.seed(7)
lines = b"".join(b'{"id":"L%d","text":"Unit %d is a %d MW plant. %032x"}\n'
                 % (i, i, i, random.getrandbits(128)) for i in range(1, 20001))
whole = gzip.compress(lines)
open(d + "/cut.jsonl.gz", "wb").write(whole[: len(whole) // 2])
PY
zstd -q "$dir/plain.txt" -o "$dir/one.txt.zst"
ids=$("$NX" "$dir/one.html.gz" "$dir/one.txt.bz2" "$dir/one.txt.xz" "$dir/one.txt.zst" \
  "$dir/two.tar.gz" "$dir/two.zip" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    print(d["id"][len(sys.argv[1]) + 1:], len(d["ratings"]), [p["mw"] for p in d["power"]])' "$dir")
want="one.html.gz 1 []
one.txt.bz2 0 [300]
one.txt.xz 0 [300]
one.txt.zst 0 [300]
two.tar.gz!x/a.html 1 []
two.tar.gz!x/b.txt 0 [300]
two.zip!a.html 1 []
two.zip!b.txt 0 [300]"
[ "$ids" = "$want" ] || { printf 'got:\n%s\nwant:\n%s\n' "$ids" "$want"; exit 1; }
set +e
"$NX" "$dir/cut.jsonl.gz" "$dir/plain.txt" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || { echo "truncated gzip: exit $rc, want 1"; exit 1; }
n=$(grep -c '"id":"L' "$dir/out")
[ "$n" -gt 1000 ] && [ "$n" -lt 20000 ] || { echo "truncated gzip kept $n documents"; exit 1; }
tail -1 "$dir/out" | grep -q 'plain.txt' || { echo "the file after the damaged one is missing"; exit 1; }
grep -q "cut.jsonl.gz: after line [0-9]*: truncated gzip input" "$dir/err" || { echo "no error naming the damage:"; cat "$dir/err"; exit 1; }
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$dir/out"
