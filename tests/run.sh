#!/usr/bin/env bash
# tests/run.sh: every suite of `make check`. Prints "ok - NAME",
# "not ok - NAME" or "skip - NAME (why)" per test and ends with the line
# "N passed, N failed, N skipped". Exit 1 when anything failed.
#
# The suites are cut into jobs (a suite, or one tests/cli script) that run
# TEST_JOBS at a time (default: one per core). Each job writes to its own
# file and counts its own tests; its output is printed whole, in the order
# the jobs were listed, as soon as every job before it has finished, and
# the final line sums the jobs' counts.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
NX=${NX:-$BUILD/newsextract}
REF_NX=${REF_NX:-$NX} # the normal build, that sanitizer builds must agree with
SHARED=${SHARED:-../shared}
TEST_JOBS=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
export NX

passed=0 failed=0 skipped=0
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
tmp=$top

# The suites call python3 hundreds of times. Behind a version manager's
# shim (pyenv: a shell script that finds the version on every call) each
# call cost ~0.4 s of CPU against ~0.04 s for the interpreter itself, so
# the interpreter python3 resolves to now is called directly.
py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
if [ -n "$py" ] && [ -x "$py" ] && [ "$(command -v python3)" != "$py" ]; then
  mkdir "$top/bin" && ln -s "$py" "$top/bin/python3" && PATH="$top/bin:$PATH"
fi

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
  # One process per output form over every file, so the rules compile
  # twice, not twice per file: a batch writes each document's own output,
  # in input order. The --pretty output is cut back into documents (each
  # ends with a "}" line) and compared byte for byte; each compact line
  # must be one valid JSON object with the same content.
  local files=() f i n
  for f in corpus/*.html corpus/*.txt; do
    if [ -f "${f%.*}.expected.json" ]; then files+=("$f")
    else fail "$f: no ${f%.*}.expected.json (run make golden and review it)"; fi
  done
  n=${#files[@]}
  [ "$n" -gt 0 ] || return
  "$NX" --pretty "${files[@]}" >"$tmp/pretty" 2>"$tmp/err"
  local rc=$?
  awk -v d="$tmp" '{ print > (d "/got." n) } /^}$/ { close(d "/got." n); n++ }' n=0 "$tmp/pretty"
  "$NX" "${files[@]}" >"$tmp/lines" 2>"$tmp/err2"
  local rc2=$?
  python3 - "$tmp/lines" "${files[@]}" >"$tmp/verdicts" <<'PY'
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8", "replace").splitlines()
for i, f in enumerate(sys.argv[2:]):
    try:
        want = json.load(open(f.rsplit(".", 1)[0] + ".expected.json", encoding="utf-8"))
        got = json.loads(lines[i]) if i < len(lines) else None
        ok = isinstance(got, dict) and got == want
        print("ok" if ok else "bad line %d: %s" % (i + 1, "missing" if got is None else "not the golden record"))
    except ValueError as e:
        print("bad line %d: %s" % (i + 1, e))
PY
  i=0
  while [ "$i" -lt "$n" ]; do
    f=${files[$i]}
    touch "$tmp/got.$i"
    if diff -u "${f%.*}.expected.json" "$tmp/got.$i" >"$tmp/diff"; then
      pass "$f matches its golden output"
    else
      fail "$f differs from ${f%.*}.expected.json" "$(cat "$tmp/diff")"
    fi
    local v
    v=$(sed -n "$((i + 1))p" "$tmp/verdicts")
    if [ "$v" = ok ]; then pass "$f gives one valid JSON line"
    else fail "$f gives one valid JSON line" "${v:-no verdict}"; fi
    i=$((i + 1))
  done
  # Exit status 0 too: a crash or a sanitizer report after the right
  # output is a failure.
  [ "$(wc -l <"$tmp/lines")" = "$n" ] || fail "the compact batch gives $(wc -l <"$tmp/lines") lines for $n files"
  [ "$rc" = 0 ] || fail "newsextract --pretty over the corpus exits with status $rc" "$(head -30 "$tmp/err")"
  [ "$rc2" = 0 ] || fail "newsextract over the corpus exits with status $rc2" "$(head -30 "$tmp/err2")"
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

cli_one() {
  local out
  if out=$(bash "$1" 2>&1); then pass "cli: ${1##*/}"; else fail "cli: ${1##*/}" "$out"; fi
}

