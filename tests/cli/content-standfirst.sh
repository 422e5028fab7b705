# A standfirst (issue 14): the lead paragraph set above the body in a
# block of its own joins the article; the headline, the date and what
# follows the body (a press contact) do not.
set -u
status=0
. "$(dirname "$0")/lib/text-checks.sh"
out=$("$NX" --text tests/pages/content-standfirst.html) || { echo "exit status $?"; exit 1; }
has "Zukünftig wird man bei der Ein- oder Ausfahrt des Parkplatzes"
has "Der Turm ist zwölf Meter hoch"
has "nur der Weg zum Weiher bleibt bis zum Frühjahr gesperrt"
lacks "Neuer Aussichtsturm am Wildtierpark" "the headline"
lacks "12.03.2026" "the date"
lacks "Ihr Ansprechpartner für Pressefragen" "the press contact after the body"
# The standfirst comes first, as on the page.
head -1 <<<"$out" | grep -q "^Zukünftig wird man bei" || { echo "standfirst not first:"; echo "$out"; status=1; }
# One set in the page's header, far out from the body, whose class says
# what it is, joins the article too.
out=$("$NX" --text tests/pages/content-standfirst-header.html) || { echo "exit status $?"; exit 1; }
head -1 <<<"$out" | grep -q "^La naviera estrena un barco eléctrico" || { echo "standfirst in the header lost:"; echo "$out"; status=1; }
has "El ayuntamiento quiere construir un segundo muelle"
lacks "Nuevo transbordador en Lindholm" "the headline"
exit $status
