# A dump's own metadata (issue 15 item 5): the usual fields of a JSON Lines
# or JSON array object (news-please's date_publish and authors, HF
# cc_news's date, trafilatura's author and sitename, url, title, language)
# fill what the page does not state, the page's own metadata wins, and
# --keep copies fields into a "kept" object that overwrites nothing.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
text = "Needham upgraded Harbor Rail (NYSE: HRBR) to Buy from Hold."
page = ('<html lang="en"><head><title>The page title</title>'
        '<link rel="canonical" href="https://page.example/story">'
        '<meta property="article:published_time" content="2026-03-01T10:00:00Z">'
        '<meta name="author" content="Page Author"></head>'
        '<body><article><p>%s</p></article></body></html>' % text)
lines = [
    # news-please (CC-NEWS) names
    {"url": "https://np.example/a", "title": "News-please title",
     "date_publish": "2026-02-03 04:05:06", "authors": ["Ann Lee", "Bo Chan"],
     "source_domain": "np.example", "language": "de", "maintext_id": 1, "text": text},
    # Hugging Face cc_news names, trafilatura's "author" joined with ";"
    {"id": "hf-1", "url": "https://hf.example/b", "title": "HF title",
     "date": "2026-01-15", "author": "Cy Dee; Ed Fox", "domain": "hf.example", "text": text},
    # an HTML page with its own metadata, and other values in the dump
    {"id": "page", "url": "https://dump.example/story", "title": "Dump title",
     "published": "2025-12-31", "author": "Dump Author", "html": page},
    # nothing but the text
    {"id": "bare", "text": text},
]
with open(d + "/dump.jsonl", "w") as f:
    for l in lines:
        f.write(json.dumps(l) + "\n")
json.dump(lines[:2], open(d + "/dump.json", "w"))
PY
"$NX" -q "$dir/dump.jsonl" >"$dir/out" || status=1
"$NX" -q "$dir/dump.json" >"$dir/array" || status=1
python3 - "$dir" <<'PY' || status=1
import json, sys
d = sys.argv[1]
docs = [json.loads(l) for l in open(d + "/out")]
def meta(x):
    return {k: x[k] for k in ("title", "published", "published_raw", "authors", "site", "url", "lang")}
want = [
    {"title": "News-please title", "published": "2026-02-03T04:05:06",
     "published_raw": "2026-02-03 04:05:06", "authors": ["Ann Lee", "Bo Chan"],
     "site": "np.example", "url": "https://np.example/a", "lang": "de"},
    {"title": "HF title", "published": "2026-01-15", "published_raw": "2026-01-15",
     "authors": ["Cy Dee", "Ed Fox"], "site": "hf.example", "url": "https://hf.example/b", "lang": None},
    {"title": "The page title", "published": "2026-03-01T10:00:00Z",
     "published_raw": "2026-03-01T10:00:00Z", "authors": ["Page Author"], "site": None,
     "url": "https://page.example/story", "lang": "en"},
    {"title": None, "published": None, "published_raw": None, "authors": [], "site": None,
     "url": None, "lang": None},
]
for got, w in zip(docs, want):
    assert meta(got) == w, (got["id"], meta(got), w)
assert all("kept" not in x for x in docs), "kept without --keep"
assert docs[0]["ratings"][0]["symbol"] == "HRBR"
arr = [json.loads(l) for l in open(d + "/array")]
assert [meta(x) for x in arr] == want[:2], [meta(x) for x in arr]
PY
# --keep: the dump's fields as they are, in "kept"; the extracted title
# and url are the page's still.
"$NX" -q --keep title,url,missing "$dir/dump.jsonl" | sed -n 3p >"$dir/kept"
python3 - "$dir/kept" <<'PY' || status=1
import json, sys
x = json.load(open(sys.argv[1]))
assert list(x)[:2] == ["id", "kept"], list(x)
assert x["kept"] == {"title": "Dump title", "url": "https://dump.example/story", "missing": None}, x["kept"]
assert x["title"] == "The page title" and x["url"] == "https://page.example/story", x
PY
exit $status
