#!/usr/bin/env bash
# The action's install step (action.yml): put hindsight VERSION's release binary (the asset
# .github/workflows/release.yml attaches to tag vVERSION) into INSTALL_DIR/bin, on $GITHUB_PATH. Prints
# `installed=true` to $GITHUB_OUTPUT when it did, `installed=false` when there is no such
# release or asset, or the binary does not run here (the action then builds from its own
# source), and fails only on a download that started and broke or does not match the
# checksum published beside it.
#   VERSION=0.2.0 REPOSITORY=owner/name INSTALL_DIR=dir scripts/action/install.sh
# RELEASES_URL replaces https://github.com/$REPOSITORY/releases/download (for tests).
set -euo pipefail
version=${VERSION#v}
output=${GITHUB_OUTPUT:-/dev/stdout}
if [[ -z $version ]]; then
  echo "installed=false" >>"$output"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  # Static (musl): runs on any x86_64 Linux, whatever its glibc.
  Linux-x86_64) target=x86_64-unknown-linux-musl ;;
  *)
    echo "no release binary for $(uname -s) $(uname -m): building hindsight from source" >&2
    echo "installed=false" >>"$output"
    exit 0
    ;;
esac
base=${RELEASES_URL:-https://github.com/$REPOSITORY/releases/download}
asset="hindsight-v$version-$target.tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=$(curl --silent --show-error --location --output "$work/$asset" --write-out '%{http_code}' \
  "$base/v$version/$asset") || {
  echo "::error::cannot download $base/v$version/$asset" >&2
  exit 1
}
if [[ $status == 404 ]]; then
  echo "::warning::hindsight v$version has no release binary ($asset): building it from source" >&2
  echo "installed=false" >>"$output"
  exit 0
fi
[[ $status == 200 ]] || { echo "::error::$base/v$version/$asset: HTTP $status" >&2; exit 1; }
# The checksum the release workflow published beside the asset: it catches a download that
# broke or was altered on the way, not a release replaced by someone who can write to it.
curl --silent --show-error --fail --location --output "$work/$asset.sha256" \
  "$base/v$version/$asset.sha256" || { echo "::error::cannot download $asset.sha256" >&2; exit 1; }
(cd "$work" && sha256sum --check --quiet "$asset.sha256") ||
  { echo "::error::$asset does not match its published checksum" >&2; exit 1; }
tar -xzf "$work/$asset" -C "$work"
mkdir -p "$INSTALL_DIR/bin"
install -m 755 "$work/hindsight-v$version-$target/hindsight" "$INSTALL_DIR/bin/hindsight"
# A binary that does not run here (a runner too old or too odd for it) is no reason to stop:
# the action builds hindsight instead.
if ! "$INSTALL_DIR/bin/hindsight" --version >&2; then
  echo "::warning::the release binary $asset does not run on this runner: building hindsight from source" >&2
  rm -f "$INSTALL_DIR/bin/hindsight"
  echo "installed=false" >>"$output"
  exit 0
fi
if [[ -n ${GITHUB_PATH:-} ]]; then echo "$INSTALL_DIR/bin" >>"$GITHUB_PATH"; fi
echo "installed=true" >>"$output"
