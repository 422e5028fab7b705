# Authors (issue 14 item 3): meta tags, itemprop and rel=author first, then
# a JSON-LD Person the article names by "@id" only (Yoast's @graph: the
# account that posted, so below the meta tags), then a byline element whose
# text is a name. Site accounts, URLs, avatars and commenters are not
# authors.
set -u
status=0
dir=tests/pages/authors
check() {
  got=$("$NX" "$1" | python3 -c '
import json, sys
print(json.dumps(json.load(sys.stdin)["authors"], ensure_ascii=False))')
  [ "$got" = "$2" ] || { echo "$1: $got"; echo "want: $2"; status=1; }
}
check $dir/byline.html '["Ann Lee"]'
check $dir/byline-weekday.html '["Jeff Marsh"]'
check $dir/byline-dot.html '["Ann-Marie O'\''Neil"]'
check $dir/jsonld-ref.html '["Olivia Marr"]'
check $dir/jsonld-ref-vs-meta.html '["Dana Jeans"]'
check $dir/not-names.html '[]'
exit $status
