# Link density judged by what the links are (issue 14): a table inside
# the article whose rows link their companies to quote pages is data and
# stays, each row a paragraph; a list of nothing but links beside the
# article goes.
set -u
out=$("$NX" --text tests/pages/content-tickers.html) || { echo "exit status $?"; exit 1; }
want="Five companies account for most of the money spent on cloud infrastructure this year, according to estimates compiled by the research firm Halden Analytics, which tracks capital expenditure.

Salesmax (NYSE:SMX) | \$240 billion

Quorella (NASDAQ:QRL) | \$180 billion

Vantora (NYSE:VTN) | \$95 billion

Brightly Systems (NASDAQ:BLY) | \$60 billion

Oaktree Data (NYSE:OKT) | \$41 billion

Halden expects the total to grow by about a fifth next year, as companies that build artificial intelligence models sign longer contracts for data centre capacity."
[ "$out" = "$want" ] || { diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"); exit 1; }
# The tickers reach the records.
rec=$("$NX" tests/pages/content-tickers.html) || exit 1
for t in SMX QRL VTN BLY OKT; do
  grep -q "\"$t\"" <<<"$rec" || { echo "no ticker $t in: $rec"; exit 1; }
done
