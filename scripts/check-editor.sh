#!/usr/bin/env bash
# The editor experience the README's "Editor support" promises, checked with a real client:
# yaml-language-server (npm, pinned in scripts/editor/) driven over stdio LSP by
# scripts/editor/check.mjs on the files `init`, `new` and `translate` write (their modelines
# must load a schema) and on a copy of the example project with the schemas `schema --write`
# writes. No diagnostics on those files; completion of field names and enum values; hover
# text; bad values reported in words, not regexes, in at most 300 characters.
# Installs what it needs itself (npm ci) under target/editor.
#   scripts/check-editor.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"

ensure_node
tools=$root/target/editor
mkdir -p "$tools"
cp scripts/editor/package.json scripts/editor/package-lock.json "$tools/"
npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 1. Files as the commands write them, modelines included: `init`, `new`, `translate`.
(cd "$work" && "$bin" init made >/dev/null 2>&1)
(cd "$work/made" && "$bin" new "Editor check" --date 2024-03-01 >/dev/null 2>&1 &&
  "$bin" translate incidents/2024-03-01-editor-check.yaml --to de >/dev/null 2>&1)
# 2. The example project, with the schemas `schema --write` writes: records and the config
# given the modeline the README tells users to add, overlays theirs by a `translate` refresh.
mkdir -p "$work/project"
cp -R incidents site "$work/project/"
# A record `new` writes while the project has no schemas: no modeline to a missing file
# (which the editor would report as "Unable to load schema").
(cd "$work/project" && "$bin" new "Before the schemas" --date 2024-03-01 >/dev/null 2>&1)
(cd "$work/project" && "$bin" schema --write 2>/dev/null)
for file in "$work"/project/incidents/*.yaml "$work/project/site/config.yaml"; do
  name=$(basename "$file")
  case $name in
    config.yaml) kind=config ;;
    *.*.yaml) continue ;; # <id>.<lang>.yaml: an overlay
    *-before-the-schemas.yaml) continue ;;
    *) kind=record ;;
  esac
  { echo "# yaml-language-server: \$schema=../.hindsight/$kind.schema.json"; cat "$file"; } >"$file.new"
  mv "$file.new" "$file"
done
for overlay in "$work"/project/incidents/*.*.yaml; do
  name=$(basename "$overlay" .yaml)
  (cd "$work/project" && "$bin" translate "incidents/${name%.*}.yaml" --to "${name##*.}" >/dev/null 2>&1)
done
node scripts/editor/check.mjs "$tools/node_modules/yaml-language-server/bin/yaml-language-server" "$work/project" "$work/made"