suite_cli() {
  suite "command line"
  for t in tests/cli/*.sh; do
    [ -f "$t" ] && cli_one "$t"
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

# valgrind over the golden corpus: no invalid access, no leak. Valgrind
# runs the golden corpus, the sanitizer build everything the suites run
# (the golden corpus, the dev sets, the readers): valgrind finds what ASan
# does not (reads of uninitialised memory) on a sample that reaches every
# stage, in one process: starting under valgrind (compiling the rules
# without JIT) is most of the cost, and the 21 files took 72 s of CPU one
# process each, 8 s in one. When that run reports anything, each file runs
# alone to say which.
vg() {
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --suppressions=tests/valgrind.supp "$NX" --no-jit -j1 "$@"
}
suite_valgrind() {
  suite "valgrind (golden corpus)"
  if ! command -v valgrind >/dev/null; then
    skip "valgrind" "valgrind is not installed"
    return
  fi
  local files=(corpus/*.html corpus/*.txt) f
  if vg "${files[@]}" >"$tmp/vg.out" 2>"$tmp/vg" && [ "$(wc -l <"$tmp/vg.out")" = "${#files[@]}" ]; then
    for f in "${files[@]}"; do pass "valgrind: $f"; done
    return
  fi
  for f in "${files[@]}"; do
    if vg "$f" >/dev/null 2>"$tmp/vg"; then
      pass "valgrind: $f"
    else
      fail "valgrind: $f" "$(head -30 "$tmp/vg")"
    fi
  done
}

# ---- jobs ------------------------------------------------------------------

# add [-first] COMMAND...: a job, run in a subshell of its own with its own
# $tmp and counters. -first starts it before the others (the longest jobs,
# so that no core waits for one at the end); output keeps the listed order.
job_cmd=() first=()
add() {
  if [ "$1" = -first ]; then first+=("${#job_cmd[@]}"); shift; fi
  job_cmd+=("$*")
}

run_job() {
  local job_out=$top/job.$1 job_sh=${job_cmd[$1]}
  (
    tmp=$job_out.d
    mkdir -p "$tmp"
    passed=0 failed=0 skipped=0
    local t0=$SECONDS
    eval "$job_sh"
    # TEST_TIMES: the job's wall seconds and CPU seconds (its own and its
    # children's user + sys), from bash's `times`.
    times >"$job_out.t"
    awk -v w=$((SECONDS - t0)) -v j="$job_sh" '
      { split($1, a, "m"); split($2, b, "m"); c += a[1] * 60 + a[2] + b[1] * 60 + b[2] }
      END { printf "%7.1f %5d  %s\n", c, w, j }' "$job_out.t" >"$job_out.time"
    echo "$passed $failed $skipped" >"$job_out.n.part"
  ) >"$job_out" 2>&1 </dev/null
  if [ ! -f "$job_out.n.part" ]; then
    echo "not ok - the job '$job_sh' ended before counting its tests" >>"$job_out"
    echo "0 1 0" >"$job_out.n.part"
  fi
  mv "$job_out.n.part" "$job_out.n"
  rm -rf "$job_out.d"
}

shown=0
show_finished() { # prints finished jobs in order, up to the first running one
  local p f s
  while [ "$shown" -lt "${#job_cmd[@]}" ] && [ -f "$top/job.$shown.n" ]; do
    cat "$top/job.$shown"
    read -r p f s <"$top/job.$shown.n"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    shown=$((shown + 1))
  done
}

run_jobs() {
  local order=() i running=0
  declare -A is_first=()
  for i in "${first[@]}"; do order+=("$i"); is_first[$i]=1; done
  for i in "${!job_cmd[@]}"; do [ -n "${is_first[$i]:-}" ] || order+=("$i"); done
  for i in "${order[@]}"; do
    while [ "$running" -ge "$TEST_JOBS" ]; do
      wait -n
      running=$((running - 1))
      show_finished
    done
    run_job "$i" &
    running=$((running + 1))
  done
  wait
  show_finished
  if [ -n "${TEST_TIMES:-}" ]; then
    echo "# CPU s, wall s, job (TEST_TIMES)"
    cat "$top"/job.*.time | sort -rn | sed 's/^/# /'
  fi
}

asan_env() {
  LABEL=asan BUILD=$ASAN_BUILD NX=$ASAN_BUILD/newsextract
  export NX
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
}

tsan_env() {
  LABEL=tsan NX=$TSAN_BUILD/newsextract
  export NX
  export TSAN_OPTIONS=halt_on_error=1
}

# `tests/run.sh rules errors` runs only those suites, on $BUILD: for
# iterating; `make check` runs them all. The command line suite runs a
# job per script.
if [ $# -gt 0 ]; then
  for s in "$@"; do
    if [ "$s" = cli ]; then
      add suite '"command line"'
      for t in tests/cli/*.sh; do add cli_one "$t"; done
    else
      add "suite_$s"
    fi
  done
  run_jobs
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit
fi

ASAN_BUILD=${ASAN_BUILD:-build-asan}
TSAN_BUILD=${TSAN_BUILD:-build-tsan}

add suite_unit
add suite_rules
add suite_golden
add suite_errors
add suite_fuzz
add suite '"command line"'
for t in tests/cli/*.sh; do
  case "${t##*/}" in
    pathological.sh | page-characters.sh | content-dates.sh) add -first cli_one "$t" ;;
    *) add cli_one "$t" ;;
  esac
done
add suite_dev
add -first suite_valgrind

# The same suites again on the AddressSanitizer + UndefinedBehaviorSanitizer
# build, when `make check` made one.
if [ -x "$ASAN_BUILD/newsextract" ]; then
  add asan_env\; suite_unit
  add asan_env\; suite_rules
  add -first asan_env\; suite_golden
  add -first asan_env\; suite_errors
  add asan_env\; suite_fuzz
  add -first asan_env\; suite_shared_same
  add asan_env\; suite '"input readers and record finishing"'
  for t in batch-jsonl batch-archives batch-warc explain record-finishing; do
    add asan_env\; cli_one "tests/cli/$t.sh"
  done
else
  add skip '"sanitizer suites"' "\"no $ASAN_BUILD/newsextract (make check builds it)\""
fi

# The worker threads on the ThreadSanitizer build: any data race fails.
if [ -x "$TSAN_BUILD/newsextract" ]; then
  add tsan_env\; suite '"worker threads"'
  for t in threads batch-order; do
    add -first tsan_env\; cli_one "tests/cli/$t.sh"
  done
else
  add skip '"thread sanitizer suite"' "\"no $TSAN_BUILD/newsextract (make check builds it)\""
fi

run_jobs
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
