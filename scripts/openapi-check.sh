#!/usr/bin/env bash
# Fails when src/generated/openapi.ts no longer matches the contract in openapi/ (run `npm run openapi:types`).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node --import tsx scripts/openapi-types.ts "$tmp/openapi.ts" >/dev/null
if ! diff -u src/generated/openapi.ts "$tmp/openapi.ts" >"$tmp/diff.txt"; then
  head -40 "$tmp/diff.txt"
  echo "openapi:check: src/generated/openapi.ts is out of date with openapi/; run npm run openapi:types" >&2
  exit 1
fi
echo "openapi:check: the generated types match the spec"
