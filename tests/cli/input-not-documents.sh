# Issue 15, item 4: a crawled site (a directory, a tar, a zip) holds
# scripts, style sheets, images, fonts and manifests beside its pages. What
# is found there and is not a document is skipped, by its bytes or its
# name, and counted (the summary, --errors); a file named as a PATH is read
# as asked. --include/--exclude hold for archive entries as for files below
# a directory. The file standard output writes to is never read back.
set -e -o pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
case $NX in /*) ;; */*) NX=$PWD/$NX ;; esac # the test runs in its own directory
cd "$dir"
python3 - <<'PY'
import gzip, io, os, struct, tarfile, zipfile, zlib
def png():
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
article = (b"<!doctype html><html><head><title>Orion upgraded</title></head><body>"
           b"<article><p>Needham upgraded Orion Freight (NASDAQ: ORFR) to Buy from Hold "
           b"with a price target of $42.</p></article></body></html>")
files = {
    "site/news/orion.html": article,
    "site/drafts/old.html": article,
    "site/js/app.js": b'function f() { return "<div>upgraded to Buy</div>"; }\n',
    "site/js/app.js.gz": gzip.compress(b"window.onload = function () {};\n"),
    "site/css/site.css": b"body { color: #333 }\n.article p { margin: 0 }\n",
    "site/img/logo.png": png(),
    "site/img/teaser.html": png(),  # the bytes win over the name
    "site/fonts/a.woff2": b"wOF2\x00\x01\x00\x00" + bytes(range(64)),
    "site/manifest.json": b'{"name": "Site", "start_url": "/", "icons": []}\n',
    "site/robots.txt": b"User-agent: *\nDisallow: /admin\n",
    "site/blob": bytes(range(256)) * 4,
}
for name, data in files.items():
    os.makedirs(os.path.dirname(name), exist_ok=True)
    open(name, "wb").write(data)
with tarfile.open("site.tar", "w") as t:
    t.add("site")
with zipfile.ZipFile("site.zip", "w") as z:
    for name in sorted(files):
        z.write(name)
PY
ids() { python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in sys.stdin))'; }
fail() { echo "$*"; exit 1; }

# Every container gives its two pages and nothing else, exit 0.
"$NX" --progress --errors errs.jsonl site site.tar site.zip >out 2>err || fail "exit $?: $(cat err)"
got=$(ids <out)
want="site/drafts/old.html site/news/orion.html site.tar!site/drafts/old.html site.tar!site/news/orion.html site.zip!site/drafts/old.html site.zip!site/news/orion.html"
[ "$got" = "$want" ] || fail "ids: $got"
grep -q '"to":"Buy"' out || fail "the article lost its rating"
grep -qE '^newsextract: 6 documents, 6 written, 0 failed, 27 skipped \(not documents\), ' err ||
  fail "summary: $(cat err)"
# --errors says what each was, in input order.
python3 - errs.jsonl <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
got = {l["input"]: l["skipped"] for l in lines}
assert len(lines) == 27 and all(set(l) == {"input", "skipped"} for l in lines), lines
want = {"site/js/app.js": "script", "site/js/app.js.gz": "script",
        "site/css/site.css": "style sheet", "site/img/logo.png": "image",
        "site/img/teaser.html": "image", "site/fonts/a.woff2": "font",
        "site/manifest.json": "site file", "site/robots.txt": "site file",
        "site/blob": "binary data"}
for k, v in want.items():
    for c in ("", "site.tar!", "site.zip!"):
        assert got[c + k] == v, (c + k, got.get(c + k))
order = [l["input"] for l in lines if l["input"].startswith("site.tar!")]
assert order == sorted(order, key=lambda s: order.index(s)), order
PY

# Named as a PATH, a file is read as asked: a PNG is an error, a script a
# document.
set +e
"$NX" -q site/img/logo.png site/js/app.js >out 2>err
rc=$?
set -e
[ "$rc" = 1 ] || fail "named PNG: exit $rc"
grep -q 'site/img/logo.png: binary data' err || fail "named PNG: $(cat err)"
[ "$(ids <out)" = "site/js/app.js" ] || fail "named script: $(cat out)"

# --include and --exclude hold for archive entries as for a directory's
# files: a glob with a slash against the entry's path in the archive.
for c in site.tar site.zip; do
  got=$("$NX" -q --exclude drafts/ "$c" | ids)
  [ "$got" = "$c!site/news/orion.html" ] || fail "$c --exclude drafts/: $got"
  got=$("$NX" -q --exclude site/drafts/ "$c" | ids)
  [ "$got" = "$c!site/news/orion.html" ] || fail "$c --exclude site/drafts/: $got"
  got=$("$NX" -q --include 'site/news/*.html' "$c" | ids)
  [ "$got" = "$c!site/news/orion.html" ] || fail "$c --include site/news/*.html: $got"
  got=$("$NX" -q --exclude 'orion.html' "$c" | ids)
  [ "$got" = "$c!site/drafts/old.html" ] || fail "$c --exclude orion.html: $got"
done

# --skip counts documents only: a resume after the first page gives the
# second, whatever was found between them.
got=$("$NX" -q --skip 1 site.tar | ids)
[ "$got" = "site.tar!site/news/orion.html" ] || fail "--skip 1: $got"

# The files this run writes to (stdout, --errors) are not read back, even
# when named; one note each.
"$NX" site site/out.jsonl >site/out.jsonl 2>err || fail "exit $? writing into the walked directory"
[ "$(ids <site/out.jsonl)" = "site/drafts/old.html site/news/orion.html" ] || fail "read its own output: $(cat site/out.jsonl)"
[ "$(grep -c 'site/out.jsonl: not read: standard output writes to it' err)" = 1 ] || fail "note: $(cat err)"
"$NX" site >>site/out.jsonl 2>err || fail "appending: exit $?"
[ "$(wc -l <site/out.jsonl)" = 4 ] || fail "appending read the output back"
rm site/out.jsonl
"$NX" --errors site/errs.jsonl site site/errs.jsonl >out 2>err || fail "--errors in the walked directory: exit $?"
[ "$(ids <out)" = "site/drafts/old.html site/news/orion.html" ] || fail "read its --errors file: $(cat out)"
[ "$(grep -c 'site/errs.jsonl: not read: --errors writes to it' err)" = 1 ] || fail "--errors note: $(cat err)"
grep -q '"input":"site/errs.jsonl","skipped":"output of this run"' site/errs.jsonl || fail "--errors lacks its own file"
[ "$(grep -c '"skipped"' site/errs.jsonl)" = 11 ] || fail "--errors: $(cat site/errs.jsonl)"
