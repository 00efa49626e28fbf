#!/usr/bin/env bash
# Measures `hindsight lint` (release build): the example project, and a project of N copies
# of the Logto record with its German overlay. Prints wall-clock times and peak memory.
#   scripts/bench-lint.sh [N]      (default N=1000)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-1000}"
runs=5

cargo build --release --locked --quiet
bin="$PWD/target/release/hindsight"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/incidents" "$work/site"
cp site/config.yaml "$work/site/"
for i in $(seq 1 "$copies"); do
  id=$(printf '2023-12-17-logto-image-deleted-%05d' "$i")
  cp incidents/2023-12-17-logto-image-deleted.yaml "$work/incidents/$id.yaml"
  cp incidents/2023-12-17-logto-image-deleted.de.yaml "$work/incidents/$id.de.yaml"
done

measure() { # label dir
  local label="$1" dir="$2" best="" times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$bin" --root "$dir" lint --format json >/dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  local peak="n/a"
  if [[ -x /usr/bin/time ]]; then
    peak=$(/usr/bin/time -f '%M' "$bin" --root "$dir" lint --format json 2>&1 >/dev/null | tail -1)
    peak="$((peak / 1024)) MiB"
  fi
  printf '%-40s best %5d ms   median %5d ms   peak RSS %s\n' "$label" "$best" "$median" "$peak"
}

echo "hindsight lint, release build, $(nproc) cores, $runs runs each"
measure "example project ($(ls incidents | wc -l) files)" "$PWD"
measure "$copies records + $copies overlays" "$work"
