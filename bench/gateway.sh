#!/usr/bin/env bash
# Benchmark of what the gateway costs (issue 8, "Performance"): the same authenticated read, a patient search,
# sent directly to patient-service and through the gateway in one run, at 1 and 4 clients.
#
#   bench/gateway.sh            run it (about 6 minutes; 1 more the first time to make the patients) and append a
#                               "gateway" section to docs/benchmarks.md
#
# What it does, in one run:
#   1. waits (up to BENCH_LOAD_WAIT s) for the 1-minute load average to drop below BENCH_MAX_LOAD;
#   2. starts what is missing: PostgreSQL (database patients_bench) and Keycloak (scripts/local-keycloak.sh, shared
#      with `./clinic up`, for a real frontdesk1 token); always starts a Kafka broker of its own, empty, on
#      127.0.0.1:19292 (controller 19293, state in .run/bench/gateway/kafka): patient-service's outbox relay wants
#      one, though a search publishes nothing; builds missing jars;
#   3. starts patient-service (`java -jar`, port 18381 or the next free one) against patients_bench and, unless
#      they are there, makes the 100,000 charts of bench/gateway-patients.sql (registered_by 'bench-gateway', family
#      names spread as in the US census, so "smith" matches about 800 of them), then ANALYZE;
#   4. starts the gateway (`java -jar`, port 18480 or the next free one) with PATIENT_SERVICE_URL pointing at that
#      patient-service;
#   5. smoke test: the same GET (BENCH_PATH, /api/patients?q=smith) directly and through the gateway must both
#      answer 200 with the same body; the headers the gateway adds or drops are recorded;
#   6. warm-up: BENCH_WARMUP s at 4 clients through the gateway, in 10 s windows (each request runs the
#      service's code too, so both JVMs warm up), then 10 s directly (none of it counted; the curves are printed);
#   7. per level (BENCH_LEVELS, 1 and 4 clients): BENCH_ROUNDS rounds of "directly, then through the gateway",
#      BENCH_DURATION s each, with wrk (bench/gateway.lua, a fresh frontdesk1 token per run, every non-200 counted),
#      so drift of the machine touches both paths alike; CPU of the service, the gateway, PostgreSQL and wrk from
#      /proc for each run;
#   8. profile: BENCH_PROFILE s more at 4 clients through the gateway (not counted) with Java Flight Recorder on
#      the gateway, summarised by bench/jfr-summary.awk as the share of its Java CPU samples per part (JWT check,
#      Spring Security, routing, Netty, ...), and its CPU per thread group (event loops, JIT, GC) from /proc;
#   9. per path and level: the median over the rounds of p50/p90/p99, the largest max, req/s over all rounds; the
#      gateway's cost as the median over rounds of (gateway − direct) of the same round; target at 4 clients:
#      at most +2 ms at p50 and +5 ms at p99; prints the table and appends a dated section to docs/benchmarks.md.
# It stops what it started (both JVMs, the broker, Keycloak if it was not running), also on errors, and deletes the
# audit rows its searches wrote (a search audits every patient it lists: 20 rows per request).
#
# Settings (environment): BENCH_LEVELS ("1 4"), BENCH_ROUNDS (3), BENCH_DURATION (15, seconds per run),
# BENCH_WARMUP (120), BENCH_PATH (/api/patients?q=smith), BENCH_PATIENTS (100000), BENCH_PORT (18381, the service),
# BENCH_GATEWAY_PORT (18480), BENCH_JAVA_OPTS ("-Xmx256m -XX:+UseSerialGC", both JVMs),
# BENCH_GATEWAY_JAVA_OPTS (BENCH_JAVA_OPTS), BENCH_MAX_LOAD (1.0), BENCH_LOAD_WAIT (600), BENCH_WRITE_DOC (1; 0 only
# prints), BENCH_NOTE, BENCH_REBUILD (0; 1 rebuilds both jars), BENCH_KAFKA_PORT (19292),
# BENCH_KAFKA_CONTROLLER_PORT (19293), BENCH_PROFILE (30, seconds of step 8; 0 skips it). Logs and raw output go to
# .run/bench/gateway/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
OUT_DIR="$ROOT/.run/bench/gateway"
DOC="$ROOT/docs/benchmarks.md"
SVC_JAR="$ROOT/patient-service/target/patient-service-0.1.0-SNAPSHOT.jar"
GW_JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar"
DATA_SQL="$BENCH_DIR/gateway-patients.sql"
LUA="$BENCH_DIR/gateway.lua"

