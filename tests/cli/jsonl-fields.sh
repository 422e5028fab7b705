# A JSON Lines dump whose article is in another field (issue 15, item 2):
# the first lines' errors name the fields the lines do have and the
# --field to try, the rest are counted in one line; --id-field naming a
# field the lines lack says so instead of falling back silently.
set -u
status=0
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
python3 -c '
import json
for i in range(50):
    print(json.dumps({"uuid": "u%d" % i, "headline": "H", "story": "Acme Corp was upgraded to Buy from Hold at Jefferies."}))' >"$dump"
err=$("$NX" -q "$dump" 2>&1 >/dev/null)
[ "$(grep -c 'no article field' <<<"$err")" = 4 ] || { echo "want 3 line errors and one count, got: $err"; status=1; }
grep -q "$dump:1: no article field (html, content, text or body) holds a string (the line's string fields: uuid, headline, story; try --field story)" <<<"$err" ||
  { echo "no hint on line 1: $err"; status=1; }
grep -q "$dump: 47 more objects had no article field" <<<"$err" || { echo "no count line: $err"; status=1; }
# The hint works, and a missing --id-field is named.
out=$("$NX" --field story --id-field guid "$dump" 2>"$dump.err")
[ "$(grep -c '"to":"Buy"' <<<"$out")" = 50 ] || { echo "--field story: not 50 records"; status=1; }
grep -q -- "--id-field guid: no such field, so ids are where the objects are (FILE:LINE)" "$dump.err" || { echo "missing id field not named: $(cat "$dump.err")"; status=1; }
[ "$(grep -c 'id-field' "$dump.err")" = 1 ] || { echo "the id-field note is not said once"; status=1; }
rm -f "$dump.err"
exit $status
