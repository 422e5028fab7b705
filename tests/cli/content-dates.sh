# The page's date (issue 14 item 3, issue 15 item 9), one page per kind of
# evidence in htmldate's order: JSON-LD, meta tags, itemprop, <time>, the
# URL, visible date lines. "published" is ISO 8601, in UTC when the page
# gives a zone; "published_raw" is what it was read from. A page whose
# dates are all impossible, or not the page's, gets none.
set -u
status=0
dir=tests/pages/dates
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
published() {
  "$NX" "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps([d["published"], d["published_raw"]], ensure_ascii=False))'
}
check() {
  got=$(published "$1")
  [ "$got" = "$2" ] || { echo "$1: $got"; echo "want: $2"; status=1; }
}
check $dir/jsonld-graph.html '["2026-02-03T09:00:00Z", "2026-02-03T10:00:00+01:00"]'
check $dir/jsonld-date.html '["2025-06-01", "2025-06-01"]'
check $dir/jsonld-other.html '["2019-11-18T10:15:00Z", "2019-11-18T10:15:00+00:00"]'
check $dir/jsonld-broken.html '["2019-11-20", "01:38:07 PM IST Nov 20, 2019"]'
check $dir/meta-article-published.html '["2019-11-19T11:00:09Z", "2019-11-19T11:00:09.000Z"]'
check $dir/itemprop-text.html '["2019-03-14", "March 14, 2019"]'
check $dir/itemprop-created.html '["2019-03-14T13:30:00Z", "2019-03-14T09:30:00-04:00"]'
check $dir/time-pubdate.html '["2019-03-14", "2019-03-14"]'
check $dir/time-header.html '["2019-03-14T12:00:00Z", "2019-03-14T08:00:00-04:00"]'
check $dir/time-text.html '["2019-03-14", "14. März 2019"]'
check $dir/url.html '["2019-03-14", "https://quaypost.example.com/business/2019/03/14/harbor-rail-forecast/"]'
check $dir/url-month-name.html '["2019-11-18", "https://quaypost.example.com/statements/2019/nov/18/harbor-rail/"]'
check $dir/visible-publish.html '["2019-11-19", "November 19, 2019, 9:02 AM"]'
check $dir/visible-label.html '["2019-11-14", "Written by Ann Lee on November 14, 2019"]'
check $dir/visible-label-de.html '["2019-03-14", "Veröffentlicht am 14. März 2019 von Klara Lenz"]'
check $dir/visible-date-class.html '["2019-11-20", "November 20 15:23 2019"]'
check $dir/visible-numeric.html '["2019-03-14", "14.03.2019"]'
check $dir/visible-near-headline.html '["2019-03-14", "Hamburg, 14. März 2019"]'
check $dir/visible-far-from-headline.html '[null, null]'
check $dir/invalid.html '[null, null]'
check $dir/invalid-then-valid.html '["2019-03-14", "Published March 14, 2019"]'

# Every common meta tag, each alone on a page, names in any case ("~" is a
# space).
while read -r attr name value want; do
  printf '<html><head><meta %s="%s" content="%s"><title>T</title></head><body><p>Harbor Rail raised its forecast for freight volumes on Tuesday.</p></body></html>\n' \
    "$attr" "${name//\~/ }" "${value//\~/ }" >"$tmp/page.html"
  got=$("$NX" "$tmp/page.html" | python3 -c 'import json, sys; print(json.load(sys.stdin)["published"])')
  [ "$got" = "$want" ] || { echo "<meta $attr=$name content=$value>: $got, want $want"; status=1; }
done <<'LIST'
property article:published_time 2019-03-14T10:00:00+02:00 2019-03-14T08:00:00Z
property article:published 2019-03-14 2019-03-14
property og:published_time 2019-03-14T10:00:00Z 2019-03-14T10:00:00Z
name pubdate Thu,~14~Mar~2019~10:00:00~GMT 2019-03-14T10:00:00Z
name pubDate 2019-03-14 2019-03-14
name publishdate 2019-03-14 2019-03-14
name publish-date 2019-03-14 2019-03-14
name date 2019-03-14 2019-03-14
name DC.date.issued 2019-03-14 2019-03-14
name dcterms.created 2019-03-14 2019-03-14
name sailthru.date 2019-03-14~10:00:00 2019-03-14T10:00:00
name parsely-pub-date 2019-03-14T10:00:00Z 2019-03-14T10:00:00Z
itemprop datePublished 2019-03-14 2019-03-14
itemprop datePublished~dateCreated 2019-03-14 2019-03-14
name date 2019-02-29 None
name date 1994-12-31 None
LIST
exit $status
