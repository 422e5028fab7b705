#!/usr/bin/env bash
# tests/run.sh: every suite of `make check`. Prints "ok - NAME",
# "not ok - NAME" or "skip - NAME (why)" per test and ends with the line
# "N passed, N failed, N skipped". Exit 1 when anything failed.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
NX=${NX:-$BUILD/newsextract}
REF_NX=${REF_NX:-$NX} # the normal build, that sanitizer builds must agree with
SHARED=${SHARED:-../shared}
export NX

passed=0 failed=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

LABEL=""
pass() { passed=$((passed + 1)); echo "ok - ${LABEL:+[$LABEL] }$1"; }
fail() { failed=$((failed + 1)); echo "not ok - ${LABEL:+[$LABEL] }$1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /' | head -40; }
skip() { skipped=$((skipped + 1)); echo "skip - $1 ($2)"; }
suite() { echo "# $1${LABEL:+ [$LABEL]}"; }

# Every stdout line must be one valid JSON object in valid UTF-8, parsed by
# a real JSON parser.
json_lines_ok() {
  python3 -c '
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")            # raises on invalid UTF-8
for n, line in enumerate(text.splitlines(), 1):
    if not isinstance(json.loads(line), dict):
        sys.exit("line %d is not a JSON object" % n)
' "$1"
}

suite_unit() {
  suite "unit tests (tests/unit)"
  for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1)
    rc=$?
    bad=0
    while IFS= read -r line; do
      case "$line" in
        "ok - "*) pass "${t##*/}: ${line#ok - }" ;;
        "not ok - "*) fail "${t##*/}: ${line#not ok - }"; bad=1 ;;
      esac
    done <<<"$out"
    # The binary's own verdict counts too: a crash or a sanitizer report
    # after the last "ok" is a failure, and so is a run that checked nothing.
    if [ "$rc" != "$bad" ]; then
      fail "${t##*/} exits with status $rc" "$(grep -v '^ok - ' <<<"$out" | tail -20)"
    elif ! grep -q '^ok - ' <<<"$out"; then
      fail "${t##*/} reports no check" "$(tail -20 <<<"$out")"
    fi
  done
}

