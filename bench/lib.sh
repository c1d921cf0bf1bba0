# Helpers shared by the benchmark scripts (bench/register-patients.sh, bench/followups.sh): sourced, not run.
# The script sets, before calling them: ROOT, OUT_DIR, MAX_LOAD and LOAD_WAIT (wait_for_calm_machine),
# KAFKA_PORT and KAFKA_CONTROLLER_PORT (its broker), REBUILD (build), TOKEN_USER (fetch_token), BASE and LUA
# (run_wrk), svc_pid (cpu_split: the service under load), WRITE_DOC and DOC (publish_section), and
# started_keycloak=0 started_kafka=0 wrk_pid="" (what its clean-up stops).

KC_URL="http://localhost:8180"
KC_READY_URL="$KC_URL/realms/clinic/.well-known/openid-configuration"
TOKEN_URL="$KC_URL/realms/clinic/protocol/openid-connect/token"
CORES=$(nproc)

say() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
now_ns() { date +%s%N; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }   # calc FORMAT EXPRESSION
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }
kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }   # kv KEY "RESULT k=v ...": the value of KEY
pass() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi; }   # pass CONDITION

# help_if_asked ARGS...: -h/--help prints the running script's header comment (up to `set -euo`) and exits
help_if_asked() {
  if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[-1]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
  fi
}

# require_tools TOOL...: dies on a missing one; wrk, if missing, is installed from the Debian package
require_tools() {
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is missing"; done
  if ! command -v wrk >/dev/null; then
    say "installing wrk (Debian package)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || die "could not install wrk"
  fi
}

# ---------------------------------------------------------------- CPU accounting
# cpu_total: busy and total jiffies of the whole machine (all cores), from /proc/stat
cpu_total() { awk '/^cpu /{ b = $2+$3+$4+$7+$8+$9; print b, b+$5+$6 }' /proc/stat; }
# proc_ticks: "pid<TAB>comm<TAB>utime+stime" for every process (comm may hold spaces and parentheses)
proc_ticks() {
  # a process may end between the glob and its read: cat then fails, which pipefail must not take for an error
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{
    p = index($0, " ("); n = 0
    for (i = length($0); i > p; i--) if (substr($0, i, 1) == ")") { n = i; break }
    split(substr($0, n + 2), f, " ")
    print substr($0, 1, p - 1) "\t" substr($0, p + 2, n - p - 2) "\t" f[12] + f[13] }'
}
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o "pid=[0-9]*" | head -n 1 | cut -d= -f2 || true; }
cpu_mark() {   # cpu_mark NAME: remembers the machine's and every process's CPU time now
  cpu_total >"$OUT_DIR/cpu.$1.total"
  proc_ticks >"$OUT_DIR/cpu.$1.procs"
  now_ns >"$OUT_DIR/cpu.$1.time"
}
# cpu_split A B [brief]: CPU used between marks A and B, in cores:
#   "busy service postgres loadgen infra other top_other" (busy = whole machine incl. interrupts; infra = the
#   benchmark's broker and Keycloak; the script's own bash and sleep count nowhere), or with "brief":
#   "busy service postgres loadgen other", other being everything else (broker, Keycloak and script included)
cpu_split() {
  local a=$1 b=$2 brief=${3:-} kafka_pid kc_pid busy_a total_a busy_b total_b
  kafka_pid=$(listener_pid "$KAFKA_PORT"); kc_pid=$(listener_pid 8180)
  read -r busy_a total_a <"$OUT_DIR/cpu.$a.total"
  read -r busy_b total_b <"$OUT_DIR/cpu.$b.total"
  awk -F'\t' -v svc="${svc_pid:-x}" -v kafka="${kafka_pid:-x}" -v kc="${kc_pid:-x}" -v self=$$ -v brief="$brief" \
      -v cores="$CORES" -v busy=$((busy_b - busy_a)) -v total=$((total_b - total_a)) '
    FNR == NR { before[$1 "\t" $2] = $3; next }
    ($1 "\t" $2) in before {
      d = $3 - before[$1 "\t" $2]; if (d <= 0) next
      if ($1 == svc) cat["svc"] += d
      else if ($2 == "postgres") cat["pg"] += d
      else if ($2 == "wrk" || $2 == "pgbench") cat["gen"] += d
      else if ($1 == kafka || $1 == kc) cat["infra"] += d
      else if ($1 == self || $2 == "bash" || $2 == "sleep") cat["self"] += d
      else { cat["other"] += d; if (d > topd) { topd = d; top = $2 "(" $1 ")" } }
    }
    END {
      s = cores / total   # jiffies -> cores
      if (brief != "") {
        printf "%.2f %.2f %.2f %.2f %.2f\n", busy * s, cat["svc"] * s, cat["pg"] * s, cat["gen"] * s,
          (cat["infra"] + cat["self"] + cat["other"]) * s
        exit
      }
      printf "%.2f %.2f %.2f %.2f %.2f %.2f %s\n", busy * s, cat["svc"] * s, cat["pg"] * s, cat["gen"] * s,
        cat["infra"] * s, cat["other"] * s, (top == "" ? "-" : top " " sprintf("%.2f", topd * s))
    }' "$OUT_DIR/cpu.$a.procs" "$OUT_DIR/cpu.$b.procs"
}
# cpu_of_pid PID A B: CPU the process PID used between marks A and B, in cores (0.00 if it did not run then);
# for a process cpu_split counts under "other" (e.g. the gateway in front of the service)
cpu_of_pid() {
  local busy_a total_a busy_b total_b
  read -r busy_a total_a <"$OUT_DIR/cpu.$2.total"
  read -r busy_b total_b <"$OUT_DIR/cpu.$3.total"
  awk -F'\t' -v pid="$1" -v cores="$CORES" -v total=$((total_b - total_a)) '
    $1 != pid { next }
    FNR == NR { before = $3; next }
    { d = $3 - before }
    END { printf "%.2f\n", (d > 0 ? d : 0) * cores / total }' "$OUT_DIR/cpu.$2.procs" "$OUT_DIR/cpu.$3.procs"
}
# wait_quiet: waits (max 60 s) until the machine is below 20 % busy over 2 s, so start-up is measured calmly
wait_quiet() {
  local busy_a total_a busy_b total_b pct=0
  for _ in $(seq 1 30); do
    read -r busy_a total_a < <(cpu_total); sleep 2; read -r busy_b total_b < <(cpu_total)
    pct=$(( 100 * (busy_b - busy_a) / (total_b - total_a + 1) ))
    [ "$pct" -lt 20 ] && return 0
  done
  say "machine still ${pct}% busy after 60 s; going on"
}

