#!/usr/bin/env bash
# Measures `hindsight serve` (release build): the time from saving a record to the rebuilt
# page being served, on the example project and on a generated project of N incidents (as
# scripts/lib/generated.sh makes it). Each run saves a new title into one record and polls the
# record's page every 5 ms until it shows the title; prints the median and range of 5 runs,
# and the rebuild time serve itself reports. The time includes serve's 100 ms debounce.
#   scripts/bench-serve.sh [N]      (default N=1000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
runs=5

cargo build --release --locked --quiet
bin="$PWD/target/release/hindsight"
work="$(mktemp -d)"
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795348800}

mkdir -p "$work/example"
cp -r incidents site "$work/example/"
. scripts/lib/generated.sh
generate_project "$work/generated" "$count"

measure() { # label root record-id
  local label=$1 root=$2 id=$3
  "$bin" --root "$root" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  for _ in $(seq 600); do grep -q http "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  local url
  url=$(grep -o 'http://[^ ]*' "$work/serve.out")
  python3 - "$url" "$root/incidents/$id.yaml" "en/incidents/$id.html" "$runs" "$label" <<'PY'
import re, statistics, sys, time, urllib.request
url, record, page, runs, label = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
text = open(record, encoding="utf-8").read()
times = []
for run in range(runs):
    title = f"Bench title {run} {time.time_ns()}"
    time.sleep(0.5)  # the previous rebuild is over and served
    start = time.perf_counter()
    with open(record, "w", encoding="utf-8") as f:
        f.write(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1))
    while True:
        body = urllib.request.urlopen(url + page).read().decode()
        if title in body:
            break
        if time.perf_counter() - start > 120:
            sys.exit(f"{label}: no rebuilt page after 120 s")
        time.sleep(0.005)
    times.append((time.perf_counter() - start) * 1000)
print(f"{label:<28} save -> rebuilt page served: median {statistics.median(times):6.0f} ms"
      f"   (min {min(times):.0f}, max {max(times):.0f}, {runs} runs)")
PY
  printf '  serve: %s\n' "$(grep '^built after' "$work/serve.err" | tail -1)"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

echo "hindsight serve, release build, $(nproc) cores"
measure "example project" "$work/example" 2023-12-17-logto-image-deleted
measure "$count generated incidents" "$work/generated" 2023-12-17-generated-00003
