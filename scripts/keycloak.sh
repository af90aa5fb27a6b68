#!/usr/bin/env bash
# Local Keycloak 26 for development, tests and CI, run from the Maven Central
# distribution (org.keycloak:keycloak-quarkus-dist) - no Docker needed.
#
#   scripts/keycloak.sh fetch              download (via mvn) and unpack under .cache/
#   scripts/keycloak.sh start              start-dev on 127.0.0.1:${KEYCLOAK_PORT:-8080}, import keycloak/realm.json
#   scripts/keycloak.sh stop               stop the instance started by `start`
#   scripts/keycloak.sh status             say whether realm iaod answers
#   scripts/keycloak.sh token USER [PASS]  print an access token (password grant, client iaod-tests)
#
# Environment:
#   KEYCLOAK_PORT            HTTP port (default 8080)
#   KEYCLOAK_START_TIMEOUT   seconds to wait for the realm to answer (default 480; a cold start on a busy 2-core machine has taken more than 180 s)
#   KEYCLOAK_JAVA_HOME       JDK to run Keycloak with (default: JAVA_HOME, else `java` on PATH,
#                            else the newest JDK found under /usr/lib/jvm)
set -euo pipefail

KC_VERSION="26.5.6"
REALM="iaod"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CACHE_DIR="$ROOT/.cache"
DIST_DL_DIR="$CACHE_DIR/keycloak-dist"
TARBALL="$DIST_DL_DIR/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
KC_HOME="$CACHE_DIR/keycloak-$KC_VERSION"
LOG_FILE="$CACHE_DIR/keycloak.log"
PID_FILE="$CACHE_DIR/keycloak.pid"
REALM_FILE="$ROOT/keycloak/realm.json"

PORT="${KEYCLOAK_PORT:-8080}"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-480}"
BASE_URL="http://127.0.0.1:$PORT"
ISSUER="$BASE_URL/realms/$REALM"
WELL_KNOWN="$ISSUER/.well-known/openid-configuration"

log() { echo "keycloak: $*" >&2; }
die() { log "$*"; exit 1; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

realm_up() { [ "$(http_code "$WELL_KNOWN")" = "200" ]; }

# Prints the major version of the java binary given as $1 (e.g. 17, 21, 25).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' \
    | sed 's/^1\.//; s/\..*//' | head -n1
}

# Keycloak 26.5 runs on Java 17 or newer (21+ recommended upstream).
MIN_JAVA=17
pick_java() {
  local candidates=() c
  [ -n "${KEYCLOAK_JAVA_HOME:-}" ] && candidates+=("$KEYCLOAK_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r c; do candidates+=("$c"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d | sort -rV)
  fi
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ]; then
      local v
      v="$(java_major "$c/bin/java")"
      if [ -n "$v" ] && [ "$v" -ge "$MIN_JAVA" ]; then
        echo "$c"
        return 0
      fi
    fi
  done
  return 1
}

cmd_fetch() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    log "Keycloak $KC_VERSION already unpacked in ${KC_HOME#"$ROOT"/}"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed to fetch keycloak-quarkus-dist from Maven Central)"
  mkdir -p "$DIST_DL_DIR"
  if [ ! -s "$TARBALL" ]; then
    log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz with mvn"
    mvn -B -q dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
      -DoutputDirectory="$DIST_DL_DIR"
  fi
  [ -s "$TARBALL" ] || die "expected $TARBALL after mvn dependency:copy"
  log "unpacking into ${KC_HOME#"$ROOT"/}"
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/keycloak-unpack.XXXXXX")"
  tar -xzf "$TARBALL" -C "$tmp"
  [ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ] || { rm -rf "$tmp"; die "unexpected tarball layout"; }
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if realm_up; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Keycloak (pid $pid) exited during start-up; last log lines:"
      tail -n 60 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    sleep 1
  done
  log "realm $REALM did not answer at $WELL_KNOWN within ${START_TIMEOUT}s; last log lines:"
  tail -n 60 "$LOG_FILE" >&2 || true
  return 1
}

cmd_start() {
  if realm_up; then
    log "a Keycloak is already answering on port $PORT (realm $REALM); not starting another"
    echo "$ISSUER"
    return 0
  fi
  local pid
  if pid="$(running_pid)"; then
    log "Keycloak already starting (pid $pid); waiting for it"
    wait_ready "$pid" || exit 1
    echo "$ISSUER"
    return 0
  fi
  local code
  code="$(http_code "$BASE_URL/")"
  if [ -n "$code" ] && [ "$code" != "000" ]; then
    die "port $PORT is in use by something that does not serve realm $REALM (HTTP $code); set KEYCLOAK_PORT"
  fi

  cmd_fetch
  local java_home
  java_home="$(pick_java)" || die "no Java >= $MIN_JAVA found (set KEYCLOAK_JAVA_HOME)"

  # Fresh dev database on every start so the current keycloak/realm.json is what gets imported.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import" "$KC_HOME/data/tmp"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/$REALM-realm.json"

  mkdir -p "$CACHE_DIR"
  : >"$LOG_FILE"
  log "starting Keycloak $KC_VERSION on $BASE_URL (java: $java_home, log: ${LOG_FILE#"$ROOT"/})"
  # allow-concurrent-requests: with brute-force detection on, Keycloak 26 refuses a user's sign-in while
  # another of the same user is in flight ("invalid_grant"); the test files sign the demo users in
  # side by side. A person signs in one at a time, so a deployment may keep the default (docs/keycloak.md).
  # setsid: own session/process group, so the server outlives this shell and `stop` can
  # signal kc.sh and its java child together. (SC2016: $$ and "$@" belong to the inner shell.)
  # shellcheck disable=SC2016
  JAVA_HOME="$java_home" \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin \
  KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
      "$KC_HOME/bin/kc.sh" start-dev --import-realm \
      --http-port "$PORT" --http-host 127.0.0.1 \
      --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true \
      </dev/null >>"$LOG_FILE" 2>&1 &

  local i=0
  while [ ! -s "$PID_FILE" ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] || die "could not read $PID_FILE"

  local t0=$SECONDS
  if ! wait_ready "$pid"; then
    cmd_stop
    exit 1
  fi
  log "ready after $((SECONDS - t0))s (pid $pid)"
  echo "$ISSUER"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running (no live pid in ${PID_FILE#"$ROOT"/})"
    return 0
  fi
  # The pid is a process-group leader (setsid); signal the group when that holds.
  local target="$pid"
  if [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
  log "stopping Keycloak (pid $pid)"
  kill -TERM -- "$target" 2>/dev/null || true
  local i=0
  while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 30s; sending SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  if realm_up; then
    echo "up: $ISSUER"
  else
    echo "down: $WELL_KNOWN does not answer 200"
    return 1
  fi
}

cmd_token() {
  [ $# -ge 1 ] || die "usage: $0 token USER [PASSWORD]"
  local user="$1" pass="${2:-demo}" body
  body="$(curl -s -m 30 -X POST "$ISSUER/protocol/openid-connect/token" \
    --data-urlencode grant_type=password \
    --data-urlencode client_id=iaod-tests \
    --data-urlencode "username=$user" \
    --data-urlencode "password=$pass" \
    --data-urlencode scope=openid)" || die "token endpoint not reachable at $ISSUER"
  printf '%s' "$body" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      let j; try { j = JSON.parse(s); } catch { console.error(s); process.exit(1); }
      if (!j.access_token) { console.error(JSON.stringify(j)); process.exit(1); }
      console.log(j.access_token);
    });'
}

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  fetch) shift; cmd_fetch "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  token) shift; cmd_token "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
