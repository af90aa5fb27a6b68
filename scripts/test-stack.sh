#!/usr/bin/env bash
# Runs the whole suite against the real services: PostgreSQL at DATABASE_URL (default: this machine's
# server at 127.0.0.1:5432), Keycloak and OpenSearch (each started from its Maven Central distribution
# unless OIDC_ISSUER / OPENSEARCH_URL already points at one). Extra arguments go to Jest. What this script
# starts keeps running (the next run reuses it); `.ci/run` stops both at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
# OpenSearch starts in the background while Keycloak starts, so the run waits for the slower of the two only.
opensearch_start=""
if [ -z "${OPENSEARCH_URL:-}" ]; then
  bash scripts/opensearch.sh start >/dev/null &
  opensearch_start=$!
fi
if [ -z "${OIDC_ISSUER:-}" ]; then
  bash scripts/keycloak.sh start
  export OIDC_ISSUER="http://127.0.0.1:${KEYCLOAK_PORT:-8080}/realms/iaod"
fi
if [ -n "$opensearch_start" ]; then
  wait "$opensearch_start" || { echo "test:stack: OpenSearch did not start" >&2; exit 1; }
  export OPENSEARCH_URL="http://127.0.0.1:${OPENSEARCH_PORT:-9200}"
fi
echo "test:stack: DATABASE_URL=${DATABASE_URL%%@*}@… OIDC_ISSUER=${OIDC_ISSUER} OPENSEARCH_URL=${OPENSEARCH_URL}"
exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"