# wait_for_calm_machine: waits (up to LOAD_WAIT s) for the 1-minute load average to drop below MAX_LOAD, since
# other builds on the machine would distort the figures; sets load_start, waited, load_begin and busy_procs
wait_for_calm_machine() {
  load_start=$(loadavg); waited=0
  while awk "BEGIN { exit !($(loadavg) > $MAX_LOAD) }" && [ "$waited" -lt "$LOAD_WAIT" ]; do
    [ "$waited" -eq 0 ] && say "load average $(loadavg) > $MAX_LOAD (someone is building?); waiting up to ${LOAD_WAIT}s"
    sleep 30; waited=$((waited + 30))
    say "  load average $(loadavg) after ${waited}s"
  done
  load_begin=$(loadavg)
  busy_procs=$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 >= 20 { printf "%s%s(%s%%)", sep, $2, $1; sep = ", " }')
  if awk "BEGIN { exit !($load_begin > $MAX_LOAD) }"; then
    say "WARNING: load average still $load_begin after ${waited}s; figures may be distorted (busy: ${busy_procs:-none})"
  fi
  say "load average $load_begin (was $load_start, waited ${waited}s)"
}

# ---------------------------------------------------------------- infrastructure
# start_keycloak: the one of `./clinic up` (scripts/local-keycloak.sh), started if it does not answer, in which
# case started_keycloak=1 tells the clean-up to stop it again
start_keycloak() {
  if ! curl -fsS -o /dev/null --max-time 2 "$KC_READY_URL" 2>/dev/null; then started_keycloak=1; fi
  "$ROOT/scripts/local-keycloak.sh"
}
# The benchmark's broker: the dev one's script with other ports and another state directory.
bench_kafka() {
  KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT KAFKA_RUN_DIR="$OUT_DIR/kafka" \
    "$ROOT/scripts/local-kafka.sh" "$@"
}
# start_bench_kafka: the benchmark's own broker, empty every run, so its events reach no consumer of the dev
# system (the script first refuses the ports of the dev broker and of the other benchmark)
start_bench_kafka() {
  bench_kafka stop >/dev/null   # one an interrupted earlier run left behind (its PID file is in $OUT_DIR/kafka)
  if listening "$KAFKA_PORT" || listening "$KAFKA_CONTROLLER_PORT"; then
    die "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is taken by something this script did not start; set BENCH_KAFKA_PORT/BENCH_KAFKA_CONTROLLER_PORT"
  fi
  rm -rf "$OUT_DIR/kafka/data"
  started_kafka=1
  bench_kafka
}
# kafka_java CLASS ARGS...: one of Kafka's tools, from the classpath scripts/local-kafka.sh resolved
kafka_java() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$ROOT/.run/kafka/classpath.txt")" "$@"; }

