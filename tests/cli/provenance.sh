# Provenance (issue 15 item 10): --version prints the rules' SHA-256, which
# is sha256sum over the loaded files' own sums ("HEX  NAME" lines in load
# order, names below the rules directory), so it is the same on every
# machine and install path and a shell can check it; --provenance puts it
# and the version on every document, record line and CSV row; user rules
# change it.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
hash_of() { "$NX" "$@" --version | sed -n 's/^rules SHA-256 \([0-9a-f]\{64\}\) ([0-9]* files)$/\1/p'; }
builtin=$(hash_of)
want=$(cd rules && LC_ALL=C sha256sum lists/*.list *.rules | sha256sum | cut -d' ' -f1)
[ -n "$builtin" ] && [ "$builtin" = "$want" ] || { echo "--version rules hash '$builtin', sha256sum says '$want'"; status=1; }
# The same rules elsewhere (an install's share directory) give the same hash.
cp -r rules "$dir/copy"
[ "$(hash_of --no-default-rules --rules "$dir/copy")" = "$builtin" ] || { echo "the hash depends on where the rules are"; status=1; }
# A user's rules, lists included, enter it.
user=$(hash_of --rules rules/examples)
want_user=$( (cd rules && LC_ALL=C sha256sum lists/*.list *.rules; cd examples && LC_ALL=C sha256sum lists/*.list *.rules) | sha256sum | cut -d' ' -f1)
[ "$user" = "$want_user" ] && [ "$user" != "$builtin" ] || { echo "--rules rules/examples: hash '$user', want '$want_user'"; status=1; }
echo "# one more word" >>"$dir/copy/lists/brokers.list"
[ "$(hash_of --no-default-rules --rules "$dir/copy")" != "$builtin" ] || { echo "a changed list keeps the hash"; status=1; }
"$NX" --version | grep -q '^newsextract [0-9]' || { echo "--version lacks the version"; status=1; }
version=$("$NX" --version | sed -n 's/^newsextract //p')
# --provenance: on documents, record lines and CSV rows; not without it.
printf '%s\n' '{"id":"a","text":"Needham upgraded Harbor Rail (NYSE: HRBR) to Buy from Hold."}' >"$dir/d.jsonl"
"$NX" -q --provenance "$dir/d.jsonl" >"$dir/doc" || status=1
"$NX" -q --provenance --records "$dir/d.jsonl" >"$dir/rec" || status=1
"$NX" -q --provenance --format csv "$dir/d.jsonl" >"$dir/csv" || status=1
"$NX" -q "$dir/d.jsonl" >"$dir/plain" || status=1
python3 - "$dir" "$version" "$builtin" <<'PY' || status=1
import csv, json, sys
d, version, h = sys.argv[1:]
doc = json.load(open(d + "/doc"))
assert (doc["newsextract_version"], doc["rules_sha256"]) == (version, h), doc
recs = [json.loads(l) for l in open(d + "/rec")]
assert recs and all((r["newsextract_version"], r["rules_sha256"]) == (version, h) for r in recs), recs
rows = list(csv.DictReader(open(d + "/csv")))
assert rows and all((r["newsextract_version"], r["rules_sha256"]) == (version, h) for r in rows), rows
plain = json.load(open(d + "/plain"))
assert "rules_sha256" not in plain and "newsextract_version" not in plain, plain
del doc["newsextract_version"], doc["rules_sha256"]
assert doc == plain, "--provenance changed the document"
PY
# Rules that do not load: the version still, then the error, exit 2.
echo "[rule broken" >"$dir/bad.rules"
"$NX" --version --rules "$dir/bad.rules" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && grep -q '^newsextract [0-9]' "$dir/out" && grep -q 'bad.rules:1' "$dir/err" \
  || { echo "--version with broken rules: exit $rc"; cat "$dir/out" "$dir/err"; status=1; }
exit $status
