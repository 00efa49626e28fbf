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

mkdir -p "$work/incidents" "$work/site"
cp site/config.yaml "$work/site/"
sources=(2017-07-28-inria-ci-vms-destroyed 2017-10-27-monzo-payments-outage
  2020-07-05-docker-hub-pulls-hang 2023-12-17-logto-image-deleted
  2026-11-21-webhook-delivery-delays)
for i in $(seq 1 "$count"); do
  source=${sources[$(( i % ${#sources[@]} ))]}
  id="${source:0:10}-generated-$(printf '%05d' "$i")"
  cp "incidents/$source.yaml" "$work/incidents/$id.yaml"
  for overlay in incidents/"$source".*.yaml; do
    [[ -e $overlay ]] || continue
    lang=${overlay%.yaml}; lang=${lang##*.}
    cp "$overlay" "$work/incidents/$id.$lang.yaml"
  done
done

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
