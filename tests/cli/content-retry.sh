# Readability's retry (issue 14): when the first choice of the article
# comes out short because the story sits in blocks whose classes read as
# widgets, the article is chosen again without class hints or cuts.
set -u
out=$("$NX" --text tests/pages/content-widget.html) || { echo "exit status $?"; exit 1; }
want="Councillors in Westmere will vote on Thursday on a levy of two pounds per passenger arriving at the harbour, a measure the port authority says would raise about four million pounds a year.

The ferry operators oppose the levy, arguing that it would add to fares at a time when passenger numbers have not yet recovered, and have asked for a delay of one year.

The council's finance officer, Ruth Adeyemi, said the money would go to repairing the north quay, which has been closed to vehicles since the spring."
[ "$out" = "$want" ] || { echo "got:"; echo "$out"; exit 1; }
