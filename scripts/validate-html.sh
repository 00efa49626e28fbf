#!/usr/bin/env bash
# Renders every example incident as HTML in en, de, ja and zh, builds the example status
# site, and checks every page, status widget (<lang>/widget.html, <lang>/widgets/*.html: found
# by the folder walk below) and SVG badge with the Nu HTML Checker (npm package
# vnu-jar; needs Java). Fails on any validator error.
#   scripts/validate-html.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/hindsight}
[[ -x $bin ]] || cargo build --release --locked --quiet
tools=${VNU_DIR:-${TMPDIR:-/tmp}/hindsight-vnu}
if [[ ! -f $tools/node_modules/vnu-jar/build/dist/vnu.jar ]]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" vnu-jar@26.9.27 >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1796083200}
count=0
for record in incidents/*.yaml; do
  name=$(basename "$record" .yaml)
  [[ $name == *.* ]] && continue   # overlays are rendered through their record
  for lang in en de ja zh; do
    "$bin" render "$record" --lang "$lang" --format html --internal -o "$out/$name.$lang.html" 2>/dev/null
    count=$((count + 1))
  done
done
site="$out/site"
"$bin" build --out "$site" 2>/dev/null
pages=$(find "$site" -name '*.html' | wc -l)
badges=$(find "$site" -name '*.svg' | wc -l)
java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$out"/*.html "$site"
java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --svg $(find "$site" -name '*.svg')
echo "validate-html: $count rendered pages, $pages site pages and $badges SVG files, no errors (Nu HTML Checker)"
