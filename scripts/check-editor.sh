#!/usr/bin/env bash
# The editor experience the README's "Editor support" promises, checked with a real client:
# yaml-language-server (npm, pinned in scripts/editor/) driven over stdio LSP by
# scripts/editor/check.mjs on a copy of the example project whose records, overlays and
# site/config.yaml carry the modelines `hindsight init` writes, pointing at the schemas
# `hindsight schema` wrote into .hindsight/. No diagnostics on the example files; completion
# of field names and enum values; hover text; bad values reported in words, not regexes.
# Installs what it needs itself (npm ci) under target/editor.
#   scripts/check-editor.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${1:-target/debug/hindsight}
[[ -x $bin ]] || cargo build --locked --quiet
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq nodejs npm) >/dev/null
fi
tools=$root/target/editor
mkdir -p "$tools"
cp scripts/editor/package.json scripts/editor/package-lock.json "$tools/"
npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project/.hindsight"
cp -R incidents site "$work/project/"
for kind in record overlay config; do
  (cd "$work/project" && "$bin" schema "$kind" >".hindsight/$kind.schema.json")
done
# The modelines, as `new`, `translate` and `init` write them.
for file in "$work"/project/incidents/*.yaml "$work/project/site/config.yaml"; do
  name=$(basename "$file")
  case $name in
    config.yaml) kind=config ;;
    *.*.yaml) kind=overlay ;; # <id>.<lang>.yaml
    *) kind=record ;;
  esac
  { echo "# yaml-language-server: \$schema=../.hindsight/$kind.schema.json"; cat "$file"; } >"$file.new"
  mv "$file.new" "$file"
done
node scripts/editor/check.mjs "$tools/node_modules/yaml-language-server/bin/yaml-language-server" "$work/project"
