#!/usr/bin/env bash
# Measures what a new user waits for: a clean `cargo build --release --locked` and a clean
# `cargo test --no-run --locked`, for each git revision given, back to back. Each build runs on
# a `git archive` of the revision, into an empty target directory. Downloads are excluded:
# `cargo fetch --locked` runs first (its time is not counted). Prints wall seconds, CPU seconds
# (user + sys of cargo and every rustc it ran), the number of crates compiled and the load
# average before and after each build: the machine may be shared, so CPU seconds are the
# robust figure, wall seconds the felt one.
#   scripts/bench-compile.sh [REV...]        (default: HEAD)
#   BENCH_KINDS="release" scripts/bench-compile.sh 92fc799 HEAD   (only one of the two builds)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -gt 0 ]] || set -- HEAD
kinds=${BENCH_KINDS:-release test}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unset RUSTFLAGS RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER CARGO_TARGET_DIR

results=()
for rev in "$@"; do
  commit=$(git rev-parse --short "$rev^{commit}")
  src="$work/src-$commit"
  mkdir -p "$src"
  git archive "$commit" | tar -x -C "$src"
  (cd "$src" && cargo fetch --locked --quiet)
  for kind in $kinds; do
    case $kind in
      release) cmd=(cargo build --release --locked) ;;
      test) cmd=(cargo test --no-run --locked) ;;
      *) echo "unknown build kind $kind" >&2; exit 2 ;;
    esac
    target="$work/target-$commit-$kind"
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    # %e wall, %U user, %S system: children included, so every rustc cargo ran is counted.
    if ! (cd "$src" && CARGO_TARGET_DIR="$target" /usr/bin/time -f 'TIME %e %U %S' -o "$work/time" \
      "${cmd[@]}" >"$work/log" 2>&1); then
      tail -20 "$work/log" >&2
      echo "build failed: $rev $kind" >&2
      exit 2
    fi
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    read -r _ wall user sys <"$work/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }')
    units=$(grep -c '^ *Compiling ' "$work/log" || true)
    results+=("$(printf '%-10s %-8s %7.0f %7s %6s   %-15s %-15s' \
      "$commit" "$kind" "$wall" "$cpu" "$units" "$load_before" "$load_after")")
    printf '%s\n' "${results[-1]}" >&2
    rm -rf "$target"
  done
done

echo
echo "clean builds, $(nproc) cores, $(rustc --version | cut -d' ' -f1-2); downloads excluded (cargo fetch first)"
printf '%-10s %-8s %7s %7s %6s   %-15s %-15s\n' revision build wall_s cpu_s crates load_before load_after
printf '%s\n' "${results[@]}"
