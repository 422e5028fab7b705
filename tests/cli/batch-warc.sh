# WARC: gzip-per-record files that start with warcinfo (as CC-NEWS files
# do); response records with HTTP headers, chunked or gzip bodies;
# request/metadata records and non-HTML responses skipped; id is the
# WARC-Target-URI and warc_date is carried. Then the shared samples from
# warcio's test suite, where present.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import gzip, sys
d = sys.argv[1]
def record(kind, uri, ctype, block, date="2026-03-01T10:00:00Z"):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: %s\r\n" % (kind, date)
            + ("WARC-Target-URI: %s\r\n" % uri if uri else "")
            + "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"
page = b"<html><head><title>T</title></head><body><p>Mizuho upgraded Quill Data (NASDAQ: QLDC) to Buy.</p></body></html>"
chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i:i+40]), page[i:i+40]) for i in range(0, len(page), 40)) + b"0\r\n\r\n"
http = lambda headers, body: b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n" + body
records = [
    record("warcinfo", None, "application/warc-fields", b"software: test\r\n"),
    record("request", "http://a.example/1", "application/http;msgtype=request", b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
    record("response", "http://a.example/1", "application/http;msgtype=response",
           http(b"Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n", chunked)),
    record("response", "http://a.example/2", "application/http;msgtype=response",
           http(b"Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip.compress(b"<p>A 410 MW campus.</p>"))),
    record("response", "http://a.example/logo.png", "application/http;msgtype=response",
           http(b"Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n")),
    record("metadata", "http://a.example/1", "application/warc-fields", b"via: x\r\n"),
    record("resource", "http://a.example/3", "text/html", b"<p>Bitcoin (BTC) rose.</p>"),
    # The HTTP header names the charset; the page does not.
    record("response", "http://a.example/4", "application/http;msgtype=response",
           http(b"Content-Type: text/html; charset=windows-1252\r\n",
                "<p>Caf\u00e9 \u201cquotes\u201d</p>".encode("cp1252"))),
]
with open(d + "/crawl.warc.gz", "wb") as f:
    for r in records:
        f.write(gzip.compress(r))          # one gzip member per record
open(d + "/crawl.warc", "wb").write(b"".join(records))
PY
for f in crawl.warc.gz crawl.warc; do
  got=$("$NX" "$dir/$f" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    print(d["id"], d["warc_date"], len(d["ratings"]), [p["mw"] for p in d["power"]],
          [t["symbol"] for t in d["tickers"]])')
  want="http://a.example/1 2026-03-01T10:00:00Z 1 [] ['QLDC']
http://a.example/2 2026-03-01T10:00:00Z 0 [410] []
http://a.example/3 2026-03-01T10:00:00Z 0 [] ['BTC']
http://a.example/4 2026-03-01T10:00:00Z 0 [] []"
  [ "$got" = "$want" ] || { printf '%s: got\n%s\nwant\n%s\n' "$f" "$got" "$want"; exit 1; }
done
text=$("$NX" --text "$dir/crawl.warc.gz" | tail -1)
[ "$text" = 'Café “quotes”' ] || { echo "HTTP charset not honoured: $text"; exit 1; }
# A record cut short: the documents before it stay, one error names it.
head -c -20 "$dir/crawl.warc" >"$dir/short.warc"
set +e
"$NX" "$dir/short.warc" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] && [ "$(wc -l <"$dir/out")" = 3 ] && grep -q 'truncated WARC record' "$dir/err" \
  || { echo "truncated WARC: exit $rc"; cat "$dir/out" "$dir/err"; exit 1; }

samples=${SHARED:-../shared}/warc-samples
if [ -d "$samples" ]; then
  for f in example.warc example.warc.gz example-bad-non-chunked.warc.gz \
    example-iana.org-chunked.warc example-resource.warc.gz \
    example-wget-bad-target-uri.warc.gz; do
    n=$("$NX" "$samples/$f" | grep -c '"id":"http://')
    [ "$n" = 1 ] || { echo "$f: $n documents, want 1"; exit 1; }
  done
  # Only a JSON API response and an image: nothing to read, no error.
  for f in post-test.warc.gz example-space-in-target-uri.warc.gz example-digest.warc; do
    [ -z "$("$NX" "$samples/$f")" ] || { echo "$f gave documents"; exit 1; }
  done
  set +e
  out=$("$NX" "$samples/example-trunc.warc" 2>"$dir/err")
  set -e
  grep -q '"id":"http://example.com/"' <<<"$out" || { echo "example-trunc lost its response"; exit 1; }
  grep -q 'not a WARC record header' "$dir/err" || { echo "example-trunc: no error"; exit 1; }
fi
