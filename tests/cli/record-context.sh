# Record lines and CSV rows carry their document's url, title, published
# date, WARC fields and kept fields, so nobody joins them back (issue 15
# item 7); a WARC with two crawls of one URI gives two documents told apart
# by warc_record_id, with the file they came from.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
printf '%s\n' '{"id":"a1","url":"https://x.example/a","title":"Harbor note","date":"2026-01-02","desk":"rail","text":"Needham upgraded Harbor Rail (NYSE: HRBR) to Buy from Hold. A 50 MW plant."}' >"$dir/dump.jsonl"
"$NX" -q --records --keep desk "$dir/dump.jsonl" >"$dir/records" || status=1
"$NX" -q --format csv --keep desk "$dir/dump.jsonl" >"$dir/csv" || status=1
python3 - "$dir" <<'PY' || status=1
import csv, json, sys
d = sys.argv[1]
lines = [json.loads(l) for l in open(d + "/records")]
assert sorted(l["type"] for l in lines) == ["power", "ratings", "tickers"], lines
for l in lines:
    assert l["doc"] == "a1" and l["url"] == "https://x.example/a", l
    assert l["title"] == "Harbor note" and l["published"] == "2026-01-02", l
    assert l["kept"] == {"desk": "rail"}, l
    assert "warc_record_id" not in l, l
rating = [l for l in lines if l["type"] == "ratings"][0]
assert list(rating)[:3] == ["doc", "type", "broker"], list(rating)
rows = list(csv.DictReader(open(d + "/csv")))
assert len(rows) == 3, rows
for r in rows:
    assert (r["doc"], r["url"], r["title"], r["published"], r["kept.desk"]) == \
        ("a1", "https://x.example/a", "Harbor note", "2026-01-02", "rail"), r
    assert r["fields"] == "", r
power = [r for r in rows if r["type"] == "power"][0]
assert (power["mw"], power["kind"], power["unit"]) == ("50", "electric", "MW"), power
PY
# Two crawls of one URI (as CC-NEWS has), in a .warc.gz.
python3 - "$dir" <<'PY'
import gzip, sys
d = sys.argv[1]
def record(rid, date, body):
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: %s\r\nWARC-Target-URI: https://news.example/story\r\n"
            "Content-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (rid, date, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n")
page = b"<html><body><p>Mizuho upgraded Quill Data (NASDAQ: QLDC) to Buy.</p></body></html>"
with open(d + "/cc.warc.gz", "wb") as f:
    f.write(record("11111111-1111-1111-1111-111111111111", "2026-03-01T10:00:00Z", page))
    f.write(record("22222222-2222-2222-2222-222222222222", "2026-03-02T10:00:00Z", page))
PY
"$NX" -q "$dir/cc.warc.gz" >"$dir/warc.docs" || status=1
"$NX" -q --records --types ratings "$dir/cc.warc.gz" >"$dir/warc.records" || status=1
"$NX" -q --format csv --types ratings "$dir/cc.warc.gz" >"$dir/warc.csv" || status=1
python3 - "$dir" <<'PY' || status=1
import csv, json, sys
d = sys.argv[1]
docs = [json.loads(l) for l in open(d + "/warc.docs")]
assert [x["id"] for x in docs] == ["https://news.example/story"] * 2, docs
assert [x["warc_record_id"] for x in docs] == [
    "<urn:uuid:11111111-1111-1111-1111-111111111111>",
    "<urn:uuid:22222222-2222-2222-2222-222222222222>"], docs
assert all(x["warc_file"] == d + "/cc.warc.gz" for x in docs), docs
assert all(x["url"] == "https://news.example/story" for x in docs), docs
recs = [json.loads(l) for l in open(d + "/warc.records")]
assert [(r["warc_date"], r["warc_record_id"][-5:], r["warc_file"]) for r in recs] == [
    ("2026-03-01T10:00:00Z", "1111>", d + "/cc.warc.gz"),
    ("2026-03-02T10:00:00Z", "2222>", d + "/cc.warc.gz")], recs
rows = list(csv.DictReader(open(d + "/warc.csv")))
assert [r["warc_record_id"][-5:] for r in rows] == ["1111>", "2222>"], rows
assert [r["url"] for r in rows] == ["https://news.example/story"] * 2, rows
PY
exit $status
