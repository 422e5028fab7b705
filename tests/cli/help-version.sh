# --help goes to stdout and exits 0 and names every option; --version
# names the libraries.
set -e
help=$("$NX" --help)
for opt in --text --pretty --input-format --max-bytes --rules \
  --no-default-rules --check-rules --quiet --help --version; do
  grep -q -- "$opt" <<<"$help" || { echo "--help does not mention $opt"; exit 1; }
done
# The man page documents every option --help lists.
for opt in $(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
  roff=$(sed 's/-/\\-/g' <<<"$opt")
  grep -qF -- "$roff" extractor/newsextract.1 || { echo "man page lacks $opt"; exit 1; }
done
version=$("$NX" --version)
for lib in libxml2 PCRE2 utf8proc jansson libarchive zlib; do
  grep -q "$lib" <<<"$version" || { echo "--version does not name $lib"; exit 1; }
done
