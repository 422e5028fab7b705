# A feed page (issue 14, corpus-dev2's b001): one-line items whose rows
# carry a class the boilerplate hints read as "recommended" must not lose
# to the subscription box beside them. The first choice cuts every row and
# comes out short, so the article is chosen again without class hints.
set -u
out=$("$NX" --text tests/pages/content-feed.html) || { echo "exit status $?"; exit 1; }
status=0
. "$(dirname "$0")/lib/text-checks.sh"
has "Kestrel Partners analyst Ines Marlowe raised the firm's price target on Orion Freight to \$52 from \$48"
has "Zeta Capital analyst Tom Reyes downgraded Voltaris to Sell from Hold"
has "Nova Securities initiated coverage of Helio Grid Systems with a Buy rating"
has "Bernstein analyst Priya Natarajan kept a Market Perform rating on Strata Ledger"
lacks "please subscribe" "the modal box"
lacks "Read more" "the item links"
lacks "Copyright 2026" "the footer"
exit $status
