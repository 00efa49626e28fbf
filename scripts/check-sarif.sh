#!/usr/bin/env bash
# `hindsight lint --format sarif` validated by Microsoft's SARIF Multitool (npm
# @microsoft/sarif-multitool, pinned in scripts/sarif/; a self-contained linux binary) with the
# SARIF 2.1.0 schema and rules and GitHub code scanning's ingestion rules (`--rule-kind Gh;Sarif`).
# Logs checked: every failing rule fixture (tests/fixtures/rules/*/fail), a project in a git
# work tree under a folder with a space and a non-ASCII name (linted from inside, with an
# absolute --root and with a relative one), and a run that cannot read a file (exit 2, the
# error as a notification). Any error or warning the Multitool reports fails the check, and
# so does a location that is not repository-relative.
# Installs what it needs itself (npm ci) under target/sarif-check.
#   scripts/check-sarif.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"

ensure_node
if ! command -v git >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq git) >/dev/null
fi
tools=$root/target/sarif-check
mkdir -p "$tools"
cp scripts/sarif/package.json scripts/sarif/package-lock.json "$tools/"
npm ci --silent --no-audit --no-fund --prefix "$tools" >/dev/null
multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# Its install script only marks the binary executable; npm may be set not to run scripts.
chmod u+x "$multitool"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
logs=$work/logs
mkdir -p "$logs"
export SOURCE_DATE_EPOCH=1795348800 # the tests' "now" (tests/common/mod.rs)

# Runs `hindsight lint --format sarif ARGS` in DIR into logs/NAME.sarif; EXPECT is the exit code.
lint() {
  local name=$1 dir=$2 expect=$3
  shift 3
  local code=0
  (cd "$dir" && "$bin" lint --format sarif "$@") >"$logs/$name.sarif" 2>"$work/stderr" || code=$?
  if [[ $code -ne $expect ]]; then
    echo "error: $name: exit $code, expected $expect" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
}

# Every failing rule fixture, as the tests copy it (the default config unless it has its own).
for fixture in tests/fixtures/rules/*/fail; do
  rule=$(basename "$(dirname "$fixture")")
  project=$work/fixtures/$rule
  mkdir -p "$project"
  cp -R "$fixture"/. "$project"/
  rm -f "$project/marks"
  if [[ -e $project/no-config ]]; then
    rm "$project/no-config"
  elif [[ ! -e $project/site/config.yaml ]]; then
    mkdir -p "$project/site"
    cp tests/fixtures/default-config.yaml "$project/site/config.yaml"
  fi
  code=0
  (cd "$project" && "$bin" lint --format sarif) >"$logs/rule-$rule.sarif" 2>/dev/null || code=$?
  [[ $code -le 1 ]] || { echo "error: rule fixture $rule: exit $code" >&2; exit 1; }
done

# A project two folders down in a git work tree whose names need percent-encoding.
tree="$work/work tree"
project="$tree/status pages/störung"
mkdir -p "$project"
cp -R tests/fixtures/rules/placeholder-text/fail/. "$project"/
rm -f "$project/marks"
mkdir -p "$project/site"
cp tests/fixtures/default-config.yaml "$project/site/config.yaml"
git init --quiet "$tree"
lint inside "$project" 1
lint absolute-root "$work" 1 --root "$project"
lint relative-root "$tree" 1 --root "status pages/störung"
lint path-argument "$project/incidents" 1 .
lint unreadable-file "$project" 2 incidents/missing.yaml
lint bad-root "$work" 2 --root "$work/nowhere"

# The log of every result names a repository-relative file under %SRCROOT%; a failed run says so.
node - "$logs" <<'EOF'
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
let problems = 0;
for (const name of fs.readdirSync(dir)) {
  const log = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  const run = log.runs[0];
  const failed = name === "unreadable-file.sarif" || name === "bad-root.sarif";
  const invocation = run.invocations[0];
  if (invocation.executionSuccessful === failed) {
    console.error(`${name}: executionSuccessful is ${invocation.executionSuccessful}`);
    problems++;
  }
  if (failed && invocation.toolExecutionNotifications[0]?.level !== "error") {
    console.error(`${name}: no error notification`);
    problems++;
  }
  for (const result of run.results) {
    const artifact = result.locations[0].physicalLocation.artifactLocation;
    if (artifact.uriBaseId !== "%SRCROOT%" || /^(\/|\.\.|[a-z]+:)/.test(artifact.uri) || /[^A-Za-z0-9._~%/-]/.test(artifact.uri)) {
      console.error(`${name}: location ${JSON.stringify(artifact)} is not repository-relative and encoded`);
      problems++;
    }
    if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) {
      console.error(`${name}: a result without partialFingerprints`);
      problems++;
    }
  }
  if (name === "inside.sarif") {
    const uri = run.results[0].locations[0].physicalLocation.artifactLocation.uri;
    if (!uri.startsWith("status%20pages/st%C3%B6rung/incidents/")) {
      console.error(`${name}: ${uri} is not relative to the work tree`);
      problems++;
    }
  }
}
process.exit(problems ? 1 : 0);
EOF

# The Multitool writes what it finds as a SARIF log of its own: any error or warning fails.
"$multitool" validate --rule-kind "Gh;Sarif" --log ForceOverwrite \
  --output "$work/validation.sarif" "$logs"/*.sarif >"$work/validation.txt" ||
  { cat "$work/validation.txt" >&2; exit 1; }
node - "$work/validation.sarif" <<'EOF'
const log = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const found = log.runs.flatMap((run) => run.results || []).filter((r) => (r.level || "warning") !== "note" && r.level !== "none");
for (const r of found) {
  const where = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri || "";
  console.error(`${r.level || "warning"} ${r.ruleId}: ${where}: ${r.message.text || JSON.stringify(r.message.arguments)}`);
}
const notes = log.runs.flatMap((run) => run.invocations || []).flatMap((i) => i.toolExecutionNotifications || []).filter((n) => n.level === "error");
for (const n of notes) console.error(`validator error: ${n.message.text}`);
process.exit(found.length || notes.length ? 1 : 0);
EOF
echo "sarif: $(ls "$logs" | wc -l) logs valid (SARIF Multitool, SARIF 2.1.0 and GitHub ingestion rules)"
