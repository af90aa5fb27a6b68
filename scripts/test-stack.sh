#!/usr/bin/env bash
# Runs the whole suite against the real services: PostgreSQL at DATABASE_URL (default: this machine's
# server at 127.0.0.1:5432) and Keycloak (started from its Maven Central distribution unless
# OIDC_ISSUER already points at one). Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if [ -z "${OIDC_ISSUER:-}" ]; then
  bash scripts/keycloak.sh start
  export OIDC_ISSUER="http://127.0.0.1:${KEYCLOAK_PORT:-8080}/realms/iaod"
fi
echo "test:stack: DATABASE_URL=${DATABASE_URL%%@*}@… OIDC_ISSUER=${OIDC_ISSUER}"
exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"
