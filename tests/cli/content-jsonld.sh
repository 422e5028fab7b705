# JSON-LD (issue 4): a complete articleBody that the page shows picks the
# article's paragraphs and gives the metadata; a truncated one does not
# replace the article found in the tree, and a standfirst the tree found
# before the body stays.
set -u
status=0
out=$("$NX" --text tests/pages/jsonld.html) || exit 1
grep -qF "Nova Securities started coverage of Helio Grid Systems" <<<"$out" || { echo "lost the lead"; status=1; }
grep -qF "Helio Grid shares closed at \$38.20 on Tuesday." <<<"$out" || { echo "lost the last paragraph"; status=1; }
grep -qF "20% off an annual plan" <<<"$out" && { echo "kept a paragraph that is not in articleBody"; status=1; }
grep -qF "Readers also enjoyed" <<<"$out" && { echo "kept the promo box"; status=1; }
meta=$("$NX" tests/pages/jsonld.html | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps([d["title"], d["published"], d["authors"], d["site"], d["url"], d["lang"]]))')
want='["Nova Securities starts Helio Grid at Buy", "2026-02-11T06:05:00Z", ["Dario Lindqvist", "Mei Tanaka"], "Quayside Daily", "https://quayside.example.org/markets/helio-grid-buy", "en-GB"]'
[ "$meta" = "$want" ] || { echo "metadata: $meta"; echo "want:     $want"; status=1; }
out=$("$NX" --text tests/pages/jsonld-truncated.html) || exit 1
grep -qF "have delayed their electric models." <<<"$out" || { echo "truncated articleBody replaced the article: $out"; status=1; }
grep -qF "Voltaris shares fell 6% in Frankfurt" <<<"$out" || { echo "lost the last paragraph"; status=1; }
# A standfirst the publisher left out of articleBody stays before it.
out=$("$NX" --text tests/pages/jsonld-lead.html) || exit 1
grep -qF "Islanders have waited eleven years" <<<"$out" || { echo "lost the standfirst: $out"; status=1; }
grep -qF "save a fifth" <<<"$out" && { echo "kept a paragraph that is not in articleBody"; status=1; }
exit $status
