# The README's input table is the classifier's own (issue 13: one place
# decides what a stream is): newsextract --list-input-kinds prints it from
# extractor/input_kind.c, and the README must hold the same lines.
set -e
readme=$(dirname "$0")/../../README.md
want=$("$NX" --list-input-kinds)
got=$(sed -n '/^<!-- input-kinds/,/^<!-- \/input-kinds -->/p' "$readme" | grep '^|')
[ -n "$want" ] && [ "$got" = "$want" ] || {
  echo "README.md's input table differs from newsextract --list-input-kinds:"
  diff <(printf '%s\n' "$got") <(printf '%s\n' "$want") || true
  exit 1
}
