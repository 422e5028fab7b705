# Checks on a page's --text output, for the content-*.sh tests: source this
# after setting $out and status=0. has TEXT fails when TEXT is missing;
# lacks TEXT WHAT fails when TEXT (WHAT, in the message) was kept.
has() { grep -qF -- "$1" <<<"$out" || { echo "missing: $1"; status=1; }; }
lacks() { grep -qF -- "$1" <<<"$out" && { echo "kept $2: $1"; status=1; }; return 0; }