LEVELS=${BENCH_LEVELS:-"1 4"}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-120}
READ_PATH=${BENCH_PATH:-"/api/patients?q=smith"}
PATIENTS=${BENCH_PATIENTS:-100000}
PORT=${BENCH_PORT:-18381}
GW_PORT=${BENCH_GATEWAY_PORT:-18480}
JAVA_OPTS=${BENCH_JAVA_OPTS-"-Xmx256m -XX:+UseSerialGC"}
GW_JAVA_OPTS=${BENCH_GATEWAY_JAVA_OPTS-$JAVA_OPTS}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-600}
WRITE_DOC=${BENCH_WRITE_DOC:-1}
NOTE=${BENCH_NOTE:-}
REBUILD=${BENCH_REBUILD:-0}
PROFILE_S=${BENCH_PROFILE:-30}   # 0 skips the profile of step 8
KAFKA_PORT=${BENCH_KAFKA_PORT:-19292}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19293}
REF=4                      # the level the targets are read at
TARGET_P50=2 TARGET_P99=5  # ms the gateway may add there

DB=patients_bench
TOKEN_USER=frontdesk1
export PGPASSWORD=clinic
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U clinic -d "$DB")

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"   # say, die, calc, CPU accounting, Keycloak and the broker, wrk, the report's output
help_if_asked "$@"

mkdir -p "$OUT_DIR"
SVC_LOG="$OUT_DIR/patient-service.log"
GW_LOG="$OUT_DIR/gateway.log"
rm -f "$SVC_LOG" "$GW_LOG"
started_keycloak=0 started_kafka=0 svc_pid="" gw_pid="" wrk_pid="" run_began=""

# ---------------------------------------------------------------- clean-up of what this run started
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -z "$wrk_pid" ] || kill "$wrk_pid" 2>/dev/null || true
  stop_pid gateway "$gw_pid"
  stop_pid patient-service "$svc_pid"
  if [ -n "$run_began" ]; then   # the audit rows of this run's searches, so the table stays the same size
    "${PSQL[@]}" -c "DELETE FROM audit_entry WHERE action = 'PATIENT_LISTED' AND at >= '$run_began'" 2>/dev/null || true
  fi
  if [ "$started_keycloak" = 1 ]; then "$ROOT/scripts/local-keycloak.sh" stop || true; fi
  if [ "$started_kafka" = 1 ]; then bench_kafka stop || true; fi
  if [ "$rc" -ne 0 ]; then say_failed "$rc" "$SVC_LOG" "$GW_LOG"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
require_tools java curl psql awk ss cmp jcmd jfr
for f in "$DATA_SQL" "$LUA" "$BENCH_DIR/wrk-report.lua" "$BENCH_DIR/jfr-summary.awk"; do [ -f "$f" ] || die "missing $f"; done
[ "$ROUNDS" -ge 1 ] && [ "$DURATION" -ge 5 ] || die "BENCH_ROUNDS must be at least 1 and BENCH_DURATION at least 5"

# ---------------------------------------------------------------- 1. wait for a calm machine
wait_for_calm_machine

# ---------------------------------------------------------------- 2. infrastructure
CLINIC_DATABASES=$DB "$ROOT/scripts/local-postgres.sh"
start_keycloak
case " 9092 19092 19192 " in *" $KAFKA_PORT "*) die "port $KAFKA_PORT belongs to the dev broker or another benchmark's; pick another BENCH_KAFKA_PORT" ;; esac
start_bench_kafka

