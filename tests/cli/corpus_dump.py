"""corpus_dump.py N OUT FILE...: a JSON Lines dump of N documents cycling
through FILEs ("html" for .html, "text" otherwise), ids "FILE#i"; what the
batch and thread tests feed newsextract."""
import json
import sys

count, out_path, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(out_path, "w") as out:
    for i in range(count):
        f = files[i % len(files)]
        text = open(f, encoding="utf-8", errors="replace").read()
        key = "html" if f.endswith(".html") else "text"
        out.write(json.dumps({"id": "%s#%d" % (f, i), key: text}) + "\n")
