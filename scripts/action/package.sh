#!/usr/bin/env bash
# A release asset: OUT/hindsight-TAG-TARGET.tar.gz (a folder of that name holding the binary,
# README.md and SECURITY.md) and its .sha256. The one place the asset's name is made: the
# release workflow calls this, and scripts/action/install.sh downloads that name.
#   scripts/action/package.sh TAG BINARY OUT [TARGET]
set -euo pipefail
tag=$1 binary=$2 out=$3 target=${4:-x86_64-unknown-linux-musl}
repo=$(cd "$(dirname "$0")/../.." && pwd)
name="hindsight-$tag-$target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/$name" "$out"
cp "$binary" "$work/$name/hindsight"
cp "$repo/README.md" "$repo/SECURITY.md" "$work/$name/"
tar -czf "$out/$name.tar.gz" -C "$work" "$name"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
