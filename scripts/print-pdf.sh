#!/usr/bin/env bash
# Prints the example's postmortems to PDF with headless Chromium (Debian's `chromium`), as
# "Save as PDF" in a browser would: a record with a long timeline and actions, rendered with
# `hindsight render --format html` in en, de, ja and zh, and the site's incident page, each on
# A4 and on Letter. Converts each PDF's first page to PNG (pdftoppm, from poppler-utils) to be
# looked at, and reports page counts and paper sizes. Fails when a PDF is missing, is not on
# the paper asked for, or shows site chrome (the header's language names).
#   scripts/print-pdf.sh [hindsight binary] [output directory]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/hindsight}
out=${2:-target/print}
record=${RECORD:-incidents/2023-12-17-logto-image-deleted.yaml}
[[ -x $bin ]] || cargo build --release --locked --quiet

. scripts/lib/browser.sh
ensure_browser print-pdf pdftoppm:poppler-utils

work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795348800}
name=$(basename "$record" .yaml)
pages="$work/pages"
mkdir -p "$pages" "$out"
for lang in en de ja zh; do
  "$bin" render "$record" --lang "$lang" --format html -o "$pages/$name.$lang.html" 2>/dev/null
done
"$bin" build --out "$pages/site" 2>/dev/null

# Chromium prints on its default paper (Letter) unless the page asks for a size, so each
# copy asks for one: inline for a rendered page (its policy allows inline styles only), a
# same-origin stylesheet for the site's page (its policy allows no inline style).
for paper in A4 Letter; do
  printf '@page { size: %s; }\n' "$paper" >"$pages/site/paper-$paper.css"
  for lang in en de ja zh; do
    sed "s|</head>|<style>@page { size: $paper; }</style></head>|" \
      "$pages/$name.$lang.html" >"$pages/$name.$lang.$paper.html"
  done
  sed "s|</head>|<link rel=\"stylesheet\" href=\"../../paper-$paper.css\"></head>|" \
    "$pages/site/en/incidents/$name.html" >"$pages/site/en/incidents/$name.$paper.html"
done

serve_dir "$pages" "$work/server.log"

failed=0
print() { # label path paper
  local label=$1 path=$2 paper=$3 pdf="$out/$1.pdf"
  rm -f "$pdf"
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$pdf" \
    "http://127.0.0.1:$port/$path" >"$work/$label.log" 2>&1 || true
  if [[ ! -s $pdf ]]; then
    echo "print-pdf: no PDF of $path" >&2
    failed=1
    return
  fi
  local count size
  count=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk '/^Page size:/ {print $3 "x" $5}')
  # A4 is 595x842 points, Letter 612x792.
  case $paper:$size in
    A4:59[45]*x84[12]* | Letter:612x792) ;;
    *)
      echo "print-pdf: $label is ${size} pt, not $paper" >&2
      failed=1
      ;;
  esac
  if pdftotext "$pdf" - 2>/dev/null | grep -q 'Deutsch\|日本語'; then
    echo "print-pdf: $label shows the site's language switcher" >&2
    failed=1
  fi
  pdftoppm -png -r 60 -f 1 -l 2 "$pdf" "$out/$label"
  printf '%-28s %-6s %2s pages\n' "$label" "$paper" "$count"
}
for paper in A4 Letter; do
  for lang in en de ja zh; do
    print "postmortem-$lang-$paper" "$name.$lang.$paper.html" "$paper"
  done
  print "site-incident-en-$paper" "site/en/incidents/$name.$paper.html" "$paper"
done
if grep -E '" [45][0-9]{2} ' "$work/server.log" >&2; then
  echo "print-pdf: requests above were not served" >&2
  failed=1
fi
((failed == 0)) && echo "print-pdf: PDFs and first pages as PNG in $out"
exit "$failed"
