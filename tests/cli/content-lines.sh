# Line-level cleaning (issue 14): a line that is only a date, a byline, a
# reading time, a credit, a figure's caption, a foreign teaser, an ad
# label, a source, a taxonomy, a social or subscription prompt, a button
# or a login note goes, and a contact heading ends the article; the
# story's paragraphs stay, whatever their language, and so does a table
# set in a <figure> (a figure's picture and caption go).
set -u
out=$("$NX" --text tests/pages/content-lines.html) || { echo "exit status $?"; exit 1; }
status=0
. "$(dirname "$0")/lib/text-checks.sh"
for s in "Die Reederei Nordlicht hat am Dienstag ihre neue Fähre in Lindholm getauft" \
  "Das Schiff fährt mit Batterien" "Die Gemeinde will bis zum Sommer einen zweiten Anleger bauen" \
  "Festland – Südinsel | 11 Euro"; do
  has "$s"
done
while IFS='|' read -r what text; do
  lacks "$text" "$what"
done <<'LINES'
the date line|Stand: 05. Februar 2031
the byline|Von Marta Kessler
the reading time|Lesezeit
the caption's credit|Küstenbote-Archiv
the figure caption|Abbildung:
the Spanish teaser|Mire:
the ad disclosure|Werbung
the source line|Quelle:
the no-guarantee note|ohne Gewähr
the taxonomy line|Filed under
the follow prompt|Follow the
the subscription prompt|Subscribe now
the like button|Gefällt mir
the row of buttons|Pinterest
the time-ago line|vor 3 Stunden
the gallery caption|Anleger der Südinsel
the licence note|CC-BY-4.0
the link line|fahrplan.pdf
the caption block|vor der Nordinsel
the German teaser heading|Schon gelesen
the paywall prompt|lesen Sie weiter
the picture's caption|Die Fähre bei der Taufe im Hafen
the click prompt|hier klicken
the more-of-the-same heading|Weitere Beiträge
the login note|einloggen
the back link|Listenansicht
the contact heading|Kontakt
the contact box|Pressestelle
LINES
[ "$(grep -c . <<<"$out")" = 6 ] || { echo "want 6 paragraphs, got:"; echo "$out"; status=1; }
# A teaser heading that trails off, in any language, ends the article; one
# over a list of links ends only the list when the story goes on after it.
out=$("$NX" --text tests/pages/content-lines-end.html) || { echo "exit status $?"; exit 1; }
has "O porto de Lindholm recebe hoje"
has "A balsa antiga vai ser vendida"
lacks "See also" "the teaser heading"
lacks "timetable, spring edition" "the teaser under it"
# A legal note's heading ends the text, plain text included.
out=$(printf '%s\n\n%s\n\n%s\n' "The ferry sails at nine, from the old pier on the north side of the harbour, every day of the week, and at six in the evening in summer, when the islands fill with walkers." \
  "Haftungshinweis" "Trotz sorgfältiger Kontrolle übernehmen wir keine Haftung für die Inhalte externer Links." |
  "$NX" --text -f text -) || { echo "exit status $?"; exit 1; }
has "The ferry sails at nine"
lacks "Haftung" "the legal note"
lacks "Você pode gostar" "the teaser heading"
lacks "Outra história" "the teaser after it"
exit $status
