#!/usr/bin/env bash
# Measures `hindsight build` (release build): the example project, and a generated project of
# N incidents (the example's five published records and their overlays, cycled; every page
# in en, de, ja and zh). Prints wall-clock times, peak memory and what was built.
#   scripts/bench-build.sh [N]      (default N=1000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
runs=3

cargo build --release --locked --quiet
bin="$PWD/target/release/hindsight"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795348800}

. scripts/lib/generated.sh
generate_project "$work" "$count"

measure() { # label root
  local label="$1" root="$2" times=() summary=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    summary=$("$bin" --root "$root" build --out "$work/out" 2>&1 | tail -1)
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local best median peak="n/a"
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  if [[ -x /usr/bin/time ]]; then
    peak=$(/usr/bin/time -f '%M' "$bin" --root "$root" build --out "$work/out" 2>&1 >/dev/null | tail -1)
    peak="$((peak / 1024)) MiB"
  fi
  local size
  size=$(du -sh "$work/out" | cut -f1)
  printf '%-34s best %6d ms   median %6d ms   peak RSS %s   output %s\n' "$label" "$best" "$median" "$peak" "$size"
  printf '  %s\n' "$summary"
}

echo "hindsight build, release build, $(nproc) cores, $runs runs each"
measure "example project" "$PWD"
measure "$count generated incidents" "$work"
