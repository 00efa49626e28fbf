#!/usr/bin/env bash
# Markdown bombs within the input limits: for each, the wall time and peak RSS of `lint`,
# `render --format html` and `render --format md` (release build), checked against 2 s and
# 200 MB. Renders run with `input-limit` turned off, so that the renderers themselves see the
# bomb (with the rule on, lint stops them first).   scripts/bench-bombs.sh [bomb-name…]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$PWD/target/release/hindsight
max_ms=2000
max_kib=$((200 * 1024))
export SOURCE_DATE_EPOCH=1796083200
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the bomb's Markdown (about 1.9 MB), one source line per output line.
bomb() {
  awk -v kind="$1" 'BEGIN {
    n = 1900000
    if (kind == "quotes")      { for (i = 0; i < n; i++) printf ">"; print " x" }
    if (kind == "lists")       { for (i = 0; i < n / 2; i++) printf "- "; print "x" }
    if (kind == "indented")    { for (i = 0; i * i < n; i++) { for (j = 0; j < i; j++) printf "  "; print "- x" } }
    if (kind == "strike")      { for (i = 0; i < n / 3; i++) printf "~~a"; print "" }
    if (kind == "emphasis")    { for (i = 0; i < n / 2; i++) printf "*a"; print "" }
    if (kind == "links")       { for (i = 0; i < n / 4; i++) printf "[a]("; print "" }
    if (kind == "angles")      { for (i = 0; i < n; i++) printf "<"; print "" }
    if (kind == "entities")    { for (i = 0; i < n / 5; i++) printf "&amp;"; print "" }
    if (kind == "ampersands")  { for (i = 0; i < n; i++) printf "&"; print "" }
    if (kind == "wide-table")  { for (r = 0; r < 4; r++) { for (i = 0; i < n / 8; i++) printf (r == 1 ? "|-" : "|a"); print "|" } }
    if (kind == "long-table")  { print "|a|b|"; print "|-|-|"; for (i = 0; i < n / 8; i++) print "|x|y|" }
    if (kind == "wide-cell")   { print "|a|b|"; print "|-|-|"; printf "|"; for (i = 0; i < n / 2; i++) printf "w"; print "|y|"; for (i = 0; i < n / 16; i++) print "|x|y|" }
  }'
}

project() { # dir, bomb, lint-level
  mkdir -p "$1/incidents" "$1/site"
  printf 'title: Bombs\nbase_url: https://status.example.com/\nlanguages: [en]\ntimezone: UTC\ncomponents: []\nlint:\n  input-limit: %s\n  missing-section: "off"\n' "$3" >"$1/site/config.yaml"
  {
    printf 'title: Bomb\nlang: en\nstatus: published\nseverity: minor\nstarted: 2024-01-10T10:00:00Z\nresolved: 2024-01-10T11:00:00Z\nsummary: |\n'
    bomb "$2" | sed 's/^/  /'
  } >"$1/incidents/2024-01-10-bomb.yaml"
}

# Runs a command in $1; prints "<ms> <KiB> <cpu-seconds> <exit>".
measure() {
  local dir=$1
  shift
  local start end out code
  start=$(date +%s%N)
  set +e
  out=$(cd "$dir" && /usr/bin/time -f '%M %U %S' "$@" 2>&1 >/dev/null | tail -1)
  code=$? # pipefail: the exit code of hindsight
  set -e
  end=$(date +%s%N)
  read -r kib user sys <<<"$out"
  echo "$(((end - start) / 1000000)) $kib $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $code"
}

bombs=("$@")
[[ ${#bombs[@]} -gt 0 ]] || bombs=(quotes lists indented strike emphasis links angles entities ampersands wide-table long-table wide-cell)
failed=0
printf '%-11s %-8s %8s %8s %9s %s\n' bomb command wall-ms cpu-s peak-MiB result
for name in "${bombs[@]}"; do
  project "$work/$name-lint" "$name" error
  project "$work/$name-render" "$name" '"off"'
  size=$(wc -c <"$work/$name-lint/incidents/2024-01-10-bomb.yaml")
  for command in lint html md; do
    case $command in
      lint) dir=$work/$name-lint; args=(lint --format json) ;;
      html) dir=$work/$name-render; args=(render incidents/2024-01-10-bomb.yaml --format html) ;;
      md) dir=$work/$name-render; args=(render incidents/2024-01-10-bomb.yaml --format md) ;;
    esac
    read -r ms kib cpu code < <(measure "$dir" "$bin" "${args[@]}")
    verdict=ok
    if ((ms > max_ms || kib > max_kib || code > 1)); then
      verdict="FAIL (exit $code)"
      failed=1
    fi
    printf '%-11s %-8s %8d %8.2f %9.1f %s  (%d bytes)\n' "$name" "$command" "$ms" "$cpu" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" "$verdict" "$size"
  done
done
exit $failed
