#!/usr/bin/env bash
# Builds tests/fixtures/api-clients (a maintenance window across the end of DST in
# Europe/Berlin, a cancelled and an upcoming window, a draft, an incident) at two fixed nows,
# serves each build from 127.0.0.1 (python3 -m http.server) and reads its Statuspage API with
# two real clients, pinned in scripts/api-clients/: PyPI `aRez` (arez.statuspage) and npm
# `statuspage.io` (ffflorian). They must parse summary, status, components, incidents,
# unresolved and the three scheduled-maintenances files and see the right statuses:
#   01:00 UTC  the incident ongoing (minor) and the window in progress;
#   02:00 UTC  the incident resolved (at 01:30): the rollup is maintenance.
# Installs what it needs itself (python3 venv + pip, npm ci) under target/api-clients.
#   scripts/check-api-clients.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"

ensure_node
if ! python3 -m venv --help >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
fi
tools=$root/target/api-clients
mkdir -p "$tools"
if [[ ! -x $tools/venv/bin/python ]]; then
  python3 -m venv "$tools/venv"
fi
"$tools/venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/api-clients/requirements.txt
cp scripts/api-clients/package.json scripts/api-clients/package-lock.json "$tools/"
npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null

work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp -R tests/fixtures/api-clients "$work/project"
mkdir -p "$work/www"
(cd "$work/project" && SOURCE_DATE_EPOCH=1792890000 "$bin" build --out "$work/www/incident" >/dev/null 2>"$work/build.log") || { cat "$work/build.log"; exit 1; }
cat >>"$work/project/incidents/2026-10-25-web-errors.yaml" <<'YAML'
  - at: 2026-10-25T01:30:00Z
    status: resolved
    text: The website works again.
resolved: 2026-10-25T01:30:00Z
YAML
(cd "$work/project" && SOURCE_DATE_EPOCH=1792893600 "$bin" build --out "$work/www/maintenance" >/dev/null 2>"$work/build.log") || { cat "$work/build.log"; exit 1; }

# A free port on the loopback interface, then the server on it, only there.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/incident/api/v2/status.json')" 2>/dev/null && break
  sleep 0.1
done

for phase in incident maintenance; do
  url="http://127.0.0.1:$port/$phase"
  "$tools/venv/bin/python" scripts/api-clients/check_arez.py "$url" "$phase"
  NODE_PATH="$tools/node_modules" node scripts/api-clients/check_statuspage_io.cjs "$url" "$phase"
done
arez=$("$tools/venv/bin/pip" show aRez | sed -n 's/^Version: //p')
spio=$(node -p "require('$tools/node_modules/statuspage.io/package.json').version")
echo "check-api-clients: aRez $arez and statuspage.io $spio read all 8 API files of 2 builds with the expected statuses"
