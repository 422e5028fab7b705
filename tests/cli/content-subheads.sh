# Subheadings inside the article stay though their ids read as
# navigation (issue 14): an id like "nav_how_it_works" is a jump anchor.
set -u
out=$("$NX" --text tests/pages/content-subheads.html) || { echo "exit status $?"; exit 1; }
want="A plant that recovers lithium, nickel and cobalt from used car batteries opened in Lindau on Monday, with room for twenty thousand tonnes of batteries a year.

How the plant works

The batteries are taken apart by hand, the cells are shredded under a protective gas, and the electrolyte is recovered by lowering the pressure until it evaporates.

Only the foil is left

What remains after the metals have been washed out is a thin copper and aluminium foil, which the operator sells to a smelter in the region."
[ "$out" = "$want" ] || { diff <(printf '%s\n' "$want") <(printf '%s\n' "$out"); exit 1; }
