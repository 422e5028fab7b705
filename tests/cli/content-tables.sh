# Tables, lists, headings and quotes inside the article (issue 4): one
# table row per paragraph, cells joined by " | ".
set -u
out=$("$NX" --text tests/pages/table.html) || exit 1
want='Brokers changed their views on several transport and energy companies this week, with two upgrades, one downgrade and a new coverage initiation, as the table below shows.

Rating changes

Company | Broker | Action | Price target

Orion Freight (NYSE: ORFR) | Kestrel Partners | Upgrade to Buy from Hold | $52 from $48

Voltaris (NASDAQ: VLTS) | Zeta Capital | Downgrade to Sell from Hold | $9 from $14

Beyond the rating changes, analysts at several firms, including Nova Securities, said they expected more revisions after the quarterly reporting season ends in May.

Helio Grid Systems reports results on Thursday, before the market opens.

Strata Ledger holds its investor day on Friday, in London.

We see the cycle turning in the second half of the year, and we want to be early.'
if [ "$out" != "$want" ]; then
  diff <(printf '%s\n' "$want") <(printf '%s\n' "$out")
  exit 1
fi
