# Article metadata in the output object (issue 4): title, published (ISO
# 8601, UTC when the page gives a zone: issue 15 item 9) and the text it
# was read from, authors, site, url (canonical before og:url), lang.
set -u
status=0
meta() {
  "$NX" "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps([d["title"], d["published"], d["authors"], d["site"], d["url"], d["lang"]], ensure_ascii=False))'
}
check() {
  got=$(meta "$1")
  [ "$got" = "$2" ] || { echo "$1: $got"; echo "want: $2"; status=1; }
}
check tests/pages/meta.html '["Corretora eleva recomendação da Orion", "2026-03-04T12:15:30Z", ["Beatriz Nogueira"], "Jornal do Cais", "https://cais.example.com.br/mercados/orion-eleva", "pt-BR"]'
check tests/pages/meta-time.html '["Nur ein Titel", "2026-02-14", ["Klara Lenz"], null, null, "de"]'
# Plain text has the same keys, empty.
got=$(printf 'Zeta Capital cut Voltaris to Sell.\n' | "$NX" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(list(d)[:8], d["published"], d["authors"], d["lang"])')
[ "$got" = "['id', 'title', 'published', 'published_raw', 'authors', 'site', 'url', 'lang'] None [] None" ] || { echo "text input: $got"; status=1; }
exit $status