build patient-service "$SVC_JAR"
build gateway "$GW_JAR"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
jar_info="patient-service $(date -u -r "$SVC_JAR" '+%H:%M'), gateway $(date -u -r "$GW_JAR" '+%Y-%m-%d %H:%M UTC')"
# The jars are only built when missing: say so when sources changed after they were built.
stale=$(find "$ROOT"/gateway/src/main "$ROOT"/platform-core/src/main -type f -newer "$GW_JAR" | wc -l)
stale=$((stale + $(find "$ROOT"/patient-service/src/main "$ROOT"/platform/src/main -type f -newer "$SVC_JAR" | wc -l)))
if [ "$stale" -gt 0 ]; then say "NOTE: $stale source file(s) changed after the jars were built; BENCH_REBUILD=1 rebuilds them"; fi
gw_commit=$(git -C "$ROOT" log -1 --format='%h %s' -- gateway 2>/dev/null | cut -c1-100 || echo unknown)

# ---------------------------------------------------------------- 3. patient-service and its patients
start_jvm() {   # start_jvm NAME PORT LOG JAVA_OPTS JAR [VAR=value...]: sets started_pid, started_s
  local name=$1 port=$2 log=$3 opts=$4 jar=$5 t_launch
  shift 5
  wait_quiet
  t_launch=$(now_ns)
  # shellcheck disable=SC2086 # opts holds several flags
  env SERVER_PORT="$port" "$@" nohup java $opts -jar "$jar" >"$log" 2>&1 </dev/null &
  started_pid=$!
  wait_ready "$name" "$started_pid" "$port" "$t_launch" 180 0.2
  started_s=$(calc %.1f "($(now_ns) - $t_launch) / 1e9")
  say "$name ready on port $port after ${started_s}s"
}
while listening "$PORT"; do PORT=$((PORT + 1)); [ "$PORT" -lt 18400 ] || die "no free port in 18381-18399"; done
say "starting patient-service on port $PORT against $DB: java $JAVA_OPTS -jar $(basename "$SVC_JAR")"
start_jvm patient-service "$PORT" "$SVC_LOG" "$JAVA_OPTS" "$SVC_JAR" \
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
svc_pid=$started_pid svc_start_s=$started_s

seeded=$("${PSQL[@]}" -c "SELECT count(*) FROM patient WHERE registered_by = 'bench-gateway'")
made_s=""
if [ "$seeded" != "$PATIENTS" ]; then
  say "making $PATIENTS patients in $DB (bench/gateway-patients.sql; there were $seeded); takes about a minute"
  t0=$(now_ns)
  "${PSQL[@]}" -v patients="$PATIENTS" -f "$DATA_SQL" >"$OUT_DIR/patients.log" 2>&1 ||
    { tail -n 20 "$OUT_DIR/patients.log" >&2; die "making the patients failed"; }
  made_s=$(calc %.0f "($(now_ns) - $t0) / 1e9")
fi
"${PSQL[@]}" -c "ANALYZE patient"
read -r all_patients audit_rows <<<"$("${PSQL[@]}" -F ' ' -c "SELECT (SELECT count(*) FROM patient), (SELECT count(*) FROM audit_entry)")"
run_began=$("${PSQL[@]}" -c "SELECT now()")

# ---------------------------------------------------------------- 4. the gateway in front of it
while listening "$GW_PORT"; do GW_PORT=$((GW_PORT + 1)); [ "$GW_PORT" -lt 18500 ] || die "no free port in 18480-18499"; done
say "starting the gateway on port $GW_PORT (patients routed to 127.0.0.1:$PORT): java $GW_JAVA_OPTS -jar $(basename "$GW_JAR")"
start_jvm gateway "$GW_PORT" "$GW_LOG" "$GW_JAVA_OPTS" "$GW_JAR" PATIENT_SERVICE_URL="http://127.0.0.1:$PORT"
gw_pid=$started_pid gw_start_s=$started_s
DIRECT="http://127.0.0.1:$PORT" GATEWAY="http://127.0.0.1:$GW_PORT"

