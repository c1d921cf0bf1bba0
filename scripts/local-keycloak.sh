#!/usr/bin/env bash
# Runs the real Keycloak server for clinic-tracker, idempotently, from Maven Central's
# keycloak-quarkus-dist zip (cached in ~/.m2), because this machine has no Docker engine.
#   scripts/local-keycloak.sh          start it with realm 'clinic' (no-op if it already answers)
#   scripts/local-keycloak.sh stop     stop the server this script started
# Dev mode only: H2 database, HTTP, bootstrap admin admin/admin. Files live in .run/keycloak/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KC_VERSION=${KC_VERSION:-26.4.7}
RUN_DIR="$ROOT/.run/keycloak"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
REALM_JSON="$ROOT/keycloak/clinic-realm.json"
SUM_FILE="$RUN_DIR/clinic-realm.sha256"   # checksum of the realm JSON last imported
PID_FILE="$RUN_DIR/keycloak.pid"
LOG_FILE="$RUN_DIR/keycloak.log"
PORT=8180
BASE_URL="http://localhost:$PORT"
READY_URL="$BASE_URL/realms/clinic/.well-known/openid-configuration"
TIMEOUT=${KEYCLOAK_START_TIMEOUT:-120}

say() { echo "[keycloak] $*"; }
answers() { curl -fsS -o /dev/null --max-time 2 "$READY_URL" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
our_pid() {   # prints the PID of the server we started, if it is still alive
  [ -f "$PID_FILE" ] || return 1
  local pid; pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop() {
  local pid
  if ! pid=$(our_pid); then
    rm -f "$PID_FILE"; say "not running (no live PID in $PID_FILE)"; return 0
  fi
  say "stopping pid $pid"
  kill "$pid"   # kc.sh forwards TERM to its java child and waits for it
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30 s, killing pid $pid and its java child"
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

case "${1:-start}" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac

mkdir -p "$RUN_DIR"
realm_sum=$(sha256sum "$REALM_JSON" | cut -d' ' -f1)

if pid=$(our_pid); then
  if answers; then
    say "already running (pid $pid) at $BASE_URL; log: $LOG_FILE"
    if [ "$realm_sum" != "$(cat "$SUM_FILE" 2>/dev/null)" ]; then
      say "WARNING: keycloak/clinic-realm.json changed since the last import; run '$0 stop' and start again to re-import" >&2
    fi
    exit 0
  fi
  say "pid $pid is starting; waiting for it"
elif listening; then
  if answers; then
    say "something else already serves realm 'clinic' on port $PORT; using it as is (not started by this script)"
  else
    say "WARNING: port $PORT is taken by something that does not serve realm 'clinic'; not starting" >&2
  fi
  exit 0
else
  pid=""
fi

if [ -z "$pid" ]; then
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    # Maven keeps the ~150 MB zip in ~/.m2, so a wiped .run/ costs an unzip, not a download.
    # The kafka-broker pom is only there for Boot's pinned maven-dependency-plugin version; the
    # plugin's "already unpacked" markers go to .run/ and are overridden, as kc.sh is missing.
    say "unpacking org.keycloak:keycloak-quarkus-dist:$KC_VERSION into $RUN_DIR (first time downloads ~150 MB)"
    "$ROOT/mvnw" -q -f "$ROOT/infra/kafka-broker/pom.xml" dependency:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$RUN_DIR" \
      -Dmdep.overWriteReleases=true -DmarkersDirectory="$RUN_DIR/.unpack-markers" >&2
    chmod +x "$KC_HOME"/bin/*.sh   # the unpack does not always keep the executable bit
  fi

  # Keycloak imports a realm only if it does not exist yet, so a changed JSON needs a fresh H2 database.
  if [ "$realm_sum" != "$(cat "$SUM_FILE" 2>/dev/null)" ] && [ -d "$KC_HOME/data/h2" ]; then
    say "keycloak/clinic-realm.json changed since the last import: wiping $KC_HOME/data/h2 to re-import"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_JSON" "$KC_HOME/data/import/clinic-realm.json"

  say "starting Keycloak $KC_VERSION on $BASE_URL"
  # The bootstrap admin is created only with an empty database; dev-only credentials.
  # --hostname is pinned so the token issuer does not follow the host name a client used.
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
    nohup "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=$PORT \
      --hostname="$BASE_URL" --import-realm >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
fi

started=$(date +%s)
until answers; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    say "Keycloak exited during start-up; last lines of $LOG_FILE:" >&2
    tail -n 30 "$LOG_FILE" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -ge "$TIMEOUT" ]; then
    say "realm 'clinic' not answering after ${TIMEOUT}s (pid $pid still running); see $LOG_FILE" >&2
    exit 1
  fi
  sleep 1
done
echo "$realm_sum" >"$SUM_FILE"
say "ready at $BASE_URL after $(( $(date +%s) - started ))s (pid $pid); realm 'clinic', admin console admin/admin; log: $LOG_FILE"
