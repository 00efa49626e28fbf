#!/usr/bin/env bash
# Builds the example status site and checks its machine-read listings with real validators:
# sitemap.xml against the sitemaps.org schema (scripts/feeds/sitemap.xsd, with
# scripts/feeds/xhtml-link.xsd for the language alternates) with xmllint, and every Atom
# feed (each language's and each component's) against the RFC 4287 RELAX NG grammar
# (scripts/feeds/atom.rnc) with jing. Both come from Debian (libxml2-utils, jing); sources
# and licences of the grammars are in scripts/feeds/README.md. Fails on any error.
#   scripts/check-feeds.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/hindsight}
[[ -x $bin ]] || cargo build --release --locked --quiet
if ! command -v jing >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq jing libxml2-utils) >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1796083200}
site="$out/site"
"$bin" build --out "$site" 2>/dev/null
xmllint --noout --schema scripts/feeds/xhtml-link.xsd "$site/sitemap.xml" 2>"$out/xmllint.err" \
  || { cat "$out/xmllint.err" >&2; exit 1; }
mapfile -t feeds < <(find "$site" -name '*.atom' | sort)
# jing exits non-zero on any error, printed on stdout; its Debian wrapper warns about
# optional jars on stderr, which is kept out of the way.
if ! jing -c scripts/feeds/atom.rnc "${feeds[@]}" 2>"$out/jing.err"; then
  grep -v '^\[warning\]' "$out/jing.err" >&2 || true
  echo "check-feeds: Atom feeds do not match the RFC 4287 grammar" >&2
  exit 1
fi
urls=$(grep -c '<loc>' "$site/sitemap.xml")
echo "check-feeds: sitemap ($urls URLs) valid against sitemaps.org's schema, ${#feeds[@]} Atom feeds valid against RFC 4287 (jing)"
