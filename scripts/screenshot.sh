#!/usr/bin/env bash
# Builds the example site, serves it on localhost, loads the home page and an incident page
# (English, and Japanese for CJK text), the German metrics page and a German maintenance page in headless Chromium from Debian's `chromium` package,
# and saves screenshots. Fails on any console message and on any request that is not served.
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
shoot() { # name path
  local name=$1 path=$2
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$name" --enable-logging=stderr --v=0 \
    --hide-scrollbars --window-size=1280,2400 --screenshot="$shots/$name.png" \
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

# Every stylesheet, icon and page the browser asked for must have been served.
if grep -E '" [45][0-9]{2} ' "$work/server.log" >&2; then
  echo "screenshot: requests above were not served" >&2
  failed=1
fi
requests=$(grep -c '"GET ' "$work/server.log" || true)
((failed == 0)) || exit 1
echo "screenshot: 6 pages, $requests requests, no console messages; saved in $shots/"