build() {   # build MODULE JAR: the jar is only built when missing, or with BENCH_REBUILD=1
  if [ ! -f "$2" ] || [ "$REBUILD" = 1 ]; then
    say "building $1"
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl "$1" -am)
  fi
}

# ---------------------------------------------------------------- the services
# wait_ready NAME PID PORT LAUNCHED_NS TIMEOUT_S POLL_S: until /actuator/health/readiness answers UP
wait_ready() {
  until curl -fsS --max-time 1 "http://127.0.0.1:$3/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$2" 2>/dev/null || die "$1 exited during start-up"
    [ $(( ($(now_ns) - $4) / 1000000000 )) -lt "$5" ] || die "$1 not ready after $5 s"
    sleep "$6"
  done
}
stop_pid() {   # stop_pid NAME PID
  local name=$1 pid=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  say "stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  say "$name still alive after 30 s, killing pid $pid"; kill -9 "$pid" 2>/dev/null || true
}
# say_failed RC LOG...: after a failure, where the logs are and the last lines of the services' logs
say_failed() {
  local log
  say "failed (exit $1); logs in $OUT_DIR"; shift
  for log in "$@"; do
    if [ -f "$log" ]; then say "last lines of $log:"; tail -n 15 "$log" | sed 's/^/    /'; fi
  done
}

# ---------------------------------------------------------------- HTTP load
# fetch_token: a fresh access token of TOKEN_USER (Keycloak's password grant, dev credentials). Refused, it asks again
# every 15 s for up to 90 s: brute-force detection locks a dev user for a minute when someone else's tests sent it
# wrong passwords, and the right password then gets the same "invalid_grant" until the lock ends.
fetch_token() {
  local resp token try
  for try in 1 2 3 4 5 6 7; do
    resp=$(curl -sS --max-time 10 -d grant_type=password -d client_id=clinic-cli -d username="$TOKEN_USER" \
      -d password=clinic-dev "$TOKEN_URL") || die "Keycloak does not answer at $TOKEN_URL"
    token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$resp")
    if [ -n "$token" ]; then printf '%s' "$token"; return 0; fi
    [ "$try" -lt 7 ] || break
    say "no token for $TOKEN_USER ($resp); asking again in 15 s" >&2
    sleep 15
  done
  die "no token for $TOKEN_USER: $resp"
}
# run_wrk CLIENTS SECONDS OUTFILE MARK SCRIPT_ARGS...: loads BASE with wrk and LUA (a fresh token each time);
# with a MARK (not ""), CPU marks 1 s in and 1 s before the end
run_wrk() {
  local c=$1 d=$2 out=$3 mark=$4 threads
  shift 4
  threads=$(( c < CORES ? c : CORES ))
  BENCH_TOKEN=$(fetch_token) wrk -t "$threads" -c "$c" -d "${d}s" --timeout 10s -s "$LUA" "$BASE" -- "$@" >"$out" 2>&1 &
  wrk_pid=$!
  if [ -n "$mark" ]; then
    sleep 1; cpu_mark "$mark.a"; sleep "$((d - 2))"; cpu_mark "$mark.b"
  fi
  wait "$wrk_pid" || { wrk_pid=""; die "wrk failed: $(tail -n 5 "$out")"; }
  wrk_pid=""
  grep -q '^RESULT' "$out" || die "wrk printed no result: $(tail -n 5 "$out")"
}

# ---------------------------------------------------------------- report
describe_machine() {   # sets machine, java_ver and stamp for the report
  machine="$CORES × $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  java_ver=$(java -version 2>&1 | head -n 1)
  stamp=$(date -u '+%Y-%m-%d %H:%M UTC')
}
# publish_section SECTION: prints it, keeps it in OUT_DIR/last-section.md and, unless BENCH_WRITE_DOC=0,
# appends it to docs/benchmarks.md
publish_section() {
  echo
  echo "$1"
  echo "$1" >"$OUT_DIR/last-section.md"
  if [ "$WRITE_DOC" = 1 ]; then
    printf '\n%s\n' "$1" >>"$DOC"
    say "appended to ${DOC#"$ROOT"/}"
  fi
  say "done; raw output in ${OUT_DIR#"$ROOT"/}"
}
