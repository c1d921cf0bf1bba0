#!/usr/bin/env bash
# The gateway's CPU per request, two builds (or two settings) side by side: for comparing a change on a machine
# too busy for bench/gateway.sh's latency figures (other builds and tests running).
#
#   bench/gateway-ab.sh OLD.jar NEW.jar     e.g. a jar of main (copied aside) and gateway/target/gateway-*.jar
#
# Both gateways start at once in front of one stand-in patient service (a small Python server answering every
# GET at once with the same 3.8 kB JSON, so the service costs next to nothing and the two cores go to the
# gateways), with a real frontdesk1 token from Keycloak (it must be running, as for bench/gateway.sh). Each
# gets AB_WARMUP s of load, then AB_ROUNDS rounds of AB_DURATION s each, old then new, so drift of the machine's
# load touches both alike; from /proc, the CPU each JVM spent over its run per request (whole JVM, and its Netty
# event loops alone). Under load from others the figures are higher than on a quiet machine (shared caches,
# JIT still at work); compare the two columns of one run, not runs of different times. AB_PROFILE=1 records
# 20 s of Java Flight Recorder on each afterwards (.run/bench/gateway-ab/{old,new}.jfr; summarise them with
# `jfr print --stack-depth 64 --events jdk.ExecutionSample F.jfr | awk -f bench/jfr-summary.awk`).
#
# Settings (environment): AB_CLIENTS (4), AB_WARMUP (60), AB_ROUNDS (3), AB_DURATION (15), AB_OPTS_OLD and
# AB_OPTS_NEW (JVM flags besides "-Xmx256m -XX:+UseSerialGC"; with one jar twice, they compare two settings),
# AB_PORT (18590: old, +1 new, +2 the stand-in), AB_PROFILE (0).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT_DIR="$ROOT/.run/bench/gateway-ab"
. "$BENCH_DIR/lib.sh"
help_if_asked "$@"
[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || die "give two gateway jars (bench/gateway-ab.sh -h)"

JAR_OLD=$1 JAR_NEW=$2
CLIENTS=${AB_CLIENTS:-4} WARMUP=${AB_WARMUP:-60} ROUNDS=${AB_ROUNDS:-3} DURATION=${AB_DURATION:-15}
PORT_OLD=${AB_PORT:-18590}
PORT_NEW=$((PORT_OLD + 1)) PORT_SERVICE=$((PORT_OLD + 2))
TOKEN_USER=frontdesk1
LUA="$BENCH_DIR/gateway.lua"
mkdir -p "$OUT_DIR"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for port in "$PORT_OLD" "$PORT_NEW" "$PORT_SERVICE"; do ! listening "$port" || die "port $port is taken (AB_PORT)"; done

python3 - "$PORT_SERVICE" >"$OUT_DIR/stand-in.log" 2>&1 <<'EOF' &
import json, sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
patients = [{"id": "7b0c1f36-0000-4000-8000-%012d" % i, "familyName": "Smith", "givenName": "Patient %d" % i,
             "birthDate": "1950-01-01", "sex": "female", "phone": "+1 555 0100", "registeredAt": "2026-01-01T09:00:00Z",
             "registeredBy": "bench", "version": 1, "notes": "x" * 40} for i in range(20)]
body = json.dumps({"content": patients, "page": 0, "size": 20, "total": 793}).encode()
class StandIn(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), StandIn).serve_forever()
EOF
pids+=($!)

start_gateway() {   # start_gateway PORT JAR OPTS NAME: prints its pid
  env SERVER_PORT="$1" PATIENT_SERVICE_URL="http://127.0.0.1:$PORT_SERVICE" \
    nohup java -Xmx256m -XX:+UseSerialGC $3 -jar "$2" >"$OUT_DIR/$4.log" 2>&1 </dev/null &
  echo $!
}
pid_old=$(start_gateway "$PORT_OLD" "$JAR_OLD" "${AB_OPTS_OLD:-}" old); pids+=("$pid_old")
pid_new=$(start_gateway "$PORT_NEW" "$JAR_NEW" "${AB_OPTS_NEW:-}" new); pids+=("$pid_new")
ours() {   # ours PORT PID: that JVM is alive and is the one listening on the port (a test elsewhere may take it)
  kill -0 "$2" 2>/dev/null && ss -ltnpH "sport = :$1" | grep -q "pid=$2,"
}
for side in old new; do
  if [ "$side" = old ]; then port=$PORT_OLD pid=$pid_old; else port=$PORT_NEW pid=$pid_new; fi
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null && break
    sleep 1
  done
  ours "$port" "$pid" && curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" \
    || die "the $side gateway did not start on port $port (see $OUT_DIR/$side.log)"
done
say "both gateways ready; load average $(loadavg)"

jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
loop_ticks() {   # CPU ticks of the JVM's Netty event-loop threads
  local sum=0 task
  for task in /proc/"$1"/task/*; do
    if grep -q 'reactor-http\|epoll' "$task/comm" 2>/dev/null; then sum=$((sum + $(awk '{ print $14 + $15 }' "$task/stat"))); fi
  done
  echo "$sum"
}
load() {   # load PORT PID SECONDS: one wrk run; prints its requests, CPU per request and p50
  local t0 l0 out n hz
  ours "$1" "$2" || die "the gateway (pid $2) no longer serves port $1"
  hz=$(getconf CLK_TCK)
  t0=$(jvm_ticks "$2"); l0=$(loop_ticks "$2")
  out=$(BENCH_TOKEN="$TOKEN" wrk -t 2 -c "$CLIENTS" -d "${3}s" --timeout 10s -s "$LUA" "http://127.0.0.1:$1" -- /api/patients?q=smith 2>&1)
  n=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' <<<"$out")
  [ -n "$n" ] && [ "$n" -gt 0 ] || die "no requests answered on port $1: $out"
  grep -q 'nonok=0 socket_errors=0\|non200=0 socket_errors=0' <<<"$out" || say "WARNING: not every answer was 200: $(grep RESULT <<<"$out")"
  awk -v n="$n" -v t=$(( $(jvm_ticks "$2") - t0 )) -v l=$(( $(loop_ticks "$2") - l0 )) -v hz="$hz" -v s="$3" \
      -v p50="$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$out")" \
      'BEGIN { printf "%6d requests (%4.0f/s)  CPU per request %.3f ms (event loops %.3f ms)  p50 %s ms\n", n, n / s, t * 1000 / hz / n, l * 1000 / hz / n, p50 }'
}

TOKEN=$(fetch_token)
say "warm-up: ${WARMUP}s on each"
load "$PORT_OLD" "$pid_old" "$WARMUP" >/dev/null
load "$PORT_NEW" "$pid_new" "$WARMUP" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(fetch_token)   # Keycloak's access tokens live 5 minutes
  say "round $round old: $(load "$PORT_OLD" "$pid_old" "$DURATION")"
  say "round $round new: $(load "$PORT_NEW" "$pid_new" "$DURATION")"
done
if [ "${AB_PROFILE:-0}" = 1 ]; then
  for side in old new; do
    if [ "$side" = old ]; then port=$PORT_OLD pid=$pid_old; else port=$PORT_NEW pid=$pid_new; fi
    jcmd "$pid" JFR.start name=ab settings=profile filename="$OUT_DIR/$side.jfr" >/dev/null
    TOKEN=$(fetch_token)
    say "profile $side: $(load "$port" "$pid" 20)"
    jcmd "$pid" JFR.stop name=ab >/dev/null
  done
fi
say "load average at the end: $(loadavg)"