suite_rules() {
  suite "rule examples (newsextract --check-rules)"
  # Each example is a test: the summary gives the passes, and every failure
  # is reported as "FILE:LINE: rule NAME: example ..." with two detail lines.
  # The examples count once: a rerun on another build (LABEL) is one test
  # that passes when they all pass again, plus a failure per example that
  # does not.
  "$NX" --check-rules >"$tmp/rules.out" 2>&1
  rc=$?
  ok_n=$(sed -n 's/^check-rules: .* examples: \([0-9]*\) passed, [0-9]* failed.*/\1/p' "$tmp/rules.out")
  bad_n=$(sed -n 's/^check-rules: .* examples: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$tmp/rules.out")
  if [ -z "$ok_n" ]; then
    # No summary: the rules did not load, or the run died before its
    # output was flushed (a sanitizer's report at exit).
    fail "--check-rules gives no summary (exit status $rc)" "$(head -40 "$tmp/rules.out")"
    return
  fi
  if [ -z "$LABEL" ]; then
    passed=$((passed + ok_n))
    echo "ok - $ok_n rule examples pass"
  elif [ "$bad_n" = 0 ]; then
    pass "$ok_n rule examples pass again"
  fi
  while IFS= read -r line; do
    fail "rule example ${line%%: example*}" "$(grep -F -A2 -- "$line" "$tmp/rules.out" | tail -2)"
  done < <(grep -E '^[^ ].*:[0-9]+: (rule|cut) .*: example ' "$tmp/rules.out")
  # 1 when an example failed, else 0; anything else (a sanitizer's 99, a
  # crash) fails though every example passed.
  want=$([ "$bad_n" = 0 ] && echo 0 || echo 1)
  [ "$rc" = "$want" ] || fail "--check-rules exits with status $rc, want $want" "$(grep -v -E '^(/|  |check-rules:)' "$tmp/rules.out" | head -30)"
}

suite_golden() {
  suite "golden corpus (corpus/NAME -> corpus/NAME.expected.json)"
  for f in corpus/*.html corpus/*.txt; do
    want="${f%.*}.expected.json"
    if [ ! -f "$want" ]; then
      fail "$f: no $want (run make golden and review it)"
      continue
    fi
    # Exit status 0 too: a crash or a sanitizer report after the right
    # output is a failure.
    "$NX" --pretty "$f" >"$tmp/got.json" 2>"$tmp/err"
    rc=$?
    if ! diff -u "$want" "$tmp/got.json" >"$tmp/diff"; then
      fail "$f differs from $want" "$(cat "$tmp/diff")"
    elif [ "$rc" != 0 ]; then
      fail "$f exits with status $rc" "$(head -30 "$tmp/err")"
    else
      pass "$f matches its golden output"
    fi
    "$NX" "$f" >"$tmp/line.json" 2>"$tmp/err"
    rc=$?
    if [ "$rc" = 0 ] && [ "$(wc -l <"$tmp/line.json")" = 1 ] && json_lines_ok "$tmp/line.json"; then
      pass "$f gives one valid JSON line"
    else
      fail "$f gives one valid JSON line (exit status $rc)" "$(head -30 "$tmp/err")"
    fi
  done
}

suite_errors() {
  suite "error cases (tests/errors/CASE)"
  for c in tests/errors/*/; do
    c=${c%/}
    name=${c##*/}
    bash -c "$(cat "$c/cmd")" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    want=$(cat "$c/status")
    problems=""
    [ "$rc" = "$want" ] || problems+="exit status $rc, want $want"$'\n'
    if [ -f "$c/stderr" ] && ! diff -u "$c/stderr" "$tmp/err" >"$tmp/d"; then
      problems+="stderr differs:"$'\n'"$(cat "$tmp/d")"$'\n'
    fi
    # Every case states its stdout (an empty file: nothing), so a binary
    # that prints nothing at all cannot pass a case that wants a document.
    if [ ! -f "$c/stdout" ]; then
      problems+="no $c/stdout: every case says what it prints"$'\n'
    elif ! cmp -s "$c/stdout" "$tmp/out"; then
      problems+="stdout differs:"$'\n'"$(diff -u "$c/stdout" "$tmp/out" | head -20)"$'\n'
    fi
    if ! grep -qE -- '--(text|check-rules|explain)' "$c/cmd" && ! json_lines_ok "$tmp/out" 2>"$tmp/j"; then
      problems+="stdout is not JSON Lines: $(cat "$tmp/j")"$'\n'
    fi
    if [ -z "$problems" ]; then pass "error case $name"; else fail "error case $name" "$problems"; fi
  done
}

suite_fuzz() {
  suite "fuzz replays (tests/fuzz: seeds and past crashes)"
  # The document seeds through the binary too: whatever they hold, every
  # line printed is valid JSON in valid UTF-8.
  # Some seeds are bad inputs (exit 1); a crash or a sanitizer's 99 fails.
  "$NX" -j1 tests/fuzz/corpus/document/* tests/fuzz/crashes/document/* >"$tmp/seeds.jsonl" 2>"$tmp/seeds.err"
  rc=$?
  if [ "$rc" -le 1 ] && json_lines_ok "$tmp/seeds.jsonl"; then pass "fuzz document seeds give valid JSON Lines"
  else fail "fuzz document seeds give valid JSON Lines (exit status $rc)" "$(grep -v '^newsextract: ' "$tmp/seeds.err" | head -30)"; fi
  for t in "$BUILD"/fuzz/fuzz_*; do
    [ -x "$t" ] || continue
    name=${t##*/fuzz_}
    if out=$("$t" "tests/fuzz/corpus/$name" "tests/fuzz/crashes/$name" 2>&1); then
      pass "fuzz_$name: $(tail -1 <<<"$out")"
    else
      fail "fuzz_$name replay" "$out"
    fi
  done
}

suite_cli() {
  suite "command line"
  for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    if out=$(bash "$t" 2>&1); then pass "cli: ${t##*/}"; else fail "cli: ${t##*/}" "$out"; fi
  done
}

suite_dev() {
  suite "dev corpus ($SHARED/corpus-dev)"
  if [ -f "$SHARED/score.py" ] && [ -d "$SHARED/corpus-dev/docs" ]; then
    "$NX" "$SHARED"/corpus-dev/docs/* >"$tmp/dev.jsonl" 2>"$tmp/dev.err"
    if json_lines_ok "$tmp/dev.jsonl"; then pass "dev corpus output is valid JSON Lines"
    else fail "dev corpus output is valid JSON Lines"; fi
    python3 "$SHARED/score.py" "$SHARED/corpus-dev/gold.jsonl" "$tmp/dev.jsonl" >"$tmp/score"
    micro=$(awk '$1 == "micro" {print $NF}' "$tmp/score")
    if awk -v f="$micro" 'BEGIN {exit !(f >= 0.80)}'; then
      pass "dev corpus micro F1 $micro >= 0.80"
    else
      fail "dev corpus micro F1 $micro >= 0.80" "$(cat "$tmp/score")"
    fi
    grep -h '"id": "seed"' "$SHARED/corpus-dev/gold.jsonl" >"$tmp/seed-gold.jsonl"
    "$NX" "$SHARED/corpus-dev/docs/seed.txt" >"$tmp/seed.jsonl"
    python3 "$SHARED/score.py" "$tmp/seed-gold.jsonl" "$tmp/seed.jsonl" >"$tmp/seed-score"
    seed=$(awk '$1 == "micro" {print $NF}' "$tmp/seed-score")
    if [ "$seed" = "1.000" ]; then pass "seed article F1 1.000"
    else fail "seed article F1 $seed, want 1.000" "$(python3 "$SHARED/score.py" "$tmp/seed-gold.jsonl" "$tmp/seed.jsonl" --diff)"; fi
  else
    skip "dev corpus score" "$SHARED/score.py not found"
    skip "seed article score" "$SHARED/score.py not found"
  fi
}

# The shared sets of real articles on a sanitizer build: every document
# read without a report, and the same output as the normal build ($REF_NX).
# Real pages reach record-finishing paths our own corpus does not (a
# use-after-free there once cut corpus-dev2's output short under ASan).
suite_shared_same() {
  suite "real articles ($SHARED) give the normal build's output"
  local set found=0
  for set in corpus-dev/docs corpus-dev2/docs cleaning-dev/html; do
    [ -d "$SHARED/$set" ] || continue
    found=1
    "$REF_NX" -q "$SHARED/$set"/* >"$tmp/ref.jsonl" 2>/dev/null
    "$NX" -q "$SHARED/$set"/* >"$tmp/san.jsonl" 2>"$tmp/san.err"
    local rc=$?
    if [ "$rc" -eq 0 ] && ! grep -q 'Sanitizer\|runtime error' "$tmp/san.err" &&
      cmp -s "$tmp/ref.jsonl" "$tmp/san.jsonl"; then
      pass "$set: same output, exit 0, no report"
    else
      fail "$set: exit $rc, $(wc -l <"$tmp/san.jsonl") of $(wc -l <"$tmp/ref.jsonl") lines" \
        "$(head -20 "$tmp/san.err")"
    fi
  done
  [ "$found" = 1 ] || skip "real articles" "$SHARED/corpus-dev not found"
}

# valgrind over the golden corpus: no invalid access, no leak.
suite_valgrind() {
  suite "valgrind (golden corpus)"
  if ! command -v valgrind >/dev/null; then
    skip "valgrind" "valgrind is not installed"
    return
  fi
  for f in corpus/*.html corpus/*.txt; do
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --suppressions=tests/valgrind.supp "$NX" --no-jit -j1 "$f" >/dev/null 2>"$tmp/vg"; then
      pass "valgrind: $f"
    else
      fail "valgrind: $f" "$(head -30 "$tmp/vg")"
    fi
  done
}

# `tests/run.sh rules errors` runs only those suites, on $BUILD: for
# iterating; `make check` runs them all.
if [ $# -gt 0 ]; then
  for s in "$@"; do "suite_$s"; done
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit
fi

suite_unit
suite_rules
suite_golden
suite_errors
suite_fuzz
suite_cli
suite_dev
suite_valgrind

# The same suites again on the AddressSanitizer + UndefinedBehaviorSanitizer
# build, when `make check` made one.
ASAN_BUILD=${ASAN_BUILD:-build-asan}
if [ -x "$ASAN_BUILD/newsextract" ]; then
  LABEL=asan BUILD=$ASAN_BUILD NX=$ASAN_BUILD/newsextract
  export NX
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
  suite_unit
  suite_rules
  suite_golden
  suite_errors
  suite_fuzz
  suite_shared_same
  suite "input readers and record finishing [asan]"
  for t in batch-jsonl batch-archives batch-warc explain record-finishing; do
    if out=$(bash "tests/cli/$t.sh" 2>&1); then pass "cli: $t.sh"; else fail "cli: $t.sh" "$out"; fi
  done
else
  skip "sanitizer suites" "no $ASAN_BUILD/newsextract (make check builds it)"
fi

# The worker threads on the ThreadSanitizer build: any data race fails.
TSAN_BUILD=${TSAN_BUILD:-build-tsan}
if [ -x "$TSAN_BUILD/newsextract" ]; then
  LABEL=tsan NX=$TSAN_BUILD/newsextract
  export NX
  export TSAN_OPTIONS=halt_on_error=1
  suite "worker threads"
  for t in threads batch-order; do
    if out=$(bash "tests/cli/$t.sh" 2>&1); then pass "cli: $t.sh"; else fail "cli: $t.sh" "$out"; fi
  done
else
  skip "thread sanitizer suite" "no $TSAN_BUILD/newsextract (make check builds it)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
