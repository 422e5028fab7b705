# Segmentation (issue 12, item 3; the rule is in text.h at
# nx_paragraphs_join): a hard-wrapped line or a single <br> continues the
# sentence, so a wrapped upgrade gives its record; a blank line, "<br><br>",
# a block element, a bullet or a one-line item still ends it; "Dec." (from
# rules/lists/abbreviations.list) does not end a sentence.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cat >"$dir/wrapped.txt" <<'TXT'
Today's analyst upgrades and downgrades
Desjardins Securities analyst Benoit Poirier upgraded
Canadian National Railway Ltd.
to "buy" from "hold," commenting that the company's "stellar"
results have given him confidence.
TXT
out=$("$NX" -q "$dir/wrapped.txt")
case "$out" in
*'"broker":"Desjardins Securities"'*'"to":"Buy"'*) ;;
*) echo "wrapped upgrade gave no record: $out"; exit 1 ;;
esac

cat >"$dir/br.html" <<'HTML'
<html><body><article>
<p>Desjardins Securities analyst Benoit Poirier upgraded<br>Canadian National
Railway Ltd.<br>to "buy" from "hold," commenting on results.</p>
<p>Broker calls<br><br>Acme price target raised to $31 from $23 at Roth
Capital<br>Beta price target cut to $9 from $12 at UBS</p>
<ul><li>Gamma : Jefferies raises target</li><li>Delta : HSBC cuts</li></ul>
<p>Jefferies raised its Dec. 2027 price target on Acme Corp. to $45 from
$40.</p>
</article></body></html>
HTML
text=$("$NX" --text --full-text "$dir/br.html")
want='Desjardins Securities analyst Benoit Poirier upgraded Canadian National Railway Ltd. to "buy" from "hold," commenting on results.

Broker calls

Acme price target raised to $31 from $23 at Roth Capital

Beta price target cut to $9 from $12 at UBS

Gamma : Jefferies raises target

Delta : HSBC cuts

Jefferies raised its Dec. 2027 price target on Acme Corp. to $45 from $40.'
if [ "$text" != "$want" ]; then
  diff <(printf '%s\n' "$want") <(printf '%s\n' "$text")
  exit 1
fi
out=$("$NX" -q "$dir/br.html")
for want in '"broker":"Desjardins Securities"' '"to":45' '"from":40'; do
  case "$out" in
  *"$want"*) ;;
  *) echo "missing $want in: $out"; exit 1 ;;
  esac
done
