# The README's usage examples run as written: every indented line of
# README.md that runs newsextract (not the build/newsextract measuring
# commands, which need ../shared) is run in a folder that holds the files
# it names, with `newsextract` being the binary under test and `curl`
# reading a local page. Each must exit 0 and write something.
set -u
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t examples < <(grep -E '^    ([A-Z_]+=[^ ]+ )?(curl .*\| *)?newsextract( |$)' README.md |
  sed -e 's/^    //' -e 's/[[:space:]]\+#.*$//')
if [ "${#examples[@]}" -lt 20 ]; then
  echo "found only ${#examples[@]} examples in README.md: the extraction is broken"
  exit 1
fi

# The files the examples name, made from the golden corpus.
cd "$tmp"
mkdir -p bin corpus articles/drafts wire month my-rules
cp "$repo"/corpus/wire-brief.html corpus/
cp "$repo"/corpus/wire-brief.html article.html
cp "$repo"/corpus/wire-brief.html page.html
cp "$repo"/corpus/*.txt "$repo"/corpus/wire-brief.html articles/
cp "$repo"/corpus/*.html month/
cp article.html articles/drafts/
# The tutorial's rules, with the built-in lists they use, so that they
# also load alone (--no-default-rules).
cp -r "$repo"/rules/examples/. my-rules/
cp "$repo"/rules/lists/currencies.list my-rules/lists/
other=$(ls "$repo"/corpus/*.txt | head -1)
cp "$other" other.txt
printf 'Kestrel Bank raised its price target on Harbor Rail to \244 18 from \244 12.\n' >wire/note.txt
python3 - "$repo"/corpus <<'EOF'
import glob, gzip, io, json, sys, tarfile, zipfile
pages = sorted(glob.glob(sys.argv[1] + "/*.html"))[:4]
with open("dump.jsonl", "w") as f:
    for p in pages:
        f.write(json.dumps({"url": "https://example.com/" + p.rsplit("/", 1)[1],
                            "html": open(p).read(), "source": "wire",
                            "tags": ["markets"]}) + "\n")
with open("dump.jsonl", "rb") as f, gzip.open("dump.jsonl.gz", "wb") as g:
    g.write(f.read())
with gzip.open("CC-NEWS-20261101000000-00001.warc.gz", "wb") as w:
    for p in pages:
        body = open(p, "rb").read()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/%s\r\n"
                "WARC-Date: 2026-11-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d>\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                % (p.rsplit("/", 1)[1], len(p), len(http))).encode()
        w.write(head + http + b"\r\n\r\n")
for name, extra in (("pages.tar.gz", {}), ("site-crawl.tar.gz",
                    {"site/app.js": b"var x = 1;\n", "site/style.css": b"body{}\n"})):
    with tarfile.open(name, "w:gz") as t:
        for p in pages:
            t.add(p, "site/" + p.rsplit("/", 1)[1])
        for n, data in extra.items():
            info = tarfile.TarInfo(n); info.size = len(data)
            t.addfile(info, io.BytesIO(data))
with zipfile.ZipFile("pages.zip", "w") as z:
    for p in pages:
        z.write(p, p.rsplit("/", 1)[1])
EOF

printf '#!/bin/sh\nexec "%s" "$@"\n' "$(cd "$repo" && realpath "$NX")" >bin/newsextract
printf '#!/bin/sh\n# reads the page a URL would give\nexec cat "%s/page.html"\n' "$tmp" >bin/curl
chmod +x bin/*
command -v jq >/dev/null || {
  printf '#!/bin/sh\nexec python3 -c "import json,sys; [print(json.dumps(json.loads(l))) for l in sys.stdin]"\n' >bin/jq
  chmod +x bin/jq
}

failed=0
for cmd in "${examples[@]}"; do
  rm -f records.jsonl records.csv out.jsonl failures.jsonl
  out=$(PATH="$tmp/bin:$PATH" bash -o pipefail -c "$cmd" 2>"$tmp/err" </dev/null)
  rc=$?
  target=$(sed -n 's/.*> *\([^ ]*\)$/\1/p' <<<"$cmd")
  if [ "$rc" -ne 0 ]; then
    echo "README example exits $rc: $cmd"; head -5 "$tmp/err"; failed=1
  elif [ -z "$out" ] && { [ -z "$target" ] || [ ! -s "$target" ]; }; then
    echo "README example writes nothing: $cmd"; head -5 "$tmp/err"; failed=1
  fi
done
exit $failed
