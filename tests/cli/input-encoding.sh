# Issue 15, item 6: plain text that is not UTF-8. A Latin-1/Windows-1252
# text (no byte of it forms UTF-8) is read as Windows-1252, so "£18" keeps
# its price target; UTF-8 with damaged bytes is repaired with one stderr
# line naming the input and the count; --encoding NAME reads text (and
# HTML, over its <meta charset>) in another encoding, but not JSON strings.
# HTML that declares no charset is guessed as text is.
set -u
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "$*"; status=1; }
pt='Needham raised its price target on Orion Freight (NASDAQ: ORFR) to'
# target FILE [OPTION...]: the first price target's "to" and currency.
target() {
  "$NX" -q "$@" 2>"$dir/err" | python3 -c '
import json, sys
for l in sys.stdin:
    p = json.loads(l)["price_targets"]
    print("%s %s" % (p[0]["to"], p[0]["currency"]) if p else "none")'
}

printf '%s \xa318 from \xa315. Caf\xe9 \x93quoted\x94.\n' "$pt" >"$dir/latin1.txt"
got=$(target "$dir/latin1.txt")
[ "$got" = "18 GBP" ] || fail "Latin-1 text: $got"
[ -s "$dir/err" ] && fail "Latin-1 text read as Windows-1252 warned: $(cat "$dir/err")"
got=$("$NX" --text "$dir/latin1.txt")
case $got in *'£18 from £15. Café “quoted”.') ;; *) fail "Windows-1252 text: $got" ;; esac

# UTF-8 with one stray byte stays UTF-8 (the é and — are right), and says
# what it lost.
printf 'Caf\xc3\xa9 \xe2\x80\x94 %s \xa318.\n' "$pt" >"$dir/mixed.txt"
out=$("$NX" "$dir/mixed.txt" 2>"$dir/err")
rc=$?
[ "$rc" = 0 ] || fail "damaged UTF-8: exit $rc"
[ -n "$out" ] || fail "damaged UTF-8: no document"
[ "$(cat "$dir/err")" = "newsextract: $dir/mixed.txt: 1 byte is not valid UTF-8, replaced by U+FFFD (--encoding NAME reads text in another encoding)" ] ||
  fail "damaged UTF-8 warning: $(cat "$dir/err")"
"$NX" --text "$dir/mixed.txt" 2>/dev/null | grep -qF 'Café — Needham' || fail "damaged UTF-8 lost its good characters"
# --encoding utf-8 turns the guess off: the Latin-1 text's 5 bytes are lost.
"$NX" --encoding utf-8 "$dir/latin1.txt" >/dev/null 2>"$dir/err"
grep -qF "latin1.txt: 5 bytes are not valid utf-8, replaced by U+FFFD" "$dir/err" || fail "--encoding utf-8: $(cat "$dir/err")"

# ISO-8859-15 has € where Windows-1252 has ¤: only --encoding can tell.
printf '%s \xa418.\n' "$pt" >"$dir/latin9.txt"
got=$(target "$dir/latin9.txt")
[ "$got" = "none" ] || fail "latin9 without --encoding: $got"
got=$(target --encoding ISO-8859-15 "$dir/latin9.txt")
[ "$got" = "18 EUR" ] || fail "--encoding ISO-8859-15: $got"

# UTF-16 text with its byte order mark.
printf '%s £18.\n' "$pt" | iconv -f UTF-8 -t UTF-16 >"$dir/utf16.txt"
got=$(target "$dir/utf16.txt")
[ "$got" = "18 GBP" ] || fail "UTF-16 text: $got"

# HTML: --encoding overrides what the page declares, as an HTTP header
# would; without it the declaration holds.
printf '<html><head><meta charset="utf-8"></head><body><p>%s \xa318.</p></body></html>' "$pt" >"$dir/lies.html"
got=$(target "$dir/lies.html")
[ "$got" = "none" ] || fail "HTML declaring the wrong charset, no --encoding: $got"
got=$(target --encoding latin1 "$dir/lies.html")
[ "$got" = "18 GBP" ] || fail "HTML with --encoding latin1: $got"
printf '<html><head><meta charset="iso-8859-1"></head><body><p>%s \xa318.</p></body></html>' "$pt" >"$dir/says.html"
got=$(target "$dir/says.html")
[ "$got" = "18 GBP" ] || fail "HTML declaring its charset: $got"

# A page that declares nothing is read as a text is: Windows-1252 when no
# byte forms UTF-8 (browsers' default), else UTF-8 with a warning.
printf '<html><body><p>%s \xa318.</p></body></html>' "$pt" >"$dir/bare.html"
got=$(target "$dir/bare.html")
[ "$got" = "18 GBP" ] || fail "undeclared Latin-1 HTML: $got"
[ -s "$dir/err" ] && fail "undeclared Latin-1 HTML warned: $(cat "$dir/err")"
printf '<html><body><p>Caf\xc3\xa9 \xa3 %s 18.</p></body></html>' "$pt" >"$dir/bad.html"
"$NX" "$dir/bad.html" >/dev/null 2>"$dir/err" || fail "damaged HTML: exit $?"
[ "$(cat "$dir/err")" = "newsextract: $dir/bad.html: 1 byte is not valid UTF-8, replaced by U+FFFD (--encoding NAME reads text in another encoding)" ] ||
  fail "damaged HTML warning: $(cat "$dir/err")"

# A JSON string is Unicode already: --encoding does not apply to it.
printf '{"id":"a","text":"%s \xc2\xa318."}\n' "$pt" >"$dir/dump.jsonl"
got=$(target --encoding latin1 "$dir/dump.jsonl")
[ "$got" = "18 GBP" ] || fail "JSON Lines with --encoding latin1: $got"

# An encoding iconv does not know is a usage error.
"$NX" --encoding no-such-charset "$dir/latin1.txt" >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] || fail "--encoding no-such-charset: exit $rc"
grep -qF "newsextract: --encoding takes an encoding iconv knows (see iconv -l), not 'no-such-charset'" "$dir/err" ||
  fail "--encoding no-such-charset: $(cat "$dir/err")"
exit $status
