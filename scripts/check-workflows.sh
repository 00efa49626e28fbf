#!/usr/bin/env bash
# The GitHub Actions workflows `hindsight init` writes (.github/workflows/hindsight.yml and
# hindsight-notify.yml) checked against the GitHub workflow schema that SchemaStore
# publishes, as vendored by PyPI `check-jsonschema` (pinned below): a misspelt key, a wrong
# trigger or a bad `concurrency` fails here, not in a user's repository. Also the repository's
# own .github/workflows/ and its composite action, action.yml (the GitHub action schema).
# Installs what it needs itself (python3 venv + pip) under target/workflow-check.
#   scripts/check-workflows.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"

if ! python3 -m venv --help >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
fi
tools=$root/target/workflow-check
if [[ ! -x $tools/venv/bin/check-jsonschema ]]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check "check-jsonschema==0.39.0"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" init "$work/project" >/dev/null
workflows=("$work"/project/.github/workflows/*.yml)
[[ ${#workflows[@]} -eq 2 ]] || { echo "error: expected two workflows, found ${#workflows[@]}" >&2; exit 1; }
"$tools/venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"
echo "workflows: ${#workflows[@]} valid against the GitHub workflow schema"
# The repository's own: its release workflow, and the composite action (action.yml) against
# the GitHub action schema.
"$tools/venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
"$tools/venv/bin/check-jsonschema" --builtin-schema vendor.github-actions action.yml
