#!/usr/bin/env bash
# The action's lint step (action.yml): annotations on the pull request (`--format github`,
# which also writes the job summary) and, with SARIF_FILE set, a SARIF log for code scanning
# (valid even when lint cannot run). Never fails itself: it prints `exit-code=N` (lint's:
# 0 clean, 1 findings, 2 could not run) to $GITHUB_OUTPUT, and the action's last step fails
# with it, after the upload.
#   HINDSIGHT=hindsight ROOT=dir PATHS="a b" DENY_WARNINGS=false SARIF_FILE=hindsight.sarif ARGS="" scripts/action/lint.sh
set -uo pipefail
output=${GITHUB_OUTPUT:-/dev/stdout}
bin=${HINDSIGHT:-hindsight}
command=("$bin")
# No ROOT: lint finds the project upward from the first path or the current folder.
[[ -n ${ROOT:-} ]] && command+=(--root "$ROOT")
command+=(lint)
[[ ${DENY_WARNINGS:-false} == true ]] && command+=(--deny-warnings)
# ARGS is split on blanks, like the options typed after `hindsight lint`.
read -r -a extra <<<"${ARGS:-}"
command+=("${extra[@]}")
# PATHS: one per line (a path may hold spaces).
paths=()
while IFS= read -r path; do
  [[ -n ${path//[[:space:]]/} ]] && paths+=("$path")
done <<<"${PATHS:-}"

"${command[@]}" --format github "${paths[@]}"
code=$?
if [[ -n ${SARIF_FILE:-} ]]; then
  "${command[@]}" --format sarif "${paths[@]}" >"$SARIF_FILE"
fi
echo "exit-code=$code" >>"$output"
