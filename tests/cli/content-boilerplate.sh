# Main-content extraction (issue 4): the article's paragraphs stay, and
# each kind of page furniture around or inside it goes.
set -u
out=$("$NX" --text tests/pages/boilerplate.html) || { echo "exit status $?"; exit 1; }
status=0
. "$(dirname "$0")/lib/text-checks.sh"
has "Kestrel Partners raised its price target on Orion Freight Corp. to \$52 from \$48"
has "The broker's analyst, Ines Marlowe, wrote that freight volumes"
has "Orion Freight shares rose 2.3% to \$44.10"
has "Marlowe said she would revisit her rating"
lacks "We use cookies" "the cookie banner"
lacks "Share on Facebook" "the share bar"
lacks "Sign up for our newsletter" "the newsletter box"
lacks "Morning Freight briefing" "the newsletter heading"
lacks "Tamsin Okafor covers transport" "the author bio"
lacks "Voltaris downgraded to Sell" "the related-links list"
lacks "StoneArch Securities" "the more-from rail"
lacks "Great call by Kestrel" "the comments"
lacks "12 comments" "the comments heading"
lacks "Bernstein lifts Corvane" "the trending list"
lacks "Sponsored by Meridian Bank" "the ad caption"
lacks "Full quote for Orion Freight" "the quote widget"
lacks "Joliet depot" "the photo caption"
lacks "Copyright 2026" "the footer"
lacks "Kestrel Partners lifts Orion Freight target to \$52" "the headline"
lacks "By Tamsin Okafor" "the byline"
[ "$(grep -c . <<<"$out")" = 4 ] || { echo "want 4 paragraphs, got:"; echo "$out"; status=1; }
# --full-text keeps everything visible, boilerplate included.
full=$("$NX" --full-text tests/pages/boilerplate.html)
for s in "We use cookies" "Great call by Kestrel" "Share on Facebook" "Bernstein lifts Corvane"; do
  grep -qF -- "$s" <<<"$full" || { echo "--full-text lost: $s"; status=1; }
done
# No false records from the furniture: only the article's target.
json=$("$NX" tests/pages/boilerplate.html)
for s in CPLR VLTS '"to":88' '"to":60' '"to":61'; do
  grep -qF -- "$s" <<<"$json" && { echo "record from boilerplate: $s"; status=1; }
done
exit $status
