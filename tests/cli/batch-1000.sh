# 1,000 inputs, 25 of them bad in different ways (binary, over the size
# limit, truncated gzip, broken JSON lines, missing files): exactly 975
# documents are written, an error line names each bad input but the binary
# files, which a directory walk skips as not documents (issue 15), exit 1.
set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import base64, gzip, json, os, sys
d = sys.argv[1]
os.makedirs(d + "/docs")
bad = []
for i in range(915):
    path = "%s/docs/%04d.html" % (d, i)
    if i % 100 == 7 and i < 800:                      # 8 binary files
        open(path, "wb").write(bytes(range(256)) * 16)
    elif i % 100 == 42 and i < 700:                   # 7 over --max-bytes
        open(path, "w").write("<p>" + "word " * 30000 + "</p>"); bad.append(path)
    else:
        open(path, "w").write("<html><body><p>Plant %d is a %d MW site. Needham "
                              "upgraded Unit%d Corp (NYSE: U%d) to Buy.</p></body></html>"
                              % (i, i + 1, i, i))
for i in range(2):                                    # 2 truncated gzip files
    path = "%s/docs/trunc%d.html.gz" % (d, i)
    data = gzip.compress(base64.b64encode(os.urandom(60000)))
    open(path, "wb").write(data[: len(data) // 2]); bad.append(path)
with open(d + "/dump.jsonl", "w") as f:               # 75 good lines, 5 bad
    n = 0
    for i in range(80):
        if i % 16 == 3:
            f.write('{"id": "broken %d", "text": \n' % i); bad.append("dump.jsonl:%d" % (i + 1))
        else:
            f.write(json.dumps({"id": "line%d" % i, "text": "A %d MW farm." % (i + 1)}) + "\n")
open(d + "/bad.txt", "w").write("\n".join(bad))
PY
ls "$dir"/docs | wc -l | grep -qx 917
set +e
"$NX" -j2 --max-bytes 100K "$dir/docs" "$dir/dump.jsonl" "$dir/missing1.html" \
  "$dir/missing2.html" "$dir/missing3.html" >"$dir/out" 2>"$dir/err"
rc=$?
set -e
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
[ "$(wc -l <"$dir/out")" = 975 ] || { echo "$(wc -l <"$dir/out") documents, want 975"; exit 1; }
[ "$(wc -l <"$dir/err")" = 17 ] || { echo "$(wc -l <"$dir/err") error lines, want 17"; cat "$dir/err"; exit 1; }
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
docs = [json.loads(l) for l in open(d + "/out")]
assert len({x["id"] for x in docs}) == 975
err = open(d + "/err").read().splitlines()
for b in open(d + "/bad.txt").read().splitlines() + ["missing%d.html" % i for i in (1, 2, 3)]:
    assert sum(b in e for e in err) == 1, (b, err)
assert not any("07.html" in e for e in err), err
PY
