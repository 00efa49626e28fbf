#!/usr/bin/env bash
# Times `hindsight render` (release build) for every example incident, in every language and
# both formats: one process per render, so each figure includes loading and checking the
# project, the locales and the templates.   scripts/bench-render.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --locked --quiet
bin=target/release/hindsight
export SOURCE_DATE_EPOCH=1796083200
renders=0
start=$(date +%s%N)
for ((run = 0; run < runs; run++)); do
  for record in incidents/*.yaml; do
    [[ $(basename "$record" .yaml) == *.* ]] && continue
    for lang in en de ja zh; do
      for format in md html; do
        "$bin" render "$record" --lang "$lang" --format "$format" >/dev/null 2>&1
        renders=$((renders + 1))
      done
    done
  done
done
end=$(date +%s%N)
total_ms=$(((end - start) / 1000000))
echo "renders: $renders, total ${total_ms} ms, $((total_ms * 1000 / renders)) µs per render (process start included)"
peak=$( { /usr/bin/time -f '%M' "$bin" render incidents/2023-12-17-logto-image-deleted.yaml --lang de --format html >/dev/null; } 2>&1 | tail -1 )
echo "peak RSS of one render: ${peak} KiB"
