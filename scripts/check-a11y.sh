#!/usr/bin/env bash
# Accessibility in CI: axe-core (npm, pinned with puppeteer-core in scripts/a11y/) in Debian's
# headless chromium over the example site built at the screenshots' now (a minor incident
# ongoing): home, history, a month of it, a component, an incident, a maintenance window and the metrics
# page, in all four languages, light and dark mode, at desktop width and 390 px; and over
# tests/fixtures/a11y (the critical and major banners, every component state, a window in
# progress and a cancelled one) at desktop width. Fails on any serious or critical violation
# and prints each (rule, page, target, message). Installs what it needs under target/a11y.
#   scripts/check-a11y.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"
started=$SECONDS

. scripts/lib/browser.sh
ensure_browser check-a11y node:nodejs npm:npm
tools=$root/target/a11y
mkdir -p "$tools"
cp scripts/a11y/package.json scripts/a11y/package-lock.json "$tools/"
npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null

work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now=1795348800 # 2026-11-22T12:00Z, as scripts/screenshot.sh
build() { # project out
  (cd "$1" && SOURCE_DATE_EPOCH=$now "$bin" build --out "$2" >/dev/null 2>"$work/build.log") ||
    { cat "$work/build.log" >&2; exit 1; }
}
build "$root" "$work/www/example"
cp -R tests/fixtures/a11y "$work/fixture"
build "$work/fixture" "$work/www/critical"
rm "$work/fixture/incidents/2026-11-21-api-down.yaml"
build "$work/fixture" "$work/www/major"
# Every banner colour must be on a page checked below.
for banner in example:minor major:major critical:critical; do
  if ! grep -q "class=\"banner indicator-${banner#*:}\"" "$work/www/${banner%%:*}/en/index.html"; then
    echo "check-a11y: the ${banner%%:*} build no longer shows the ${banner#*:} banner" >&2
    exit 1
  fi
done

for lang in en de ja zh; do
  for page in index.html history.html history/2023-12.html components/logto-cloud.html metrics.html \
    incidents/2023-12-17-logto-image-deleted.html \
    maintenance/2026-12-05-logto-cloud-database-upgrade.html; do
    echo "example/$lang/$page 1280,390"
  done
  echo "major/$lang/index.html 1280"
  for page in index.html components/api.html components/web.html components/cdn.html \
    components/db.html maintenance/2026-11-21-db-upgrade.html \
    maintenance/2026-11-23-mail-move.html incidents/2026-11-21-api-down.html; do
    echo "critical/$lang/$page 1280"
  done
done >"$work/pages"

serve_dir "$work/www" "$work/server.log"
NODE_PATH="$tools/node_modules" node scripts/a11y/check.cjs "$(command -v chromium)" \
  "http://127.0.0.1:$port" "$work/pages"
echo "check-a11y: $(wc -l <"$work/pages") pages, no serious or critical violation, in $((SECONDS - started)) s"
