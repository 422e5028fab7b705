# Encodings (issue 4): pages in windows-1252, ISO-8859-1/-15, UTF-16 (BOM),
# UTF-8 with a BOM, Shift_JIS and GB18030 come out as the same UTF-8,
# with the page's own characters: curly quotes and dashes where the
# encoding has them (windows-1252, UTF-16, UTF-8), a full-width comma.
set -u
status=0
latin='Harbor & Vane Research upgraded Orion Freight to Buy. The analyst said the café'"'"'s "naïve" rivals cost €12 - a déjà vu.'
typo='Harbor & Vane Research upgraded Orion Freight to Buy. The analyst said the café’s “naïve” rivals cost €12 — a déjà vu.'
check() {
  got=$("$NX" --text "$1" | head -1)
  [ "$got" = "$2" ] || { echo "$1: $got"; echo "want: $2"; status=1; }
}
check tests/pages/enc-cp1252.html "$typo"
check tests/pages/enc-latin9.html "$latin"
check tests/pages/enc-utf16.html "$typo"
check tests/pages/enc-utf8-bom.html "$typo"
check tests/pages/enc-latin1.html "${latin/€12/EUR12}"
check tests/pages/enc-shiftjis.html 'オリオン運輸の株価は、アナリストの格上げを受けて上昇した。目標株価は四十二ドル。'
check tests/pages/enc-gb18030.html '猎户座货运的股价在分析师上调评级后上涨，目标价为四十二美元。'
# A UTF-16 page is HTML, not binary data, and its rules still match.
"$NX" tests/pages/enc-utf16.html | grep -qF '"to":"Buy"' || { echo "UTF-16 page: no upgrade record"; status=1; }
exit $status
