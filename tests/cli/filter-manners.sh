# Filter manners (issue 15, item 12): conflicting output modes exit 2 naming
# both; a URL as PATH says this tool does not fetch; one article on a
# terminal gets no summary line (a batch does); no PATH with a terminal on
# stdin says what newsextract is waiting for.
set -u
status=0
expect_usage() { # WANT ARGS...: exit 2, and stderr holds WANT
  want=$1
  shift
  err=$("$NX" "$@" 2>&1 >/dev/null)
  rc=$?
  [ "$rc" = 2 ] || { echo "$*: exit $rc, want 2"; status=1; }
  case "$err" in *"$want"*) ;; *) echo "$*: stderr '$err' lacks '$want'"; status=1 ;; esac
}
expect_usage "--text and --records are different outputs" --text --records corpus/wire-brief.html
expect_usage "--explain and --format csv are different outputs" --explain --format csv corpus/wire-brief.html
expect_usage "--full-text and --records" --full-text --records corpus/wire-brief.html
expect_usage "does not fetch URLs: curl -s 'https://example.com/story' | newsextract" https://example.com/story
# A terminal: script(1) gives the command one, on stdin and stderr.
if command -v script >/dev/null; then
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  script -qec "$NX corpus/wire-brief.html >/dev/null" "$log" >/dev/null </dev/null
  grep -q "documents, .* written" "$log" && { echo "one article on a terminal printed a summary: $(cat "$log")"; status=1; }
  script -qec "$NX corpus/wire-brief.html corpus/hostile.html >/dev/null" "$log" >/dev/null </dev/null
  grep -q "2 documents, 2 written" "$log" || { echo "a batch on a terminal printed no summary: $(cat "$log")"; status=1; }
  script -qec "$NX --progress corpus/wire-brief.html >/dev/null" "$log" >/dev/null </dev/null
  grep -q "1 documents, 1 written" "$log" || { echo "--progress printed no summary: $(cat "$log")"; status=1; }
  # No PATH, stdin a terminal: a hint, then the article typed in (here none).
  script -qec "$NX </dev/tty >/dev/null" "$log" >/dev/null </dev/null
  grep -q "reading an article from the terminal" "$log" || { echo "no hint with stdin on a terminal: $(cat "$log")"; status=1; }
else
  echo "script(1) is missing: terminal cases not run" >&2
  status=1
fi
exit $status
