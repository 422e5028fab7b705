# A user's lists/NAME.list adds to the built-in list of that name (issue 13
# item 10): the built-in brokers are still known and every built-in example
# still passes; a list that starts with "!replace" replaces it on purpose;
# an alias that a lookup cannot tell from a built-in one is a load error.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
mkdir -p "$dir/mine/lists"
printf '# brokers of my own\nKestrel Research | Kestrel\n' >"$dir/mine/lists/brokers.list"
out=$("$NX" --rules "$dir/mine" --check-rules 2>&1)
summary=$(tail -1 <<<"$out")
case "$summary" in
*" 0 failed,"*) ;;
*) echo "built-in examples with a user's brokers.list: $summary"; grep -A2 'example "' <<<"$out" | head -20; status=1 ;;
esac
brokers() {
  "$NX" "$@" | python3 -c '
import json, sys
print(" ".join(sorted(r["broker"] or "-" for r in json.load(sys.stdin)["ratings"])))'
}
printf 'Kestrel downgraded Acme Corp to Hold from Buy. Needham upgraded Bolt Inc to Buy from Hold.\n' >"$dir/doc.txt"
got=$(brokers --rules "$dir/mine" "$dir/doc.txt")
[ "$got" = "Kestrel Research Needham" ] || { echo "extended list: brokers [$got]"; status=1; }
# On purpose: "!replace" makes the user's list the whole list.
printf '!replace\nKestrel Research | Kestrel\n' >"$dir/mine/lists/brokers.list"
got=$(brokers --rules "$dir/mine" "$dir/doc.txt")
case "$got" in
*Needham*) echo "a '!replace' list still knows Needham: [$got]"; status=1 ;;
*"Kestrel Research"*) ;;
*) echo "a '!replace' list: brokers [$got]"; status=1 ;;
esac
# An alias of another entry that folds like a built-in form.
printf 'Needham Research | needham\n' >"$dir/mine/lists/brokers.list"
"$NX" --rules "$dir/mine" "$dir/doc.txt" >/dev/null 2>"$dir/err"
rc=$?
[ "$rc" = 2 ] && grep -q "brokers.list:1: 'needham' is 'Needham' (.*rules/lists/brokers.list:[0-9]*)" "$dir/err" \
  || { echo "a colliding alias: exit $rc: $(cat "$dir/err")"; status=1; }
exit $status