# ---------------------------------------------------------------- 5. smoke test
token=$(fetch_token)
for path in direct gateway; do
  if [ "$path" = direct ]; then base=$DIRECT; else base=$GATEWAY; fi
  code=$(curl -sS -D "$OUT_DIR/smoke-$path.headers" -o "$OUT_DIR/smoke-$path.json" -w '%{http_code}' \
    -H "Authorization: Bearer $token" -H 'Accept: application/json' "$base$READ_PATH")
  [ "$code" = 200 ] || die "$READ_PATH $path answered $code: $(head -c 400 "$OUT_DIR/smoke-$path.json")"
done
cmp -s "$OUT_DIR/smoke-direct.json" "$OUT_DIR/smoke-gateway.json" ||
  die "the gateway's answer differs from the service's (see $OUT_DIR/smoke-*.json)"
body_bytes=$(wc -c <"$OUT_DIR/smoke-direct.json")
page_items=$(grep -o '"mrn":' "$OUT_DIR/smoke-direct.json" | wc -l)
total_hits=$(sed -n 's/.*"totalElements":\([0-9]*\).*/\1/p' "$OUT_DIR/smoke-direct.json" | head -n 1)
# header names only in one of the two answers (Date and the like are in both)
header_names() { sed -n 's/^\([A-Za-z0-9-]*\):.*/\1/p' "$OUT_DIR/smoke-$1.headers" | tr 'A-Z' 'a-z' | sort -u; }
added_headers=$(comm -13 <(header_names direct) <(header_names gateway) | paste -sd ' ' -)
dropped_headers=$(comm -23 <(header_names direct) <(header_names gateway) | paste -sd ' ' -)
say "smoke: 200 both ways, same $body_bytes-byte body ($page_items patients, total ${total_hits:-?}); gateway adds: ${added_headers:-nothing}; drops: ${dropped_headers:-nothing}"

# ---------------------------------------------------------------- 6. warm-up
LUA_ARGS=("$READ_PATH")
rate() { calc %.0f "$(kv requests "$1") / ($(kv duration_us "$1") / 1e6)"; }
say "warm-up: ${WARMUP}s at 4 clients through the gateway in 10 s windows, then 10 s directly (not counted)"
warm_curve="" w=0
BASE=$GATEWAY
while [ $((w * 10)) -lt "$WARMUP" ]; do
  run_wrk 4 10 "$OUT_DIR/wrk-warmup.txt" "" "${LUA_ARGS[@]}"
  r=$(grep '^RESULT' "$OUT_DIR/wrk-warmup.txt")
  [ "$(kv non200 "$r")" = 0 ] || die "warm-up got non-200 answers: $(grep NON200 "$OUT_DIR/wrk-warmup.txt" | head -n 2)"
  warm_curve+="${warm_curve:+, }$(rate "$r")"
  w=$((w + 1))
done
BASE=$DIRECT
run_wrk 4 10 "$OUT_DIR/wrk-warmup-direct.txt" "" "${LUA_ARGS[@]}"
warm_direct=$(rate "$(grep '^RESULT' "$OUT_DIR/wrk-warmup-direct.txt")")
say "  req/s per window through the gateway: $warm_curve; then directly: $warm_direct"

