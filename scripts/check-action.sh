#!/usr/bin/env bash
# The shell steps of the composite action (action.yml, logic in scripts/action/) run here as
# the runner would run them, with $GITHUB_OUTPUT, $GITHUB_PATH and $GITHUB_STEP_SUMMARY files:
#   install: a release asset made by scripts/action/package.sh (as the release workflow makes
#     it), served from 127.0.0.1, is downloaded, checked and installed; a version without a
#     release falls back to building (installed=false); a corrupted asset fails;
#   lint: findings -> exit-code 1, annotations, a summary notice, the job summary and a SARIF
#     file; clean -> 0; warnings with deny-warnings -> 1; a path with a space; a wrong root ->
#     2 and still a SARIF log that says the run failed.
#   scripts/check-action.sh [hindsight binary]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/tools.sh
hindsight_bin "${1:-}"

work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export SOURCE_DATE_EPOCH=1795348800 # the tests' "now" (tests/common/mod.rs)
fail() {
  echo "error: $*" >&2
  exit 1
}
# The value of KEY in the step output file FILE.
output() { sed -n "s/^$2=//p" "$1" | tail -n 1; }

# --- install ---------------------------------------------------------------------------------
releases=$work/releases
scripts/action/package.sh v0.1.0 "$bin" "$releases/v0.1.0" >/dev/null
mkdir -p "$releases/v0.2.0"
scripts/action/package.sh v0.2.0 "$bin" "$releases/v0.2.0" >/dev/null
echo "corrupted" >>"$releases/v0.2.0/hindsight-v0.2.0-x86_64-unknown-linux-musl.tar.gz"
# A binary that cannot run here, as a glibc build does on a runner with an older glibc.
printf '#!/bin/sh\necho "hindsight: /lib/x86_64-linux-gnu/libc.so.6: version GLIBC_2.39 not found" >&2\nexit 1\n' \
  >"$work/broken-hindsight"
chmod +x "$work/broken-hindsight"
scripts/action/package.sh v0.3.0 "$work/broken-hindsight" "$releases/v0.3.0" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$releases" "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl --silent --output /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

install() {
  local version=$1 dir=$work/install-$1
  : >"$work/out" && : >"$work/path"
  GITHUB_OUTPUT=$work/out GITHUB_PATH=$work/path VERSION=$version REPOSITORY=hindsight-rs/hindsight \
    INSTALL_DIR=$dir RELEASES_URL=http://127.0.0.1:$port scripts/action/install.sh 2>"$work/err"
}
install v0.1.0 || fail "install v0.1.0: $(cat "$work/err")"
[[ $(output "$work/out" installed) == true ]] || fail "v0.1.0 not installed"
[[ $(cat "$work/path") == "$work/install-v0.1.0/bin" ]] || fail "GITHUB_PATH: $(cat "$work/path")"
"$work/install-v0.1.0/bin/hindsight" --version >/dev/null || fail "installed binary does not run"
install 9.9.9 || fail "a missing release must fall back to building: $(cat "$work/err")"
[[ $(output "$work/out" installed) == false ]] || fail "9.9.9 reported installed"
if install 0.2.0 >/dev/null; then fail "a corrupted asset was installed"; fi
install 0.3.0 || fail "a binary that does not run must fall back to building: $(cat "$work/err")"
[[ $(output "$work/out" installed) == false ]] || fail "a binary that does not run reported installed"
[[ ! -s $work/path ]] || fail "a binary that does not run was put on GITHUB_PATH"
install "" || fail "no version"
[[ $(output "$work/out" installed) == false ]] || fail "no version reported installed"
echo "action install: release asset installed, missing release and a binary that does not run fall back, corrupted asset refused"

# --- lint ------------------------------------------------------------------------------------
project() {
  local dir=$work/projects/$1
  mkdir -p "$dir/site"
  cp -R "tests/fixtures/rules/$2/fail/." "$dir/"
  rm -f "$dir/marks"
  cp tests/fixtures/default-config.yaml "$dir/site/config.yaml"
  echo "$dir"
}
errors=$(project errors placeholder-text)
warnings=$(project warnings duration-mismatch)
clean=$work/projects/clean
mkdir -p "$clean/incidents" "$clean/site"
cp tests/fixtures/default-config.yaml "$clean/site/config.yaml"

# lint DIR [VAR=VALUE...]: the lint step in DIR; sets $code, leaves stdout in $work/stdout.
lint() {
  local dir=$1
  shift
  : >"$work/out" && : >"$work/summary"
  (cd "$dir" && env GITHUB_OUTPUT="$work/out" GITHUB_STEP_SUMMARY="$work/summary" HINDSIGHT="$bin" \
    SARIF_FILE=hindsight.sarif "$@" "$root/scripts/action/lint.sh") >"$work/stdout" 2>"$work/stderr" ||
    fail "the lint step itself failed: $(cat "$work/stderr")"
  code=$(output "$work/out" exit-code)
}
sarif_field() { node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
  console.log(eval(process.argv[2]))' "$1" "$2"; }

lint "$errors"
[[ $code == 1 ]] || fail "errors: exit-code $code"
grep -q '^::error file=incidents/' "$work/stdout" || fail "errors: no annotation"
grep -q '^::notice title=hindsight lint::' "$work/stdout" || fail "errors: no summary notice"
grep -q '^### hindsight lint' "$work/summary" || fail "errors: no job summary"
[[ $(sarif_field "$errors/hindsight.sarif" 'l.runs[0].results.length') -gt 0 ]] || fail "errors: empty SARIF"

lint "$clean"
[[ $code == 0 ]] || fail "clean: exit-code $code"
lint "$warnings" DENY_WARNINGS=false
[[ $code == 0 ]] || fail "warnings: exit-code $code"
lint "$warnings" DENY_WARNINGS=true
[[ $code == 1 ]] || fail "warnings denied: exit-code $code"

# (The name is no valid record id either: one more finding, the same exit code.)
mv "$errors/incidents/2024-01-10-api-errors.yaml" "$errors/incidents/with space.yaml"
lint "$errors" PATHS=$'incidents/with space.yaml\n'
[[ $code == 1 ]] || fail "path with a space: exit-code $code"
[[ $(sarif_field "$errors/hindsight.sarif" 'l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri') == incidents/with%20space.yaml ]] ||
  fail "path with a space: wrong SARIF uri"

lint "$clean" ROOT=nowhere
[[ $code == 2 ]] || fail "wrong root: exit-code $code"
[[ $(sarif_field "$clean/hindsight.sarif" 'l.runs[0].invocations[0].executionSuccessful') == false ]] ||
  fail "wrong root: SARIF does not say the run failed"
echo "action lint: exit codes 0/1/2, annotations, summary, job summary and SARIF as expected"
