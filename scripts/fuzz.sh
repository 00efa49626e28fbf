#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 600) and prints libFuzzer's figures.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain the nightly flags
# cargo-fuzz passes are allowed through RUSTC_BOOTSTRAP=1. No AddressSanitizer (`-s none`):
# the code is safe Rust, and what we look for is panics, hangs (-timeout) and memory blow-ups
# (-rss_limit_mb), which libFuzzer reports without it.
#
# Environment: JOBS (targets run at once, default 1), MAX_LEN (largest input, default 65536),
# RSS_MB (default 512), TIMEOUT (seconds per input, default 10).
# Logs go to fuzz/logs/<target>.log, crashes to fuzz/artifacts/<target>/, the growing
# corpus to fuzz/corpus/<target>/ (git-ignored); fuzz/logs/summary.txt gets the table
# (corpus = units in libFuzzer's corpus at the end).
set -euo pipefail

seconds=${1:-600}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(record overlay config markdown)
fi
jobs=${JOBS:-1}
export RUSTC_BOOTSTRAP=1

nice -n 10 cargo fuzz build -s none

# Seeds: the example project and every test fixture, sorted by kind of file.
seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    local files
    case $target in
    config) files=$(find site tests/fixtures -name config.yaml) ;;
    overlay) files=$(find incidents tests/fixtures -regex '.*\.[a-z][a-z]\.yaml') ;;
    record) files=$(find incidents tests/fixtures -name '*.yaml' ! -name config.yaml ! -regex '.*\.[a-z][a-z]\.yaml') ;;
    markdown) files=$(find incidents -type f) ;;
    esac
    # Hand-written seeds, and the inputs of crashes found before (kept as regression tests).
    if [ -d "fuzz/seeds/$target" ]; then
        files="$files $(find "fuzz/seeds/$target" -type f)"
    fi
    for file in $files; do
        # Big files only slow the mutations down; the size budget has its own tests.
        if [ "$(wc -c <"$file")" -le "${MAX_LEN:-65536}" ]; then
            cp "$file" "$dir/seed-$(printf '%s' "$file" | tr '/' '_')"
        fi
    done
}

run() {
    local target=$1
    seed "$target"
    mkdir -p "fuzz/artifacts/$target" fuzz/logs
    # The corpus run is expected to end by time; a crash ends it early with status 1.
    nice -n 19 cargo fuzz run -s none "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb="${RSS_MB:-512}" -timeout="${TIMEOUT:-10}" \
        -max_len="${MAX_LEN:-65536}" -dict=fuzz/yaml.dict -print_final_stats=1 \
        >"fuzz/logs/$target.log" 2>&1 || true
}

figures() {
    local target=$1 log=fuzz/logs/$1.log
    local execs last cov ft crashes corpus
    # A figure missing from the log (a run that never started) prints as `?`.
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(echo "$last" | grep -o 'cov: [0-9]*' | awk '{print $2}' || true)
    ft=$(echo "$last" | grep -o 'ft: [0-9]*' | awk '{print $2}' || true)
    corpus=$(echo "$last" | grep -o 'corp: [0-9]*' | awk '{print $2}' || true)
    crashes=$(find "fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    printf '%-9s %8ss %12s %7s %7s %8s %8s\n' "$target" "$seconds" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes"
}

running=0
for target in "${targets[@]}"; do
    run "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

{
    echo "fuzzed on $(date -u +%Y-%m-%dT%H:%MZ) at $(git rev-parse --short HEAD)"
    printf '%-9s %9s %12s %7s %7s %8s %8s\n' target time executions cov ft corpus crashes
    for target in "${targets[@]}"; do figures "$target"; done
} | tee fuzz/logs/summary.txt
