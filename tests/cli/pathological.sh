# Pathological documents: each must finish, print one valid JSON line, and
# hit no rule's match limit. Output is asserted, never speed: the limits
# only catch a run that never ends (300 s of CPU under `ulimit -t`, which a
# busy machine does not eat into, and 20 minutes under `timeout` for a run
# that hangs without using CPU).
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import random, sys
d = sys.argv[1]
random.seed(11)
with open(d + "/unclosed-div.html", "w") as f:           # 100 MB, one <div>
    f.write("<html><body><div>")
    # Ordinary prose, one real statement per 100 KB.
    chunk = "lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1800
    chunk += "Needham upgraded Acme Corp (NASDAQ: ACME) to Buy. A 5 MW site. "
    for _ in range(100 * 1024 * 1024 // len(chunk)):
        f.write(chunk)
open(d + "/one-line.txt", "w").write("x" * (50 * 1024 * 1024))   # 50 MB, no space
with open(d + "/digits-dollars.txt", "w") as f:         # 10 MB of digits and $
    f.write("".join(random.choice("0123456789$$.,") for _ in range(10 * 1024 * 1024)))
open(d + "/mw.txt", "w").write("MW " * (1024 * 1024 // 3))       # 1 MB of MW
open(d + "/paren-a.txt", "w").write("(A) " * 50000)              # (A) tokens
open(d + "/caps.txt", "w").write(" ".join("ABC (NASDAQ: XY) Corp Inc" for _ in range(40000)))
# Rule bait: the words rules look for (their keywords), without the rest.
bait = ("Analyst Name of Broker Capital Markets upgraded downgraded raised lowered cut "
        "maintained reiterated price target to $ from $ rating Buy Hold Sell "
        "Overweight of the shares of Company Inc (NYSE: ")
open(d + "/bait.txt", "w").write((bait * 40000)[:2 * 1024 * 1024])
open(d + "/utf16-nobom.html", "wb").write(
    "<html><body><p>Mizuho upgraded Quill (NASDAQ: QLDC) to Buy.</p></body></html>".encode("utf-16-le"))
PY
for f in unclosed-div.html one-line.txt digits-dollars.txt mw.txt paren-a.txt caps.txt bait.txt utf16-nobom.html; do
  set +e
  (ulimit -t 300 && exec timeout 1200 "$NX" -j1 --max-bytes 200M "$dir/$f") >"$dir/out" 2>"$dir/err"
  rc=$?
  set -e
  if grep -q 'match limit' "$dir/err"; then echo "$f: a rule hit its match limit: $(cat "$dir/err")"; exit 1; fi
  case "$f" in
    utf16-nobom.html)
      # UTF-16 without a BOM is NUL-riddled: binary data or text, never a crash.
      [ "$rc" = 0 ] || [ "$rc" = 1 ] || { echo "$f: exit $rc"; exit 1; } ;;
    *)
      [ "$rc" = 0 ] || { echo "$f: exit $rc: $(head -c 300 "$dir/err")"; exit 1; } ;;
  esac
  [ "$(wc -l <"$dir/out")" -le 1 ] || { echo "$f: more than one line"; exit 1; }
  python3 -c '
import json, sys
for line in open(sys.argv[1], "rb").read().decode("utf-8").splitlines():
    json.loads(line)' "$dir/out" || { echo "$f: output is not JSON"; exit 1; }
done
