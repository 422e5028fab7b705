# The page's own characters (issue 14): --text keeps curly quotes, dashes,
# the ellipsis, a no-break space, CJK and Arabic text and a combining mark
# as the page has them, while rules still match their ASCII spellings;
# every record's span slices the --text output exactly, byte for byte, on
# this page, the golden corpus and every test page.
set -u
status=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
page=tests/pages/page-characters.html
text=$("$NX" --text "$page")
for want in \
  "Orion Freight’s price target to$(printf '\xc2\xa0')\$18 from \$12 — and kept its “Buy” rating… The 285‑MW site opens in 2027–28." \
  'In Tokyo, 「オリオン運輸」の株価は上昇した。 In Cairo: «أوريون» ارتفعت الأسهم.' \
  "The café’s naïve cafe$(printf '\xcc\x81') menu — ½ price — stays."; do
  case "$text" in
  *"$want"*) ;;
  *) echo "--text lacks: $want"; status=1 ;;
  esac
done
# The records: found through the folded text, quoted from the page's.
"$NX" "$page" | python3 -c '
import json, sys
d = json.load(sys.stdin)
pt = d["price_targets"][0]
assert (pt["from"], pt["to"], pt["currency"]) == (12, 18, "USD"), pt
assert pt["company"] == "Orion Freight", pt  # not the possessive "Freight’s"
assert "Freight’s price target to\u00a0$18" in pt["text"], pt["text"]
mw = d["power"][0]
assert (mw["mw"], mw["text"]) == (285, "285\u2011MW"), mw
' || status=1
# Spans slice the --text output on every page we have.
for f in "$page" corpus/*.html corpus/*.txt tests/pages/*.html; do
  "$NX" --text "$f" >"$tmp" 2>/dev/null
  "$NX" "$f" 2>/dev/null | python3 -c '
import json, sys
text = open(sys.argv[1], "rb").read()
if text.endswith(b"\n"):
    text = text[:-1]
bad = 0
for line in sys.stdin:
    d = json.loads(line)
    for key, recs in d.items():
        if not isinstance(recs, list):
            continue
        for r in recs:
            if not isinstance(r, dict) or "span" not in r:
                continue
            a, b = r["span"]
            got = text[a:b].decode("utf-8")
            if got != r["text"]:
                print("%s: span %s slices %r, record says %r" % (sys.argv[2], r["span"], got, r["text"]))
                bad += 1
sys.exit(1 if bad else 0)' "$tmp" "$f" || status=1
done
exit $status