# ---------------------------------------------------------------- 7. direct and gateway, alternately
# thread_ticks PID: "tid<TAB>group<TAB>utime+stime" per thread of the JVM, grouped by what the thread does
thread_ticks() {
  cat /proc/"$1"/task/[0-9]*/stat 2>/dev/null | awk '{
    p = index($0, " ("); n = 0
    for (i = length($0); i > p; i--) if (substr($0, i, 1) == ")") { n = i; break }
    name = substr($0, p + 2, n - p - 2); split(substr($0, n + 2), f, " ")
    if (name ~ /^reactor-http/) g = "event loops"
    else if (name ~ /Compiler/) g = "JIT compiler"
    else if (name ~ /^(VM Thread|GC |G1 )/) g = "GC and safepoints"
    else g = "other threads"
    print substr($0, 1, p - 1) "\t" g "\t" f[12] + f[13] }'
}
# group_ticks A B: "group ticks" per thread group between two thread_ticks files
group_ticks() {
  awk -F'\t' 'FNR == NR { before[$1] = $3; next } { d = $3 - before[$1]; if (d > 0) g[$2] += d }
    END { for (k in g) print k "\t" g[k] }' "$1" "$2"
}
# per run: "req_per_s p50 p90 p99 max bad" and "busy service gateway postgres wrk rest" (cores)
declare -A RUN CPU TOP GREQ GTICKS
for c in $LEVELS; do
  for r in $(seq 1 "$ROUNDS"); do
    for path in direct gateway; do
      if [ "$path" = direct ]; then BASE=$DIRECT; else BASE=$GATEWAY; fi
      k="$c/$r/$path" mark="$path$c-$r"
      thread_ticks "$gw_pid" >"$OUT_DIR/gw-threads-$mark.a"
      run_wrk "$c" "$DURATION" "$OUT_DIR/wrk-$path-c$c-r$r.txt" "$mark" "${LUA_ARGS[@]}"
      thread_ticks "$gw_pid" >"$OUT_DIR/gw-threads-$mark.b"
      res=$(grep '^RESULT' "$OUT_DIR/wrk-$path-c$c-r$r.txt")
      if [ "$path" = gateway ]; then   # the gateway's CPU per thread group, summed over the level's rounds
        GREQ[$c]=$(( ${GREQ[$c]:-0} + $(kv requests "$res") ))
        while IFS=$'\t' read -r group ticks; do GTICKS[$c/$group]=$(( ${GTICKS[$c/$group]:-0} + ticks )); done \
          < <(group_ticks "$OUT_DIR/gw-threads-$mark.a" "$OUT_DIR/gw-threads-$mark.b")
      fi
      RUN[$k]="$(calc %.1f "$(kv requests "$res") / ($(kv duration_us "$res") / 1e6)") $(kv p50_ms "$res") $(kv p90_ms "$res") $(kv p99_ms "$res") $(kv max_ms "$res") $(( $(kv non200 "$res") + $(kv socket_errors "$res") ))"
      read -r busy svc pg gen infra other top <<<"$(cpu_split "$mark.a" "$mark.b")"
      TOP[$k]=$top   # the busiest process of "other" (the gateway itself when it runs)
      gw=$(cpu_of_pid "$gw_pid" "$mark.a" "$mark.b")
      CPU[$k]="$busy $svc $gw $pg $gen $(calc %.2f "$infra + $other - $gw")"
      read -r tps p50 _ p99 _ bad <<<"${RUN[$k]}"
      say "$c client(s), round $r, $path: $tps req/s, p50 $p50 ms, p99 $p99 ms, non-200/socket errors $bad; CPU (busy service gateway postgres wrk rest) ${CPU[$k]}"
      if grep -q '^NON200' "$OUT_DIR/wrk-$path-c$c-r$r.txt"; then say "  $(grep '^NON200' "$OUT_DIR/wrk-$path-c$c-r$r.txt" | head -n 2 | tr '\n' ' ')"; fi
    done
  done
