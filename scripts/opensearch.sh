#!/usr/bin/env bash
# Local OpenSearch 2.19 for development, tests and CI, run from the Maven Central distribution
# (org.opensearch.distribution.integ-test-zip:opensearch) - no Docker needed.
#
#   scripts/opensearch.sh fetch    download (via mvn) and unpack under .cache/
#   scripts/opensearch.sh start    start a single node on 127.0.0.1:${OPENSEARCH_PORT:-9200}, wait until it answers
#   scripts/opensearch.sh stop     stop the node started by `start`
#   scripts/opensearch.sh status   say whether it answers
#
# Environment:
#   OPENSEARCH_PORT            HTTP port (default 9200)
#   OPENSEARCH_HEAP            JVM heap, both -Xms and -Xmx (default 512m)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for the node to answer (default 180)
#   OPENSEARCH_USER            the unprivileged user it runs as when started by root (default nobody)
#
# The integ-test zip carries no security plugin (plain HTTP, no sign-in) and refuses to run as root, so a
# root caller starts it as OPENSEARCH_USER. It runs on Java 17 (2.19 is the last line that does); its
# data lives under .cache/opensearch-data and is wiped at every start, so a test run starts empty.
set -euo pipefail

OS_VERSION="2.19.6"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CACHE_DIR="$ROOT/.cache"
DIST_DL_DIR="$CACHE_DIR/opensearch-dist"
ZIP="$DIST_DL_DIR/opensearch-$OS_VERSION.zip"
OS_HOME="$CACHE_DIR/opensearch-$OS_VERSION"
RUN_DIR="$CACHE_DIR/opensearch-run"
LOG_FILE="$CACHE_DIR/opensearch.log"
PID_FILE="$CACHE_DIR/opensearch.pid"

PORT="${OPENSEARCH_PORT:-9200}"
HEAP="${OPENSEARCH_HEAP:-512m}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
RUN_AS="${OPENSEARCH_USER:-nobody}"
BASE_URL="http://127.0.0.1:$PORT"

log() { echo "opensearch: $*" >&2; }
die() { log "$*"; exit 1; }

node_up() { curl -s -f -o /dev/null -m 5 "$BASE_URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null; }

pick_java() {
  local c
  for c in "${OPENSEARCH_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && { echo "$c"; return 0; }
  done
  command -v java >/dev/null 2>&1 && { dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0; }
  return 1
}

cmd_fetch() {
  if [ -x "$OS_HOME/bin/opensearch" ]; then
    log "OpenSearch $OS_VERSION already unpacked in ${OS_HOME#"$ROOT"/}"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed to fetch the integ-test zip from Maven Central)"
  mkdir -p "$DIST_DL_DIR"
  if [ ! -s "$ZIP" ]; then
    log "fetching org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip with mvn"
    mvn -B -q dependency:copy \
      -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip" \
      -DoutputDirectory="$DIST_DL_DIR"
  fi
  [ -s "$ZIP" ] || die "expected $ZIP after mvn dependency:copy"
  log "unpacking into ${OS_HOME#"$ROOT"/}"
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/opensearch-unpack.XXXXXX")"
  (cd "$tmp" && unzip -q "$ZIP")
  [ -x "$tmp/opensearch-$OS_VERSION/bin/opensearch" ] || { rm -rf "$tmp"; die "unexpected zip layout"; }
  rm -rf "$OS_HOME"
  mv "$tmp/opensearch-$OS_VERSION" "$OS_HOME"
  rm -rf "$tmp"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

# A fresh configuration folder per start: small heap, one node, no disk watermarks (a busy CI disk must not
# turn the indexes read-only), and no GC log.
write_config() {
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR/config" "$RUN_DIR/data" "$RUN_DIR/logs" "$RUN_DIR/tmp"
  cp "$OS_HOME/config/log4j2.properties" "$RUN_DIR/config/"
  cat >"$RUN_DIR/config/jvm.options" <<EOF
-Xms$HEAP
-Xmx$HEAP
-XX:+UseG1GC
-XX:TieredStopAtLevel=1
-Xshare:auto
-Djava.io.tmpdir=$RUN_DIR/tmp
-XX:-HeapDumpOnOutOfMemoryError
18-:-Djava.security.manager=allow
-Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory
EOF
  cat >"$RUN_DIR/config/opensearch.yml" <<EOF
cluster.name: iaod-local
node.name: iaod-local-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
transport.port: 9300-9399
path.data: $RUN_DIR/data
path.logs: $RUN_DIR/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    node_up && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      log "OpenSearch (pid $pid) exited during start-up; last log lines:"
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    sleep 0.5
  done
  log "no answer at $BASE_URL within ${START_TIMEOUT}s; last log lines:"
  tail -n 40 "$LOG_FILE" >&2 || true
  return 1
}

cmd_start() {
  if node_up; then
    log "an OpenSearch already answers on port $PORT; not starting another"
    echo "$BASE_URL"
    return 0
  fi
  local pid
  if pid="$(running_pid)"; then
    log "OpenSearch already starting (pid $pid); waiting for it"
    wait_ready "$pid" || exit 1
    echo "$BASE_URL"
    return 0
  fi
  if curl -s -o /dev/null -m 2 "$BASE_URL/"; then
    die "port $PORT is in use by something that is not a healthy OpenSearch; set OPENSEARCH_PORT"
  fi
  cmd_fetch
  local java_home
  java_home="$(pick_java)" || die "no Java found (set OPENSEARCH_JAVA_HOME)"
  write_config
  mkdir -p "$CACHE_DIR"
  : >"$LOG_FILE"

  local as_user=()
  if [ "$(id -u)" = "0" ]; then
    id "$RUN_AS" >/dev/null 2>&1 || die "user $RUN_AS does not exist (set OPENSEARCH_USER)"
    chown -R "$RUN_AS" "$RUN_DIR"
    chmod o+x "$CACHE_DIR"
    as_user=(setpriv "--reuid=$RUN_AS" "--regid=$(id -g "$RUN_AS")" --clear-groups --)
  fi
  log "starting OpenSearch $OS_VERSION on $BASE_URL (java: $java_home, heap $HEAP, log: ${LOG_FILE#"$ROOT"/})"
  # setsid: own process group, so the node outlives this shell and `stop` signals it whole.
  # shellcheck disable=SC2016
  (cd "$RUN_DIR" && OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_PATH_CONF="$RUN_DIR/config" OPENSEARCH_JAVA_OPTS="" \
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
    "${as_user[@]}" "$OS_HOME/bin/opensearch" </dev/null >>"$LOG_FILE" 2>&1 &)

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
  echo "$BASE_URL"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running (no live pid in ${PID_FILE#"$ROOT"/})"
    return 0
  fi
  local target="$pid"
  if [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
  log "stopping OpenSearch (pid $pid)"
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
  if node_up; then
    echo "up: $BASE_URL"
  else
    echo "down: $BASE_URL does not answer"
    return 1
  fi
}

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  fetch) shift; cmd_fetch "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
