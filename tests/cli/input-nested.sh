# Issue 13: what an input is gets decided again for every archive entry and
# every decompressed stream. Archives and dumps larger than --max-bytes give
# their documents (the limit is per document); a tar of .warc.gz and
# .jsonl.gz files, a .jsonl.gz, a gzip of a tar, a zip in a tar give theirs;
# a dump that starts with a UTF-8 BOM keeps its first line; a compressed
# file cut after its header is reported as truncated.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")
python3 - "$dir" <<'PY'
import gzip, io, json, os, random, sys, tarfile, zipfile
d = sys.argv[1]
random.seed(13)
os.makedirs(d + "/p")
for i in range(20):
    body = "Unit %d is a %d MW plant. " % (i, 100 + i) + "%0900x" % random.getrandbits(3600)
    open(d + "/p/p%02d.txt" % i, "w").write(body[:1000])
with tarfile.open(d + "/pages.tar", "w") as t:
    for i in range(20):
        t.add(d + "/p/p%02d.txt" % i, "p%02d.txt" % i)
lines = "".join(json.dumps({"id": "J%d" % i, "text": open(d + "/p/p%02d.txt" % i).read()}) + "\n"
                for i in range(20))
open(d + "/dump.txt", "w").write(lines)   # JSON Lines, not named .jsonl

def record(uri, html):
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (uri, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n")
warc = record("http://w.example/1", b"<p>A 410 MW campus.</p>") + \
       record("http://w.example/2", b"<p>A 420 MW campus.</p>")
dump = b'\xef\xbb\xbf{"id":"bom1","text":"A 5 MW plant."}\n{"id":"bom2","text":"A 6 MW plant."}\n'
open(d + "/bom.jsonl", "wb").write(dump)
open(d + "/bom.dump", "wb").write(dump)
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("in.txt", "A 77 MW plant.")
members = [("crawl/a.warc.gz", warc),
           ("crawl/b.jsonl.gz", gzip.compress(dump)),
           ("crawl/c.html.gz", gzip.compress(b"<p>A 8 MW plant.</p>")),
           ("crawl/d.zip", zbuf.getvalue())]
with tarfile.open(d + "/crawl.tar", "w") as t:
    for name, data in members:
        info = tarfile.TarInfo(name); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
open(d + "/crawl.tar.gz.gz", "wb").write(gzip.compress(gzip.compress(open(d + "/crawl.tar", "rb").read())))
open(d + "/dump.jsonl.gz", "wb").write(gzip.compress(dump))
open(d + "/x.bz2", "wb").write(b"BZh9")
PY
xz -k "$dir/pages.tar"
bzip2 -k "$dir/pages.tar"
zstd -q "$dir/pages.tar" -o "$dir/pages.tar.zst"
files=""
for i in $(seq -w 0 19); do files="$files p$i.txt=$dir/p/p$i.txt"; done
python3 "$here/mkarchive.py" 7zip "$dir/pages.7z" $files
python3 "$here/mkarchive.py" cpio "$dir/pages.cpio" $files

# 1. Over the limit as a whole, each document under it.
for f in pages.tar.xz pages.tar.bz2 pages.tar.zst pages.7z pages.cpio dump.txt; do
  size=$(stat -c %s "$dir/$f")
  [ "$size" -gt 4096 ] || { echo "$f is only $size bytes: the test needs more than 4K"; exit 1; }
  set +e
  out=$("$NX" --max-bytes 4K "$dir/$f" 2>"$dir/err")
  rc=$?
  set -e
  n=$(printf '%s\n' "$out" | grep -c '"power":\[{' || true)
  [ "$rc" = 0 ] && [ "$n" = 20 ] || { echo "$f: exit $rc, $n documents with power, want 0 and 20"; cat "$dir/err"; exit 1; }
done
# A single file over the limit is still refused unread.
set +e
"$NX" --max-bytes 100 "$dir/p/p00.txt" >/dev/null 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'p00.txt: document of [0-9]* bytes is over the limit of 100 bytes' "$dir/err" \
  || { echo "a file over a 100-byte limit: exit $rc"; cat "$dir/err"; exit 1; }

# 2. Nested inputs, the same through two layers of gzip around the tar.
for f in crawl.tar crawl.tar.gz.gz; do
  got=$("$NX" "$dir/$f" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    print(d["id"].replace(sys.argv[1] + "/", ""), [p["mw"] for p in d["power"]])' "$dir")
  want="http://w.example/1 [410]
http://w.example/2 [420]
bom1 [5]
bom2 [6]
$f!crawl/c.html.gz [8]
$f!crawl/d.zip!in.txt [77]"
  [ "$got" = "$want" ] || { printf '%s: got\n%s\nwant\n%s\n' "$f" "$got" "$want"; exit 1; }
done

# 4. A BOM before the first line of a dump, whatever its name.
for f in bom.jsonl bom.dump dump.jsonl.gz; do
  ids=$("$NX" "$dir/$f" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in sys.stdin))')
  [ "$ids" = "bom1 bom2" ] || { echo "$f: ids '$ids', want 'bom1 bom2'"; exit 1; }
done

# 5. A compressed file cut after its header is an error, not an empty
# document, and the next input is still read.
set +e
"$NX" "$dir/x.bz2" "$dir/p/p01.txt" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] && grep -q 'x.bz2: truncated or empty bzip2 stream' "$dir/err" && [ "$(wc -l <"$dir/out")" = 1 ] \
  && grep -q '"id":"[^"]*p01.txt"' "$dir/out" || { echo "BZh9: exit $rc"; cat "$dir/out" "$dir/err"; exit 1; }

# A 7z archive needs to seek: inside a tar it is one clear error, and the
# tar's other entries are still read.
mkdir "$dir/t"
cp "$dir/pages.7z" "$dir/p/p02.txt" "$dir/t/"
tar cf "$dir/has7z.tar" -C "$dir/t" pages.7z p02.txt
set +e
"$NX" "$dir/has7z.tar" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] && [ "$(wc -l <"$dir/err")" = 1 ] && grep -q 'has7z.tar!pages.7z: a 7z archive can be read only from a file' "$dir/err" \
  && grep -q '"id":"[^"]*has7z.tar!p02.txt"' "$dir/out" || { echo "7z in a tar: exit $rc"; cat "$dir/out" "$dir/err"; exit 1; }