done
# ---------------------------------------------------------------- 8. where the gateway's CPU goes
profile_part="(skipped: BENCH_PROFILE=0)"
if [ "$PROFILE_S" -gt 0 ]; then
  say "profile: ${PROFILE_S}s at 4 clients through the gateway with Java Flight Recorder on the gateway (not counted)"
  thread_ticks "$gw_pid" >"$OUT_DIR/gw-threads.a"
  jcmd "$gw_pid" JFR.start name=bench settings=profile filename="$OUT_DIR/gateway.jfr" >"$OUT_DIR/jfr.log" 2>&1 ||
    die "JFR.start failed: $(tail -n 3 "$OUT_DIR/jfr.log")"
  BASE=$GATEWAY
  run_wrk 4 "$PROFILE_S" "$OUT_DIR/wrk-profile.txt" profile "${LUA_ARGS[@]}"
  jcmd "$gw_pid" JFR.stop name=bench >>"$OUT_DIR/jfr.log" 2>&1 || die "JFR.stop failed: $(tail -n 3 "$OUT_DIR/jfr.log")"
  thread_ticks "$gw_pid" >"$OUT_DIR/gw-threads.b"
  prof=$(grep '^RESULT' "$OUT_DIR/wrk-profile.txt")
  prof_tps=$(rate "$prof")
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT_DIR/gateway.jfr" >"$OUT_DIR/gateway-samples.txt"
  awk -f "$BENCH_DIR/jfr-summary.awk" "$OUT_DIR/gateway-samples.txt" >"$OUT_DIR/gateway-profile.tsv"
  samples=$(awk -F'\t' '$1 == "SAMPLES" { print $2 }' "$OUT_DIR/gateway-profile.tsv")
  [ "${samples:-0}" -gt 0 ] || die "the recording holds no CPU samples (see $OUT_DIR/gateway-samples.txt)"
  parts=$(awk -F'\t' -v n="$samples" '$1 == "PART" { printf "%s\t| %s | %d | %.0f %% |\n", $2, $3, $2, 100 * $2 / n }' \
    "$OUT_DIR/gateway-profile.tsv" | sort -t$'\t' -k1,1nr | cut -f2-)
  tops=$(awk -F'\t' -v n="$samples" '$1 == "TOP" { printf "%s\t| `%s` | %d | %.1f %% |\n", $2, $3, $2, 100 * $2 / n }' \
    "$OUT_DIR/gateway-profile.tsv" | sort -t$'\t' -k1,1nr | awk 'NR <= 12' | cut -f2-)
  # CPU per thread group over the profile's load, in cores and in ms per request
  groups=$(group_ticks "$OUT_DIR/gw-threads.a" "$OUT_DIR/gw-threads.b" |
    awk -F'\t' -v secs="$PROFILE_S" -v hz="$(getconf CLK_TCK)" '{ printf "%s %.2f cores\n", $1, $2 / hz / secs }' | sort | paste -sd ';' - | sed 's/;/; /g')
  profile_part="Java Flight Recorder (\`settings=profile\`: a Java stack sampled about every 10 ms per running thread) on the gateway during ${PROFILE_S}s more at 4 clients through it (${prof_tps} req/s, p50 $(kv p50_ms "$prof") ms, p99 $(kv p99_ms "$prof") ms; not counted above). CPU of its threads over that load (from /proc): ${groups}.

Its $samples Java CPU samples, each given to the first frame from the top of its stack that belongs to a known part (bench/jfr-summary.awk; the recording is in .run/bench/gateway/gateway.jfr):

| part | samples | share |
|---|---:|---:|
$parts

Methods most often on top of the stack:

| method | samples | share |
|---|---:|---:|
$tops"
fi
stop_pid gateway "$gw_pid"; gw_pid=""
stop_pid patient-service "$svc_pid"; svc_pid=""

# ---------------------------------------------------------------- 9. report
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mean() { tr ' ' '\n' | grep -v '^$' | awk '{ s += $1 } END { printf "%.2f", s / NR }'; }
largest() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1; }
field() { echo "$1" | cut -d' ' -f"$2"; }   # field "a b c" N
signed() { calc %+.2f "$1"; }

declare -A AGG DIFF CPUAVG
table="| clients | path | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 |
|---:|---|---:|---:|---:|---:|---:|---:|"
diff_table="| clients | p50 | p90 | p99 | req/s | per round (gateway − direct): p50 / p99 |
|---:|---:|---:|---:|---:|---|"
cpu_table="| clients | path | CPU busy, of $CORES cores | patient-service | gateway | PostgreSQL | wrk | rest | service CPU per request | gateway CPU per request |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
rounds_table="| clients | round | path | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 | CPU busy (service + gateway + PostgreSQL + wrk + rest) | busiest other process |
|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
bad_total=0
for c in $LEVELS; do
  for path in direct gateway; do
    col() { local r out=""; for r in $(seq 1 "$ROUNDS"); do out+=" $(field "${RUN[$c/$r/$path]}" "$1")"; done; echo "$out"; }
    cpucol() { local r out=""; for r in $(seq 1 "$ROUNDS"); do out+=" $(field "${CPU[$c/$r/$path]}" "$1")"; done; echo "$out"; }
    tps=$(col 1 | mean); p50=$(col 2 | median); p90=$(col 3 | median); p99=$(col 4 | median); max=$(col 5 | largest)
    bad=$(col 6 | tr ' ' '\n' | awk '{ s += $1 } END { print s + 0 }')
    bad_total=$((bad_total + bad))
    AGG[$c/$path]="$tps $p50 $p90 $p99 $max $bad"
    table+="
