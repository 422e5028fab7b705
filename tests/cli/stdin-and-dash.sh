# No path and '-' both read stdin; HTML is detected from content, and
# --input-format forces a reading.
set -e
page='<html><body><p>Needham &amp; Co <b>upgraded</b> it.</p></body></html>'
a=$(printf '%s' "$page" | "$NX" --text)
[ "$a" = "Needham & Co upgraded it." ] || { echo "stdin html: $a"; exit 1; }
b=$(printf '%s' "$page" | "$NX" --text -)
[ "$a" = "$b" ] || { echo "'-' differs from no path"; exit 1; }
c=$(printf '%s' "$page" | "$NX" --text --input-format text)
[ "$c" = "$page" ] || { echo "--input-format text did not keep tags: $c"; exit 1; }
id=$(printf 'plain words\n' | "$NX" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
[ "$id" = "-" ] || { echo "stdin id: $id"; exit 1; }
