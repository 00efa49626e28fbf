#!/usr/bin/env bash
# Regenerates src/localize/icu_data/: the CLDR data hindsight's date and number formatters
# load, for en, de, ja and zh. The source is ICU4X's own compiled data (the `icu_*_data`
# crates of the ICU4X version in scripts/icu-data/Cargo.toml, which must match Cargo.lock's),
# re-exported by scripts/icu-data/ with icu_provider_export's BakedExporter; no network
# beyond crates.io. Run it after upgrading ICU4X or adding a language or a formatter, then
# check that `cargo test` and the example site are unchanged.
#   scripts/icu-data.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/localize/icu_data
locked=$(grep -A1 '^name = "icu_datetime"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
wanted=$(sed -n 's/^icu_datetime = .*version = "=\([^"]*\)".*/\1/p' scripts/icu-data/Cargo.toml)
if [[ $locked != "$wanted" ]]; then
  echo "Cargo.lock has icu_datetime $locked, scripts/icu-data/Cargo.toml $wanted: align them" >&2
  exit 2
fi
target="${CARGO_TARGET_DIR:-$PWD/target/icu-data}"
CARGO_TARGET_DIR="$target" cargo run --quiet --locked --manifest-path scripts/icu-data/Cargo.toml -- "$target/icu-data-out"
rm -rf "$out"
mkdir -p "$out"
cp "$target"/icu-data-out/* "$out"/
echo "wrote $out ($(du -sh "$out" | cut -f1))"