| $c | $path | $tps | $p50 | $p90 | $p99 | $max | $bad |"
    CPUAVG[$c/$path]="$(cpucol 1 | mean) $(cpucol 2 | mean) $(cpucol 3 | mean) $(cpucol 4 | mean) $(cpucol 5 | mean) $(cpucol 6 | mean)"
    read -r cb cs cg cp cw co <<<"${CPUAVG[$c/$path]}"
    gw_per_req="-"
    [ "$path" = direct ] || gw_per_req="$(calc %.2f "1000 * $cg / $tps") ms"
    cpu_table+="
| $c | $path | $cb | $cs | $cg | $cp | $cw | $co | $(calc %.2f "1000 * $cs / $tps") ms | $gw_per_req |"
    for r in $(seq 1 "$ROUNDS"); do
      read -r rt r50 r90 r99 rmax rbad <<<"${RUN[$c/$r/$path]}"
      read -r cb cs cg cp cw co <<<"${CPU[$c/$r/$path]}"
      rounds_table+="
| $c | $r | $path | $rt | $r50 | $r90 | $r99 | $rmax | $rbad | $cb ($cs + $cg + $cp + $cw + $co) | ${TOP[$c/$r/$path]} |"
    done
  done
  # the gateway's cost: per round gateway − direct of the same round, then the median over rounds
  d50="" d90="" d99="" per_round=""
  for r in $(seq 1 "$ROUNDS"); do
    dd50=$(calc %.3f "$(field "${RUN[$c/$r/gateway]}" 2) - $(field "${RUN[$c/$r/direct]}" 2)")
    dd90=$(calc %.3f "$(field "${RUN[$c/$r/gateway]}" 3) - $(field "${RUN[$c/$r/direct]}" 3)")
    dd99=$(calc %.3f "$(field "${RUN[$c/$r/gateway]}" 4) - $(field "${RUN[$c/$r/direct]}" 4)")
    d50+=" $dd50" d90+=" $dd90" d99+=" $dd99"
    per_round+="${per_round:+; }$(signed "$dd50") / $(signed "$dd99")"
  done
  DIFF[$c]="$(echo "$d50" | median) $(echo "$d90" | median) $(echo "$d99" | median)"
  read -r m50 m90 m99 <<<"${DIFF[$c]}"
  dtps=$(calc %+.1f "100 * ($(field "${AGG[$c/gateway]}" 1) - $(field "${AGG[$c/direct]}" 1)) / $(field "${AGG[$c/direct]}" 1)")
  diff_table+="
| $c | $(signed "$m50") ms | $(signed "$m90") ms | $(signed "$m99") ms | $dtps % | $per_round |"
done

has_ref=0
case " $LEVELS " in *" $REF "*) has_ref=1 ;; esac
targets="- (not measured: BENCH_LEVELS has no $REF)"
t_p50=- t_p99=-
if [ "$has_ref" = 1 ]; then
  read -r m50 _ m99 <<<"${DIFF[$REF]}"
  t_p50=$(pass "$m50 <= $TARGET_P50"); t_p99=$(pass "$m99 <= $TARGET_P99")
  targets="- p50 through the gateway at most ${TARGET_P50} ms above direct at $REF clients: $(signed "$m50") ms — $t_p50
- p99 through the gateway at most ${TARGET_P99} ms above direct at $REF clients: $(signed "$m99") ms — $t_p99"
fi

describe_machine
pg_ver=$("${PSQL[@]}" -c "SELECT current_setting('server_version')")
valid="valid: every request answered 200"
[ "$bad_total" = 0 ] || valid="**not valid: $bad_total non-200 answers or socket errors**"

