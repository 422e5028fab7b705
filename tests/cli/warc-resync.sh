# Issue 13, item 3: a damaged WARC record costs only itself. A header line
# over 64 KiB and a record without Content-Length are reported, and reading
# goes on at the next "WARC/1.0" line; a gzip HTTP body that inflates past
# --max-bytes is reported as over the limit under its URI.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import gzip, sys
d = sys.argv[1]
def record(uri, body, extra="", length=True, encoding=""):
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + encoding.encode()
             + b"\r\n" + body)
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n%s"
            "Content-Type: application/http;msgtype=response\r\n" % (uri, extra)
            + ("Content-Length: %d\r\n" % len(block) if length else "") + "\r\n")
    return head.encode() + block + b"\r\n\r\n"
records = [
    record("http://w.example/a", b"<p>A 101 MW plant.</p>"),
    record("http://w.example/b", b"<p>A 102 MW plant.</p>", extra="X-Note: %s\r\n" % ("x" * 70000)),
    record("http://w.example/c", b"<p>A 103 MW plant.</p>"),
    record("http://w.example/d", b"<p>A 104 MW plant.</p>", length=False),
    record("http://w.example/e", b"<p>A 105 MW plant.</p>"),
    record("http://w.example/big", gzip.compress(b"<p>" + b"zero " * 40000 + b"</p>"),
           encoding="Content-Encoding: gzip\r\n"),
    record("http://w.example/g", b"<p>A 107 MW plant.</p>"),
]
open(d + "/crawl.warc", "wb").write(b"".join(records))
open(d + "/crawl.warc.gz", "wb").write(b"".join(gzip.compress(r) for r in records))
PY
for f in crawl.warc crawl.warc.gz; do
  set +e
  "$NX" --max-bytes 64K "$dir/$f" >"$dir/out" 2>"$dir/err"
  rc=$?
  set -e
  ids=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"][-1] for l in open(sys.argv[1])))' "$dir/out")
  [ "$rc" = 1 ] && [ "$ids" = "a c e g" ] || { echo "$f: exit $rc, documents '$ids', want 1 and 'a c e g'"; cat "$dir/err"; exit 1; }
  grep -q "$f@[0-9]*: WARC record with a header line over 64 KiB; skipped to the next record" "$dir/err" \
    && grep -q "$f@[0-9]*: WARC record without a Content-Length; skipped to the next record" "$dir/err" \
    && grep -q "^newsextract: http://w.example/big: gzip HTTP body is over the limit of 65536 bytes once inflated" "$dir/err" \
    && [ "$(wc -l <"$dir/err")" = 3 ] || { echo "$f: stderr:"; cat "$dir/err"; exit 1; }
done
