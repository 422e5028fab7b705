#!/usr/bin/env python3
"""mkset.py: build the benchmark set for tests/bench/bench.sh.

    mkset.py OUT HTML_MB TEXT_MB SUBSET_MB --html FILE... --text FILE...

Writes, under OUT:
  html/         the HTML pages repeated until they pass HTML_MB, as files
                (hard links where the file system allows: the bytes are
                the same, so there is no need to store them twice);
  html.jsonl    the same pages, in the same order, one {"id","html"} line each;
  round.jsonl   one copy of every page, which bench.sh repeats into the
                ~2 GB stream without writing it to disk;
  text.jsonl    the plain-text articles repeated until they pass TEXT_MB,
                as {"id","text"} lines;
  subset/       about SUBSET_MB of the pages (every k-th), for callgrind.

A page that is not UTF-8 is decoded with replacement characters for the
JSON Lines files, since a JSON string must be UTF-8; parse_floor reports
the bytes each input really holds, so rates stay comparable.
"""
import json
import os
import shutil
import sys


def place(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def json_lines(paths, field, prefix):
    """One JSON line (bytes) per file, with a unique id."""
    lines = []
    for path in paths:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        name = prefix + os.path.basename(path)
        rec = {"id": name, field: text}
        lines.append((json.dumps(rec, ensure_ascii=False) + "\n").encode())
    return lines


def repeat_lines(paths, field, target, out):
    size = sum(os.path.getsize(p) for p in paths)
    rounds = max(1, -(-target // size))
    with open(out, "wb") as f:
        for r in range(rounds):
            for line in json_lines(paths, field, "r%03d-" % r):
                f.write(line)
    return rounds


def main(argv):
    out, html_mb, text_mb, subset_mb = argv[1], *map(int, argv[2:5])
    rest = argv[5:]
    split = rest.index("--text")
    html = sorted(set(rest[1:split]))
    text = sorted(set(rest[split + 1:]))
    if not html or not text:
        sys.exit("mkset.py: no HTML pages or no text articles")
    mb = 1 << 20
    round_bytes = sum(os.path.getsize(p) for p in html)
    rounds = max(1, -(-html_mb * mb // round_bytes))

    # Names sort round by round, so a directory walk and the dump see the
    # pages in the same order.
    os.makedirs(os.path.join(out, "html"))
    for r in range(rounds):
        for p in html:
            place(p, os.path.join(out, "html", "r%03d-%s" % (r, os.path.basename(p))))
    repeat_lines(html, "html", html_mb * mb, os.path.join(out, "html.jsonl"))
    with open(os.path.join(out, "round.jsonl"), "wb") as f:
        f.writelines(json_lines(html, "html", ""))
    repeat_lines(text, "text", text_mb * mb, os.path.join(out, "text.jsonl"))

    step = max(1, round_bytes // (subset_mb * mb))
    os.makedirs(os.path.join(out, "subset"))
    for p in html[::step]:
        place(p, os.path.join(out, "subset", os.path.basename(p)))
    print("bench: %d pages (%.1f MB) x %d rounds; %d text articles"
          % (len(html), round_bytes / mb, rounds, len(text)))


if __name__ == "__main__":
    main(sys.argv)
