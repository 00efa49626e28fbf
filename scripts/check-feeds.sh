#!/usr/bin/env bash
# Builds the example status site and checks its machine-read listings with real validators:
# sitemap.xml against the sitemaps.org schema (scripts/feeds/sitemap.xsd, with
# scripts/feeds/xhtml-link.xsd for the language alternates) with xmllint, and every Atom
# feed (each language's and each component's) against the RFC 4287 RELAX NG grammar
# (scripts/feeds/atom.rnc) with jing. Both come from Debian (libxml2-utils, jing); sources
# and licences of the grammars are in scripts/feeds/README.md. A site too large for one
# sitemap has a sitemap index at sitemap.xml instead: it is checked against sitemaps.org's
# siteindex.xsd (fetched from sitemaps.org when it is not in scripts/feeds/), and each
# sitemap it names against sitemap.xsd. Fails on any error.
#   scripts/check-feeds.sh [hindsight binary] [built site to check instead of the example]
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
site=${2:-}
if [[ -z $site ]]; then
  site="$out/site"
  "$bin" build --out "$site" 2>/dev/null
fi
sitemaps=("$site/sitemap.xml")
if grep -q '<sitemapindex' "$site/sitemap.xml"; then
  index_xsd=scripts/feeds/siteindex.xsd
  if [[ ! -f $index_xsd ]]; then
    index_xsd="$out/siteindex.xsd"
    curl -fsSL -o "$index_xsd" https://www.sitemaps.org/schemas/sitemap/0.9/siteindex.xsd
  fi
  xmllint --noout --schema "$index_xsd" "$site/sitemap.xml" 2>"$out/xmllint.err" \
    || { cat "$out/xmllint.err" >&2; exit 1; }
  mapfile -t sitemaps < <(find "$site" -maxdepth 1 -name 'sitemap-*.xml' | sort -V)
  named=$(grep -c '<loc>' "$site/sitemap.xml")
  [[ $named -eq ${#sitemaps[@]} ]] \
    || { echo "check-feeds: the index names $named sitemaps, the site has ${#sitemaps[@]}" >&2; exit 1; }
fi
for sitemap in "${sitemaps[@]}"; do
  xmllint --noout --schema scripts/feeds/xhtml-link.xsd "$sitemap" 2>"$out/xmllint.err" \
    || { cat "$out/xmllint.err" >&2; exit 1; }
  # sitemaps.org: at most 50,000 URLs and 50 MB (52,428,800 bytes) a file.
  [[ $(grep -c '<loc>' "$sitemap") -le 50000 && $(stat -c %s "$sitemap") -le 52428800 ]] \
    || { echo "check-feeds: $sitemap is over sitemaps.org's limits" >&2; exit 1; }
done
mapfile -t feeds < <(find "$site" -name '*.atom' | sort)
# jing exits non-zero on any error, printed on stdout; its Debian wrapper warns about
# optional jars on stderr, which is kept out of the way.
if ! jing -c scripts/feeds/atom.rnc "${feeds[@]}" 2>"$out/jing.err"; then
  grep -v '^\[warning\]' "$out/jing.err" >&2 || true
  echo "check-feeds: Atom feeds do not match the RFC 4287 grammar" >&2
  exit 1
fi
urls=$(cat "${sitemaps[@]}" | grep -c '<loc>')
echo "check-feeds: ${#sitemaps[@]} sitemap(s) ($urls URLs) valid against sitemaps.org's schema, ${#feeds[@]} Atom feeds valid against RFC 4287 (jing)"
