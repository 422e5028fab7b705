# subject_from (issue 12 item 4): every record of a type that links or
# inherits its company says where the company came from, nearest first
# (match, item, sentence, paragraph, lead, document, null); a list does
# not guess its lead or its most-named ticker; a user's
# type gets the field too, and a type that neither links nor inherits
# does not.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.rules" <<'RULES'
# The built-in tickers and mentions, and a heading of this file's own.
[rule test/heading]
type = mentions
output = no
item = yes
pattern = (?m)^(?<company>[A-Z]{3,})$
field company = title(company)
example = HARTWELL
expect = {"company":"Hartwell"}

[type calls]
fields = company, symbol, subject_from, verb
link = company
inherit = company from entities

[rule calls/backs]
type = calls
pattern = (?:(?<company>\p{Lu}\w+\s\p{Lu}\w+)\s)?(?<verb>backed|praised)\b
example = Tern Retail backed
expect = {"company":"Tern Retail","subject_from":"match"}
example = praised
expect = {"company":null,"subject_from":null}

# A view stated in a list of brokers' views: about the paragraph's first
# company, its topic, not the nearest one.
[rule calls/views]
type = calls
subject = topic
pattern = (?<verb>seconded)
example = seconded
expect = {"company":null}

[type words]
fields = word

[rule words/wow]
type = words
pattern = (?<word>Wow)
example = Wow
expect = {"word":"Wow"}
RULES
"$NX" --rules "$dir/t.rules" --check-rules >/dev/null
long="It was a busy day for the sector, with volumes up across the board and every desk in the market trading far more shares than usual, as investors bought back into the names they had sold in the spring and the wider index climbed for a fourth day on hopes of lower rates, while bond yields fell and the dollar eased against the euro."
check() { # TEXT WANT: the calls' [company, subject_from] pairs
  got=$(printf '%b' "$1" >"$dir/in.txt"
        "$NX" --rules "$dir/t.rules" "$dir/in.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all("subject_from" not in w for w in d["words"]), d["words"]
print(json.dumps([[c["company"], c["subject_from"]] for c in d["calls"]]))')
  [ "$got" = "$2" ] || { echo "text: $1"; echo "got:  $got"; echo "want: $2"; exit 1; }
}
check 'Tern Retail backed it. Orion Haulage (NYSE: ORH) rose as a broker praised it.\n' \
  '[["Tern Retail", "match"], ["Orion Haulage", "sentence"]]'
check 'Orion Haulage (NYSE: ORH) rose. Wow, a broker praised it.\n' \
  '[["Orion Haulage", "paragraph"]]'
check 'HARTWELL\n\nA broker praised the property group.\n' \
  '[["Hartwell", "item"]]'
check "Orion Haulage (NYSE: ORH) rose.\n\nNothing else.\n\nQuiet.\n\n$long A broker praised it.\n" \
  '[["Orion Haulage", "lead"]]'
check "Markets rose.\n\nQuiet.\n\nOrion Haulage (NYSE: ORH) rose.\n\n$long\n\n$long A broker praised it.\n" \
  '[["Orion Haulage", "document"]]'
# Short paragraphs, each a call: past the paragraph before, a company
# another call states is that call's, unless the article is about it.
check 'Tern Retail backed it.\n\nWow.\n\nA broker praised it.\n' \
  '[["Tern Retail", "match"], [null, null]]'
check 'Orion Haulage (NYSE: ORH) rose. Orion Haulage backed it.\n\nWow.\n\nA broker praised it.\n' \
  '[["Orion Haulage", "match"], ["Orion Haulage", "paragraph"]]'
# Five companies: a list. ORH is named most, but the call the text gives
# no company stays without one.
check "Markets fell.\n\nQuiet.\n\nOrion Haulage (NYSE: ORH) led. Orion Haulage (NYSE: ORH) rose. Acme Rail (NYSE: ACR), Beta Foods (NYSE: BTF), Cobalt Mines (NYSE: KBM) and Delta Ships (NYSE: DLS) fell.\n\nQuiet.\n\n$long A broker praised it.\n" \
  '[[null, null]]'
# subject = topic: the paragraph's first company; without it, the nearest.
check 'Orion Haulage (NYSE: ORH) rose and Acme Rail (NYSE: ACR) fell. Others seconded it.\n' \
  '[["Orion Haulage", "paragraph"]]'
check 'Orion Haulage (NYSE: ORH) rose and Acme Rail (NYSE: ACR) fell. Others praised it.\n' \
  '[["Acme Rail", "paragraph"]]'
# --explain shows it with the record's fields.
printf 'Orion Haulage (NYSE: ORH) rose. Wow, a broker praised it.\n' >"$dir/in.txt"
"$NX" --rules "$dir/t.rules" --explain "$dir/in.txt" |
  grep -q '"subject_from":"paragraph"'
# The built-in rules on the corpus articles that show each value.
"$NX" corpus/subject-provenance.txt corpus/subject-document.txt \
  corpus/roundup-no-guess.txt | python3 -c '
import json, sys
got = [sorted({(r["company"], r["subject_from"]) for t in ("ratings", "price_targets")
               for r in json.loads(l)[t]}, key=str) for l in sys.stdin]
want = [
    [("Harbor Rail", "lead"), ("Harbor Rail", "match"), ("Harbor Rail", "paragraph"),
     ("Harbor Rail", "sentence")],
    [("Harbor Rail", "document")],
    [("Alder Foods", "item"), ("Brightline Power", "item"), ("Kestrel Labs", "item"),
     ("Morrow Shipping", "item"), ("Quarry Hill Mining", "item"), (None, None)],
]
want = [sorted(w, key=str) for w in want]
assert got == want, (got, want)'
# Three item headings: a list. Its lead names ORH, but a call under none
# of the headings stays without a company.
check "Orion Haulage (NYSE: ORH) rose.\n\nQuiet.\n\nACME\n\nA broker praised it.\n\nBETA\n\nA broker praised it.\n\nGAMMA\n\nA broker praised it.\n\nQuiet.\n\n$long A broker praised it.\n" \
  '[["Acme", "item"], ["Beta", "item"], ["Gamma", "item"], [null, null]]'
# An item's line takes its heading past a long paragraph between them
# (a quote under the heading); a long paragraph of prose does not.
check "ACME\n\nA broker praised it.\n\nBETA\n\nA broker praised it.\n\nGAMMA\n\n$long\n\nA broker praised it.\n" \
  '[["Acme", "item"], ["Beta", "item"], ["Gamma", "item"]]'
check "ACME\n\nA broker praised it.\n\nBETA\n\nA broker praised it.\n\nGAMMA\n\n$long\n\n$long A broker praised it.\n" \
  '[["Acme", "item"], ["Beta", "item"], [null, null]]'
# With the built-in rules: the item's broker too, not the lead's.
printf 'BMO Capital raised its gold forecast.\n\nJarden on Tern Lithium (ASX: TLX): UPGRADED TO NEUTRAL FROM SELL\n\n"%s"\n\nTarget raised to $0.10 from $0.07\n\nUBS on Goodwin Estates (ASX: GWE): UPGRADED TO BUY FROM NEUTRAL\n\nTarget cut to $36.00 from $36.80\n\nCiti on Marlowe Group (ASX: MLG): UPGRADED TO NEUTRAL FROM SELL\n' "$long" >"$dir/moves.txt"
"$NX" "$dir/moves.txt" | python3 -c '
import json, sys
got = [(r["company"], r["broker"], r["subject_from"]) for r in json.load(sys.stdin)["price_targets"]]
assert got == [("Tern Lithium", "Jarden", "item"), ("Goodwin Estates", "UBS", "item")], got'
# A list item without a heading is not the item's above it, whose call
# names its own company.
printf 'Research actions on Monday.\n\n* Alder Foods : Jefferies raises target price to $41 from $38\n* Barclays cuts target price to $22 from $25\n' >"$dir/list.txt"
"$NX" "$dir/list.txt" | python3 -c '
import json, sys
got = [(r["company"], r["subject_from"]) for r in json.load(sys.stdin)["price_targets"]]
assert got == [("Alder Foods", "item"), (None, None)], got'
# An item heading that the broker list holds is still the item's subject.
printf 'Movers.\n\nFidelity National - Shares dropped 12%%. AllianceBernstein - The financial stock added 2.56%% on the back of an upgrade to outperform from neutral by Credit Suisse.\n' >"$dir/ab.txt"
"$NX" "$dir/ab.txt" | python3 -c '
import json, sys
got = [(r["company"], r["subject_from"]) for r in json.load(sys.stdin)["ratings"]]
assert got == [("AllianceBernstein", "item")], got'
bad_value() { # KEY VALUE MESSAGE: the rule file stops with exit 2 and MESSAGE
  printf '[rule x/y]\ntype = x\n%s = %s\npattern = a\n' "$1" "$2" >"$dir/bad.rules"
  set +e
  "$NX" --no-default-rules --rules "$dir/bad.rules" --check-rules 2>"$dir/err"
  rc=$?
  set -e
  [ $rc = 2 ] && grep -q "$3" "$dir/err"
}
bad_value item maybe "item is 'yes' or 'no'"
bad_value subject first "subject is 'nearest' or 'topic'"
