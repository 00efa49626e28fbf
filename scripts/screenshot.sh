#!/usr/bin/env bash
# Builds the example site, serves it on localhost, loads the home page and an incident page
# (English, and Japanese for CJK text), the German metrics page and a German maintenance page in headless Chromium from Debian's `chromium` package,
# and the Japanese and Chinese home and incident pages at a phone's width (390 px, to see that
# CJK dates and labels in tables keep together), and saves screenshots. Fails on any console message and on any request that is not served.
#   scripts/screenshot.sh [hindsight binary] [screenshot directory]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/hindsight}
shots=${2:-target/screenshots}
[[ -x $bin ]] || cargo build --release --locked --quiet

. scripts/lib/browser.sh
ensure_browser screenshot

work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795348800} "$bin" build --out "$work/site" 2>/dev/null

serve_dir "$work/site" "$work/server.log"

mkdir -p "$shots"
failed=0
shoot() { # name path [width]
  local name=$1 path=$2 width=${3:-1280}
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$name" --enable-logging=stderr --v=0 \
    --hide-scrollbars --window-size="$width",2400 --screenshot="$shots/$name.png" \
    "http://127.0.0.1:$port/$path" 2>"$work/$name.log" >/dev/null || true
  if grep -q ':CONSOLE' "$work/$name.log"; then
    echo "screenshot: console messages on $path:" >&2
    grep ':CONSOLE' "$work/$name.log" >&2
    failed=1
  fi
  if [[ ! -s $shots/$name.png ]]; then
    echo "screenshot: no screenshot of $path" >&2
    failed=1
  fi
}
shoot home-en en/index.html
shoot incident-en en/incidents/2023-12-17-logto-image-deleted.html
shoot home-ja ja/index.html
shoot incident-ja ja/incidents/2023-12-17-logto-image-deleted.html
shoot metrics-de de/metrics.html
shoot maintenance-de de/maintenance/2026-12-05-logto-cloud-database-upgrade.html
for lang in ja zh; do
  shoot "home-$lang-390" "$lang/index.html" 390
  shoot "incident-$lang-390" "$lang/incidents/2023-12-17-logto-image-deleted.html" 390
done

# Every stylesheet, icon and page the browser asked for must have been served.
if grep -E '" [45][0-9]{2} ' "$work/server.log" >&2; then
  echo "screenshot: requests above were not served" >&2
  failed=1
fi
requests=$(grep -c '"GET ' "$work/server.log" || true)
((failed == 0)) || exit 1
echo "screenshot: 10 pages, $requests requests, no console messages; saved in $shots/"