# What the gateway's share of the CPU says, at the reference level (or the last one).
lvl=$REF; [ "$has_ref" = 1 ] || lvl=$(echo "$LEVELS" | awk '{ print $NF }')
read -r db_ ds_ _ dp_ dw_ do_ <<<"${CPUAVG[$lvl/direct]}"
read -r gb_ gs_ gg_ gp_ gw_ go_ <<<"${CPUAVG[$lvl/gateway]}"
gtps=$(field "${AGG[$lvl/gateway]}" 1) dtps_=$(field "${AGG[$lvl/direct]}" 1)
cost="At $lvl clients through the gateway the $CORES cores were $gb_ busy (directly: $db_): the gateway JVM took $gg_ cores, $(calc %.2f "1000 * $gg_ / $gtps") ms of CPU per request, beside patient-service's $(calc %.2f "1000 * $gs_ / $gtps") ms (directly: $(calc %.2f "1000 * $ds_ / $dtps_") ms), PostgreSQL's $(calc %.2f "1000 * $gp_ / $gtps") ms and wrk's $(calc %.2f "1000 * $gw_ / $gtps") ms. On $CORES cores the gateway does not run beside the service, it runs instead of it: every millisecond of CPU it spends per request is taken from the service, PostgreSQL and wrk, so once the cores are busy the gateway's cost shows as its own work plus the queueing it causes for the others, not as its work alone. On a machine where the gateway has cores of its own, the added latency is its own work and one more local round trip."

# the gateway's CPU per request by thread group at that level, over its rounds
hz=$(getconf CLK_TCK) by_thread=""
for group in "event loops" "JIT compiler" "GC and safepoints" "other threads"; do
  by_thread+="${by_thread:+, }$group $(calc %.2f "1000 * ${GTICKS[$lvl/$group]:-0} / $hz / ${GREQ[$lvl]}") ms"
done
cost+=" Of the gateway's CPU per request at $lvl clients, by its threads (/proc, over the rounds): $by_thread."

made_part="kept from an earlier run"
[ -z "$made_s" ] || made_part="made in this run in ${made_s} s"
stale_part=""; waited_part=""
if [ "$stale" -gt 0 ]; then stale_part="; $stale main source file(s) are newer than the jars"; fi
if [ "$waited" -gt 0 ]; then waited_part=" after waiting ${waited}s (it was $load_start)"; fi

section="## $stamp — gateway

Machine: $machine; PostgreSQL $pg_ver; $java_ver. Commit $commit (gateway last changed by: $gw_commit); jars built $jar_info$stale_part.
Load average (1 min) at the start: $load_begin$waited_part; busy processes at the start: ${busy_procs:-none}. JVM flags: \`${JAVA_OPTS:-(none)}\` (patient-service), \`${GW_JAVA_OPTS:-(none)}\` (gateway); patient-service ready ${svc_start_s}s, the gateway ${gw_start_s}s after \`java -jar\`.

The read: \`GET $READ_PATH\` with a frontdesk1 token from Keycloak, the same request every time: a first page of $page_items patients out of ${total_hits:-?} matches, $body_bytes bytes, the same bytes both ways (the gateway adds the headers: ${added_headers:-none}; drops: ${dropped_headers:-none}). Data: $DB, $all_patients patients, of which $PATIENTS from bench/gateway-patients.sql ($made_part); $audit_rows audit rows at the start (each search adds 20, deleted after the run). Directly: \`$DIRECT\`; through the gateway: \`$GATEWAY\` → the same patient-service.
wrk (threads = min(clients, $CORES)) after a ${WARMUP}s warm-up at 4 clients through the gateway (req/s per 10 s: $warm_curve; then 10 s directly: $warm_direct); then per level $ROUNDS rounds of ${DURATION}s directly, then ${DURATION}s through the gateway. Result: $valid.

Per path (p50/p90/p99: median over the rounds; max: largest; req/s: mean over the rounds):

$table

What the gateway adds (median over the rounds of gateway − direct in the same round):

$diff_table

Targets (at $REF clients, on $CORES cores shared by wrk, the gateway, patient-service and PostgreSQL):

$targets

CPU (cores, from /proc over each run minus its first and last second, mean over the rounds; rest = Keycloak, the broker and everything else):

$cpu_table

$cost

Where the gateway's CPU goes:

$profile_part

Every run:

$rounds_table
${NOTE:+
$NOTE
}"

publish_section "$section"
