#!/usr/bin/env bash
# Benchmark of patient registration (POST /api/patients of patient-service) against PostgreSQL's own
# ceiling for the same transaction, plus the service's start time and idle memory.
#
#   bench/register-patients.sh            run it (about 5 minutes) and append the results to docs/benchmarks.md
#
# What it does, in one run:
#   1. waits (up to BENCH_LOAD_WAIT s) for the 1-minute load average to drop below BENCH_MAX_LOAD, since
#      other builds on the machine would distort the figures;
#   2. starts what is missing: PostgreSQL (scripts/local-postgres.sh, plus database patients_bench) and
#      Keycloak (scripts/local-keycloak.sh, shared with `./clinic up`); always starts a Kafka broker of its
#      own, empty, on 127.0.0.1:19092 (scripts/local-kafka.sh with KAFKA_PORT/KAFKA_RUN_DIR, state in
#      .run/bench/kafka), so its registrations never reach the dev broker on 9092; builds the jar if missing;
#   3. starts patient-service with `java -jar` on a free port (18081 first) against patients_bench and the
#      benchmark's broker, and measures the time to /actuator/health/readiness UP, Spring's "Started ... in
#      X seconds", and VmRSS after BENCH_IDLE s of idling;
#   4. with a fresh frontdesk1 token per level, loads POST /api/patients with wrk (bench/register-patients.lua:
#      a unique patient per request, every non-201 counted) at 1, 4 and 16 clients, after a warm-up at
#      4 clients long enough for the JIT to settle (its tx/s curve is printed, not counted). During each
#      level the outbox backlog (PENDING rows) is sampled every 0.5 s; after it, the commit-to-Kafka delay
#      of the level's events (published_at - occurred_at) is read from the outbox. Then a burst of
#      BENCH_RELAY_BURST copies of published events is put in the outbox at once and the time the relay
#      takes to publish them gives its capacity (events/s), to compare with the best write rate;
#   5. stops the service and runs pgbench with bench/register-patient.pgbench.sql (the same SQL in the same
#      transaction) at the same client counts on the same database;
#   6. prints the table and the targets, and appends a dated section to docs/benchmarks.md.
# It stops what it started (service, and Keycloak/Kafka if they were not running before), also on errors.
#
# Settings (environment): BENCH_LEVELS ("1 4 16"), BENCH_DURATION (20, seconds per level and tool),
# BENCH_WARMUP (120, in 10 s windows at 4 clients), BENCH_IDLE (10), BENCH_JAVA_OPTS (see JAVA_OPTS below), BENCH_PORT (18081),
# BENCH_MAX_LOAD (1.0), BENCH_LOAD_WAIT (600), BENCH_WRITE_DOC (1; 0 only prints),
# BENCH_NOTE (a sentence added to the doc section), BENCH_REBUILD (0; 1 rebuilds the jar),
# BENCH_KAFKA_PORT (19092) and BENCH_KAFKA_CONTROLLER_PORT (19093) for the benchmark's broker,
# BENCH_RELAY_BURST (20000 events; 0 skips the capacity measurement). The service's own variables
# (OUTBOX_POLL_INTERVAL, DB_POOL_SIZE...) pass through to it.
# Logs and raw tool output go to .run/bench/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
OUT_DIR="$ROOT/.run/bench"
DOC="$ROOT/docs/benchmarks.md"
JAR="$ROOT/patient-service/target/patient-service-0.1.0-SNAPSHOT.jar"
LUA="$BENCH_DIR/register-patients.lua"
PGBENCH_SQL="$BENCH_DIR/register-patient.pgbench.sql"

LEVELS=${BENCH_LEVELS:-"1 4 16"}
DURATION=${BENCH_DURATION:-20}
# C2 needs about two minutes of load on 2 cores before tx/s stops climbing (measured: 10 s in, the JVM
# spends ~8 ms CPU per registration; after 2 min, ~1.7 ms). A shorter warm-up measures a cold JIT.
WARMUP=${BENCH_WARMUP:-120}
IDLE=${BENCH_IDLE:-10}
# Chosen by measurement, see docs/benchmarks.md ("JVM flags"): a small heap with the serial collector
# costs nothing in throughput on 2 cores and keeps RSS and start time down; C2 stays on (TieredStopAtLevel=1
# would start faster but halves throughput).
JAVA_OPTS=${BENCH_JAVA_OPTS-"-Xmx256m -XX:+UseSerialGC"}
PORT=${BENCH_PORT:-18081}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-600}
WRITE_DOC=${BENCH_WRITE_DOC:-1}
NOTE=${BENCH_NOTE:-}
REBUILD=${BENCH_REBUILD:-0}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19093}
RELAY_BURST=${BENCH_RELAY_BURST:-20000}

DB=patients_bench
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
TOKEN_USER=frontdesk1
export PGPASSWORD=clinic
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U clinic -d "$DB")

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"   # say, die, calc, CPU accounting, Keycloak and the broker, wrk, the report's output
help_if_asked "$@"

mkdir -p "$OUT_DIR"
SVC_LOG="$OUT_DIR/patient-service.log"
GC_LOG="$OUT_DIR/gc.log"
started_keycloak=0 started_kafka=0 svc_pid="" sampler_pid="" wrk_pid="" pgb_pid=""

# ---------------------------------------------------------------- clean-up of what this run started
stop_sampler() {
  [ -n "$sampler_pid" ] || return 0
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
}
stop_service() { stop_pid patient-service "$svc_pid"; svc_pid=""; }
stop_infra() {
  if [ "$started_keycloak" = 1 ]; then "$ROOT/scripts/local-keycloak.sh" stop || true; started_keycloak=0; fi
  if [ "$started_kafka" = 1 ]; then bench_kafka stop || true; started_kafka=0; fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for load_pid in "$wrk_pid" "$pgb_pid"; do [ -z "$load_pid" ] || kill "$load_pid" 2>/dev/null || true; done
  stop_sampler
  stop_service
  stop_infra
  if [ "$rc" -ne 0 ]; then say_failed "$rc" "$SVC_LOG"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
require_tools java curl psql pgbench awk ss
if [ ! -f "$LUA" ] || [ ! -f "$PGBENCH_SQL" ]; then die "missing $LUA or $PGBENCH_SQL"; fi

# ---------------------------------------------------------------- 1. wait for a calm machine
wait_for_calm_machine

# ---------------------------------------------------------------- 2. infrastructure
"$ROOT/scripts/local-postgres.sh"
CLINIC_DATABASES=$DB "$ROOT/scripts/local-postgres.sh"   # creates patients_bench (owner clinic) if missing

start_keycloak
# The benchmark's own broker, empty every run: its registrations must reach no consumer of the dev system.
[ "$KAFKA_PORT" != 9092 ] && [ "$KAFKA_CONTROLLER_PORT" != 9093 ] || die "the benchmark never uses the dev broker's ports 9092/9093"
start_bench_kafka

build patient-service "$JAR"
jar_info="$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$ROOT" status --porcelain --untracked-files=no -- patient-service platform event-contracts 2>/dev/null | wc -l)
# The jar is only built when missing: say so when sources changed after it was built.
stale=$(find "$ROOT"/patient-service/src/main "$ROOT"/platform/src/main "$ROOT"/event-contracts/src/main -type f -newer "$JAR" | wc -l)
if [ "$stale" -gt 0 ]; then say "NOTE: $stale source file(s) changed after the jar was built; BENCH_REBUILD=1 rebuilds it"; fi

# A clean slate per run (the tables exist once the service migrated the database).
schema_existed=$("${PSQL[@]}" -c "SELECT to_regclass('public.patient') IS NOT NULL")
if [ "$schema_existed" = t ]; then
  "${PSQL[@]}" -c "TRUNCATE patient, screening, screening_override, consent, audit_entry, outbox_event"
  say "emptied the tables of $DB"
fi

# ---------------------------------------------------------------- 3. start the service
while listening "$PORT"; do PORT=$((PORT + 1)); [ "$PORT" -lt 18200 ] || die "no free port in 18081-18199"; done
say "waiting for a quiet CPU before starting the service"
wait_quiet
load_svc=$(loadavg)
: >"$GC_LOG"
say "starting patient-service on port $PORT: java $JAVA_OPTS -jar $(basename "$JAR")"
t_launch=$(now_ns)
# shellcheck disable=SC2086 # JAVA_OPTS holds several flags
SERVER_PORT=$PORT DB_URL=$DB_URL KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  nohup java $JAVA_OPTS "-Xlog:gc:file=$GC_LOG:uptime" -jar "$JAR" >"$SVC_LOG" 2>&1 </dev/null &
svc_pid=$!
BASE="http://127.0.0.1:$PORT"
wait_ready patient-service "$svc_pid" "$PORT" "$t_launch" 120 0.1
t_ready=$(now_ns)
jvm_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$svc_pid/stat"; }
start_cpu_s=$(calc %.1f "$(jvm_ticks) / $(getconf CLK_TCK)")
start_s=$(calc %.2f "($t_ready - $t_launch) / 1e9")
started_line=$(grep -m1 -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$SVC_LOG" || true)
spring_s=$(sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p' <<<"$started_line")
process_s=$(sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' <<<"$started_line")
migrated=$(grep -c 'Successfully applied' "$SVC_LOG" || true)
say "ready after ${start_s}s, ${start_cpu_s} CPU-seconds (Spring: ${started_line:-no Started line})"

sleep "$IDLE"
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$svc_pid/status"; }
idle_rss=$(rss_mb)
heap_info=$(jcmd "$svc_pid" GC.heap_info 2>/dev/null || true)
heap_mb=$(awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "total") { v = $(i+1); sub(/K,?/, "", v); t += v } }
  END { printf "%.0f", t / 1024 }' <<<"$heap_info")
meta_mb=$(awk '/Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "committed") { v = $(i+1); sub(/K,?/, "", v); printf "%.0f", v / 1024 } }' <<<"$heap_info")
say "idle RSS after ${IDLE}s: ${idle_rss} MB (heap committed ${heap_mb} MB, metaspace committed ${meta_mb:-?} MB)"

# ---------------------------------------------------------------- 4. HTTP load
letters() { local n=$1 s="" a=abcdefghijklmnopqrstuvwxyz; while :; do s=${a:n%26:1}$s; n=$((n / 26)); [ "$n" -eq 0 ] && break; done; printf '%s' "$s"; }
run_tag=$(letters "$(date +%s)")   # names unique per run, whatever is left in the database

pending() { "${PSQL[@]}" -c "SELECT count(*) FROM outbox_event WHERE status = 'PENDING'"; }
wait_outbox_drained() {   # the relay must not spill one level's work into the next
  local n
  for _ in $(seq 1 120); do n=$(pending); [ "$n" -eq 0 ] && return 0; sleep 0.5; done
  say "WARNING: $n outbox events still pending after 60 s"
}
# start_sampler FILE: one psql session writes "epoch_ms pending" every 0.5 s until stop_sampler
start_sampler() {
  "${PSQL[@]}" -F ' ' >"$1" 2>&1 <<<"SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint, count(*)
    FROM outbox_event WHERE status = 'PENDING'
\\watch 0.5" &
  sampler_pid=$!
}
# backlog_stats FILE: "samples start max end slope" (slope: least-squares trend in events/s)
backlog_stats() {
  awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ {
      t = ($1 - (n ? t0 : $1)) / 1000; if (!n) { t0 = $1; first = $2 }
      n++; st += t; sy += $2; stt += t * t; sty += t * $2; if ($2 > max) max = $2; last = $2 }
    END {
      if (n < 2) { printf "%d - - - -\n", n; exit }
      slope = (n * sty - st * sy) / (n * stt - st * st)
      printf "%d %d %d %d %.1f\n", n, first, max, last, slope }' "$1"
}
# delay_stats FROM_NS TO_NS: the commit-to-Kafka delay (published_at - occurred_at, ms) of the events that
# occurred in the window: "events p50 p99 max p99_first_half p99_second_half trend_ms_per_s published_in_window"
delay_stats() {
  local a b m
  a=$(calc %.6f "$1 / 1e9"); b=$(calc %.6f "$2 / 1e9"); m=$(calc %.6f "($1 + $2) / 2e9")
  "${PSQL[@]}" -F ' ' -c "
    SELECT count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d)),
      round(max(d)), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d) FILTER (WHERE t < $m)),
      round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d) FILTER (WHERE t >= $m)), round(coalesce(regr_slope(d, t), 0)::numeric, 1),
      (SELECT count(*) FROM outbox_event WHERE published_at >= to_timestamp($a) AND published_at < to_timestamp($b))
    FROM (SELECT 1000 * extract(epoch FROM published_at - occurred_at) AS d, extract(epoch FROM occurred_at) AS t
          FROM outbox_event WHERE occurred_at >= to_timestamp($a) AND occurred_at < to_timestamp($b)) level"
}
gc_pauses() {   # gc_pauses FROM_S TO_S (JVM uptime): "count total_ms max_ms"
  awk -v a="$1" -v b="$2" '/Pause/ && /ms$/ {
      t = $1; gsub(/[\[\]s]/, "", t); t += 0
      if (t < a || t > b) next
      ms = $NF; sub(/ms$/, "", ms); n++; sum += ms; if (ms > max) max = ms }
    END { printf "%d %.1f %.1f\n", n, sum, max }' "$GC_LOG"
}
say "smoke test: one registration with curl"
smoke_body='{"givenName":"Maria","familyName":"Benchsmoke'"$run_tag"'","birthDate":"1961-04-17","sex":"FEMALE",
  "indication":{"code":"KNEE_OSTEOARTHRITIS"},"laterality":"RIGHT","baselinePainScore":7}'
smoke=$(curl -sS -o "$OUT_DIR/smoke.json" -w '%{http_code}' -X POST "$BASE/api/patients" \
  -H "Authorization: Bearer $(fetch_token)" -H 'Content-Type: application/json' -d "$smoke_body")
[ "$smoke" = 201 ] || die "smoke registration returned $smoke: $(head -c 400 "$OUT_DIR/smoke.json")"

say "warm-up: ${WARMUP}s at 4 clients in 10 s windows (not counted)"
created_total=1 warm_curve="" warm_cpu="" w=0
while [ $((w * 10)) -lt "$WARMUP" ]; do
  ticks_a=$(jvm_ticks)
  run_wrk 4 10 "$OUT_DIR/wrk-warmup.txt" "" "${run_tag}w$(letters "$w")"
  ticks_b=$(jvm_ticks)
  warm=$(grep '^RESULT' "$OUT_DIR/wrk-warmup.txt")
  [ "$(kv non201 "$warm")" = 0 ] || die "warm-up got non-201 responses: $(grep NON201 "$OUT_DIR/wrk-warmup.txt" | head -n 2)"
  created_total=$(( created_total + $(kv created "$warm") ))
  warm_curve+="${warm_curve:+, }$(calc %.0f "$(kv created "$warm") / ($(kv duration_us "$warm") / 1e6)")"
  warm_cpu+="${warm_cpu:+, }$(calc %.1f "1000 * ($ticks_b - $ticks_a) / $(getconf CLK_TCK) / $(kv created "$warm")")"
  w=$((w + 1))
done
say "  tx/s per window: $warm_curve"
say "  JVM CPU ms per registration: $warm_cpu"

declare -A SVC_TPS SVC_P50 SVC_P90 SVC_P99 SVC_MAX SVC_BAD SVC_CPU SVC_GC SVC_PENDING PG_TPS PG_P50 PG_P99 PG_CPU PG_FAILED
declare -A OB_BACKLOG OB_DELAY OB_DRAIN OB_WINDOW
level_letters=(a b c d e f g h i j)
i=0
for c in $LEVELS; do
  wait_outbox_drained
  say "HTTP: ${DURATION}s at $c client(s)"
  start_sampler "$OUT_DIR/backlog-c$c.txt"
  level_a=$(now_ns)
  up_a=$(calc %.3f "($level_a - $t_launch) / 1e9")
  run_wrk "$c" "$DURATION" "$OUT_DIR/wrk-c$c.txt" "svc$c" "${run_tag}${level_letters[$i]}"
  level_b=$(now_ns)
  up_b=$(calc %.3f "($level_b - $t_launch) / 1e9")
  stop_sampler
  SVC_PENDING[$c]=$(pending)
  wait_outbox_drained
  OB_DRAIN[$c]=$(calc %.1f "($(now_ns) - $level_b) / 1e9")
  OB_WINDOW[$c]=$(calc %.3f "($level_b - $level_a) / 1e9")
  OB_BACKLOG[$c]=$(backlog_stats "$OUT_DIR/backlog-c$c.txt")
  OB_DELAY[$c]=$(delay_stats "$level_a" "$level_b")
  r=$(grep '^RESULT' "$OUT_DIR/wrk-c$c.txt")
  SVC_TPS[$c]=$(calc %.1f "$(kv created "$r") / ($(kv duration_us "$r") / 1e6)")
  SVC_P50[$c]=$(kv p50_ms "$r"); SVC_P90[$c]=$(kv p90_ms "$r"); SVC_P99[$c]=$(kv p99_ms "$r"); SVC_MAX[$c]=$(kv max_ms "$r")
  SVC_BAD[$c]=$(( $(kv non201 "$r") + $(kv socket_errors "$r") ))
  SVC_CPU[$c]=$(cpu_split "svc$c.a" "svc$c.b")
  SVC_GC[$c]=$(gc_pauses "$up_a" "$up_b")
  created_total=$(( created_total + $(kv created "$r") ))
  say "  ${SVC_TPS[$c]} tx/s, p50 ${SVC_P50[$c]} ms, p99 ${SVC_P99[$c]} ms, non-201/socket errors ${SVC_BAD[$c]}, outbox pending at end ${SVC_PENDING[$c]}"
  read -r _ bs bm be bt <<<"${OB_BACKLOG[$c]}"; read -r dn d50 d99 dmax _ _ dt dp <<<"${OB_DELAY[$c]}"
  say "  outbox: backlog start/max/end $bs/$bm/$be (trend $bt events/s), commit-to-Kafka p50 $d50 ms, p99 $d99 ms, max $dmax ms (trend $dt ms/s) over $dn events; drained ${OB_DRAIN[$c]}s after the level"
  if [ "${SVC_BAD[$c]}" != 0 ]; then grep NON201 "$OUT_DIR/wrk-c$c.txt" | sed 's/^/    /' || true; fi
  i=$((i + 1))
done
wait_outbox_drained

# The relay's capacity: a burst of copies of published events (same topics, keys and payloads, new ids)
# committed at once, and the time until the last is published. It goes to the benchmark's own broker.
burst_n=0 burst_s=- burst_rate=- burst_part=""
if [ "$RELAY_BURST" -gt 0 ]; then
  say "relay capacity: $RELAY_BURST copies of published events committed to the outbox at once"
  burst_from=$("${PSQL[@]}" -c "SELECT coalesce(max(seq), 0) FROM outbox_event")
  # the latest published events, repeated if there are fewer than the burst (a key then has several in it)
  "${PSQL[@]}" -c "WITH source AS (
      SELECT topic, message_key, event_type, payload, row_number() OVER (ORDER BY seq DESC) - 1 AS i
      FROM outbox_event WHERE status = 'PUBLISHED' ORDER BY seq DESC LIMIT $RELAY_BURST)
    INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)
    SELECT gen_random_uuid(), topic, message_key, event_type, payload, clock_timestamp()
    FROM generate_series(0, $RELAY_BURST - 1) g JOIN source ON i = g % (SELECT count(*) FROM source) ORDER BY g"
  burst_committed=$(now_ns)
  start_sampler "$OUT_DIR/backlog-burst.txt"
  for _ in $(seq 1 600); do [ "$(pending)" -eq 0 ] && break; sleep 0.2; done
  stop_sampler
  read -r burst_n burst_left burst_last < <("${PSQL[@]}" -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE status <> 'PUBLISHED'),
    coalesce(extract(epoch FROM max(published_at)), 0) FROM outbox_event WHERE seq > $burst_from")
  if [ "$burst_n" -gt 0 ] && [ "$burst_left" = 0 ]; then
    burst_s=$(calc %.2f "$burst_last - $burst_committed / 1e9")
    burst_rate=$(calc %.0f "$burst_n / $burst_s")
    say "  $burst_n events published in ${burst_s}s: $burst_rate events/s"
  else
    say "WARNING: $burst_left of $burst_n burst events still unpublished after 120 s"
    burst_part=" ($burst_left of them still unpublished after 120 s)"
  fi
fi
# Every published event must be on the benchmark's broker (at least once: duplicates would show as more).
published_rows=$("${PSQL[@]}" -c "SELECT count(*) FROM outbox_event WHERE status = 'PUBLISHED'")
topic_records=$(kafka_java org.apache.kafka.tools.GetOffsetShell --bootstrap-server "127.0.0.1:$KAFKA_PORT" 2>/dev/null |
  awk -F: '$1 !~ /^__/ { n += $NF } END { print n + 0 }') || topic_records="?"
say "records on the benchmark's broker: $topic_records; events the outbox marked published: $published_rows"
if [ "$burst_n" -gt 0 ]; then "${PSQL[@]}" -c "DELETE FROM outbox_event WHERE seq > $burst_from"; fi
load_rss=$(rss_mb)
hwm_mb=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$svc_pid/status")
svc_rows=$("${PSQL[@]}" -c "SELECT count(*) FROM patient WHERE registered_by = 'frontdesk1'")
# wrk stops counting at the deadline; the requests then in flight (at most one per client) still commit.
in_flight=$(( svc_rows - created_total )); max_in_flight=$((4 * w))
for c in $LEVELS; do max_in_flight=$((max_in_flight + c)); done
if [ "$in_flight" -lt 0 ] || [ "$in_flight" -gt "$max_in_flight" ]; then
  say "WARNING: $created_total registrations answered 201 but $svc_rows rows exist"
fi
stop_service

# ---------------------------------------------------------------- 5. pgbench on the same database
stop_infra   # Keycloak and Kafka are no longer needed; if this run started them, free their CPU
for c in $LEVELS; do
  say "pgbench: ${DURATION}s at $c client(s)"
  rm -f "$OUT_DIR"/pgbench_c"$c".*
  pgbench -n -M prepared -c "$c" -j "$c" -T "$DURATION" -f "$PGBENCH_SQL" -l --log-prefix="$OUT_DIR/pgbench_c$c" \
    -h 127.0.0.1 -U clinic "$DB" >"$OUT_DIR/pgbench-c$c.txt" 2>&1 &
  pgb_pid=$!
  sleep 1; cpu_mark "pg$c.a"; sleep "$((DURATION - 2))"; cpu_mark "pg$c.b"
  wait "$pgb_pid" || { pgb_pid=""; die "pgbench failed: $(tail -n 5 "$OUT_DIR/pgbench-c$c.txt")"; }
  pgb_pid=""
  PG_TPS[$c]=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT_DIR/pgbench-c$c.txt" | head -n 1)
  PG_TPS[$c]=$(calc %.1f "${PG_TPS[$c]}")
  PG_FAILED[$c]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT_DIR/pgbench-c$c.txt")
  read -r "PG_P50[$c]" "PG_P99[$c]" < <(cat "$OUT_DIR"/pgbench_c"$c".* | awk '{ print $3 }' | sort -n |
    awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1
      printf "%.3f %.3f\n", v[i50] / 1000, v[i99] / 1000 }')
  PG_CPU[$c]=$(cpu_split "pg$c.a" "pg$c.b")
  say "  ${PG_TPS[$c]} tx/s, p50 ${PG_P50[$c]} ms, p99 ${PG_P99[$c]} ms, failed ${PG_FAILED[$c]:-?}"
  [ "${PG_FAILED[$c]:-0}" = 0 ] || say "WARNING: pgbench had failed transactions"
done
sizes=$("${PSQL[@]}" -F ' ' -c "
  SELECT registered_by, count(*), round(avg(pg_column_size(p.*))), round(avg(length(o.payload::text)))
  FROM patient p JOIN outbox_event o ON o.message_key = p.id::text
  GROUP BY registered_by ORDER BY registered_by")

# ---------------------------------------------------------------- 6. report
describe_machine
pg_ver=$(psql -X -At -h 127.0.0.1 -U clinic -d "$DB" -c "SELECT current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', shared_buffers ' || current_setting('shared_buffers')")

ratio() { calc %.0f "100 * $1 / $2"; }
ref=4; case " $LEVELS " in *" 4 "*) ;; *) ref=$(awk '{ print $1 }' <<<"$LEVELS");; esac
ratio_ref=$(ratio "${SVC_TPS[$ref]}" "${PG_TPS[$ref]}")
t_ratio=$(pass "$ratio_ref >= 25"); t_p99=$(pass "${SVC_P99[$ref]} <= 20")
t_start=$(pass "$start_s <= 6"); t_rss=$(pass "$idle_rss <= 300")

table="| clients | service tx/s | p50 ms | p99 ms | pgbench tx/s | ratio | non-201 |
|---:|---:|---:|---:|---:|---:|---:|"
detail="| clients | service p90 / max ms | GC pauses (n, total, max ms) | outbox pending at end | pgbench p50 / p99 ms | CPU busy, service run (service + PostgreSQL + wrk + Kafka/Keycloak + other) | CPU busy, pgbench run (PostgreSQL + pgbench + other) | service CPU per tx | PostgreSQL CPU per tx, service / pgbench |
|---:|---:|---:|---:|---:|---|---|---:|---|"
# The relay keeps up when neither the backlog nor the delay trends upwards within a level: a trend that adds
# more than 100 events, or 100 ms, over the level counts as growth (the 200 ms poll makes both saw-toothed).
relay_table="| clients | registrations/s | events published/s | backlog start / max / end | backlog trend, events/s | commit-to-Kafka p50 / p99 / max ms | p99, first / second half ms | delay trend, ms/s | drained after the level | grew during the level |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
num() { if [[ $1 =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then echo "$1"; else echo 0; fi; }   # "-" (no reading) counts as 0
relay_grew=0 best_tps=0
for c in $LEVELS; do
  read -r _ bs bm be bt <<<"${OB_BACKLOG[$c]}"
  read -r _ d50 d99 dmax dh1 dh2 dt dp <<<"${OB_DELAY[$c]}"
  win=${OB_WINDOW[$c]} grew=""
  if awk "BEGIN { exit !($(num "$bt") * $win > 100) }"; then grew="backlog"; fi
  if awk "BEGIN { exit !($(num "$dt") * $win > 100) }"; then grew+="${grew:+, }delay"; fi
  [ -z "$grew" ] || relay_grew=1
  if awk "BEGIN { exit !(${SVC_TPS[$c]} > $best_tps) }"; then best_tps=${SVC_TPS[$c]}; fi
  relay_table+="
| $c | ${SVC_TPS[$c]} | $(calc %.1f "${dp:-0} / $win") | $bs / $bm / $be | $bt | $d50 / $d99 / $dmax | ${dh1:--} / ${dh2:--} | $dt | ${OB_DRAIN[$c]} s | ${grew:-no} |"
done
relay_capacity="not measured (BENCH_RELAY_BURST=0)"
if [ "$burst_rate" != - ]; then
  relay_capacity="$burst_rate events/s ($burst_n events committed at once, all published ${burst_s} s later)"
elif [ "$burst_n" -gt 0 ]; then
  relay_capacity="unknown: $burst_n events committed at once$burst_part"
fi
t_relay=met
if [ "$relay_grew" = 1 ] || { [ "$burst_rate" != - ] && awk "BEGIN { exit !($burst_rate <= $best_tps) }"; } ||
   { [ "$burst_rate" = - ] && [ "$burst_n" -gt 0 ]; }; then t_relay="**missed**"; fi
topic_check="$topic_records records on the benchmark's broker (127.0.0.1:$KAFKA_PORT, emptied before the run) for $published_rows events the outbox marked published"

bad_total=0
for c in $LEVELS; do
  read -r sb ss sp sg si so stop <<<"${SVC_CPU[$c]}"
  read -r pb _ pp pg _ po ptop <<<"${PG_CPU[$c]}"
  read -r gn gt gm <<<"${SVC_GC[$c]}"
  table+="
| $c | ${SVC_TPS[$c]} | ${SVC_P50[$c]} | ${SVC_P99[$c]} | ${PG_TPS[$c]} | $(ratio "${SVC_TPS[$c]}" "${PG_TPS[$c]}") % | ${SVC_BAD[$c]} |"
  detail+="
| $c | ${SVC_P90[$c]} / ${SVC_MAX[$c]} | $gn, $gt, $gm | ${SVC_PENDING[$c]} | ${PG_P50[$c]} / ${PG_P99[$c]} | $sb of $CORES ($ss + $sp + $sg + $si + $so; top other: $stop) | $pb of $CORES ($pp + $pg + $po; top other: $ptop) | $(calc %.2f "1000 * $ss / ${SVC_TPS[$c]}") ms | $(calc %.2f "1000 * $sp / ${SVC_TPS[$c]}") / $(calc %.2f "1000 * $pp / ${PG_TPS[$c]}") ms |"
  bad_total=$((bad_total + SVC_BAD[$c]))
done

# Optional phrases (plain ifs: a failing test inside \$(...) would stop the script under set -e).
gc_part=""; migrated_part=""; dirty_part=""; waited_part=""
if awk "BEGIN { exit !(${SVC_GC[$ref]##* } > 10) }"; then gc_part=" plus GC pauses"; fi
if [ "$migrated" -gt 0 ]; then migrated_part=" (this start applied $migrated Flyway migration(s) to an empty database)"; fi
if [ "$dirty" -gt 0 ]; then dirty_part=" (with uncommitted changes in service code)"; fi
if [ "$stale" -gt 0 ]; then dirty_part+="; $stale main source file(s) are newer than the jar"; fi
if [ "$waited" -gt 0 ]; then waited_part=" after waiting ${waited}s (it was $load_start)"; fi

# What limits a missed target, from the figures of this run.
read -r rb rs rp rg _ _ _ <<<"${SVC_CPU[$ref]}"
read -r gn gt gm <<<"${SVC_GC[$ref]}"
limits=""
if [ "$t_ratio" != met ]; then
  if awk "BEGIN { exit !($rb >= 0.85 * $CORES) }"; then
    limits+="- Throughput: CPU-bound — at $ref clients the $CORES cores were $rb busy, the service JVM alone used $rs cores ($(calc %.2f "1000 * $rs / ${SVC_TPS[$ref]}") ms CPU per registration) against $(calc %.2f "1000 * $rp / ${SVC_TPS[$ref]}") ms in PostgreSQL, and wrk took $rg cores; the JVM's per-request work (HTTP, Spring Security JWT check, JSON, validation, JDBC, outbox relay) is what caps tx/s on $CORES shared cores.
"
  else
    limits+="- Throughput: not CPU-bound (machine $rb of $CORES cores busy at $ref clients): requests wait (round trips, commit flushes, the Hikari pool of 10) rather than compute.
"
  fi
fi
if [ "$t_p99" != met ]; then
  limits+="- p99 at $ref clients: ${SVC_P99[$ref]} ms against p50 ${SVC_P50[$ref]} ms; GC paused $gn times (max $gm ms) in that level and the cores were $rb of $CORES busy, so the tail is queueing for CPU${gc_part}.
"
fi
if [ "$t_start" != met ]; then
  limits+="- Start: ${start_s} s to readiness, of which Spring reports ${spring_s:-?} s for the application (JVM up for ${process_s:-?} s); the JVM burnt ${start_cpu_s} CPU-seconds by then, so start-up is CPU-bound on $CORES cores: class loading from the fat jar, bean creation (Flyway, Hikari, Kafka, Spring Security, springdoc) and JIT compilation${migrated_part:+; this start also ran the Flyway migrations of an empty database}.
"
fi
if [ "$t_rss" != met ]; then
  limits+="- Idle RSS: ${idle_rss} MB, of which the heap has ${heap_mb} MB committed and metaspace ${meta_mb:-?} MB; the rest is code cache, thread stacks and the JVM itself.
"
fi
[ -n "$limits" ] || limits="- All targets met.
"
valid="valid: every HTTP request answered 201"
[ "$bad_total" = 0 ] || valid="**not valid: $bad_total non-201 responses or socket errors**"

section="## $stamp — register-patients

Machine: $machine; PostgreSQL $pg_ver; $java_ver. Commit $commit${dirty_part}, jar built $jar_info.
Load average (1 min) at the start: $load_begin${waited_part}, $load_svc just before the service started; busy processes at the start: ${busy_procs:-none}.
JVM flags: \`${JAVA_OPTS:-(none)}\`; wrk (threads = min(clients, $CORES)) for ${DURATION}s per level after a ${WARMUP}s warm-up at 4 clients (tx/s per 10 s: $warm_curve; JVM CPU ms per registration: $warm_cpu); \`pgbench -n -M prepared -c N -j N -T $DURATION\`. Result: $valid.

$table

Targets (2 cores, at $ref clients):

- service ≥ 25 % of pgbench tx/s: ${ratio_ref} % — $t_ratio
- p99 ≤ 20 ms: ${SVC_P99[$ref]} ms — $t_p99
- start ≤ 6 s: ${start_s} s from \`java -jar\` to readiness UP (the JVM used ${start_cpu_s} CPU-seconds by then); Spring: \"${started_line:-no Started line}\"${migrated_part} — $t_start
- idle RSS ≤ 300 MB: ${idle_rss} MB after ${IDLE}s idle (heap committed ${heap_mb} MB, metaspace ${meta_mb:-?} MB); ${load_rss} MB after the load, peak ${hwm_mb} MB — $t_rss
- the outbox relay keeps up: backlog and commit-to-Kafka delay grow in no level, and its capacity, ${relay_capacity}, exceeds the best write rate, $best_tps registrations/s — $t_relay

Outbox relay per level (backlog = PENDING rows sampled every 0.5 s during the level; delay = published_at − occurred_at of the events that occurred in the level, read once they were all published; a trend is a least-squares slope over the level, and \"grew\" means it adds more than 100 events or 100 ms over the level):

$relay_table

Kafka: $topic_check.

What limits:

${limits}
Details (CPU in cores, measured from /proc over each level minus its first and last second):

$detail

Rows written (registered_by, rows, average patient row bytes, average outbox payload bytes): $(tr '\n' ';' <<<"$sizes" | sed 's/;$//; s/;/; /g').
${NOTE:+
$NOTE
}"

if [ "$WRITE_DOC" = 1 ] && [ ! -f "$DOC" ]; then
  mkdir -p "$(dirname "$DOC")"
  cat >"$DOC" <<'EOF'
# Benchmarks

## register-patients

`bench/register-patients.sh` (about 5 minutes, plus any wait for a quiet machine; needs root or password-less sudo the first time, like
`./clinic up`) measures patient registration, `POST /api/patients` of patient-service, on this machine:

- tx/s and p50/p99 latency of the HTTP calls with 1, 4 and 16 concurrent clients (`wrk` and
  `bench/register-patients.lua`: a unique, complete intake per request, real Keycloak token of
  `frontdesk1`, every non-201 counted; a run with any is not valid), 20 s per level after a
  2-minute warm-up at 4 clients (on 2 cores the C2 JIT needs that long; the warm-up curve is recorded);
- in the same run, `pgbench` with `bench/register-patient.pgbench.sql`: the same SQL in one transaction
  (advisory lock on the duplicate key, duplicate-check select, MRN `nextval`, INSERT patient,
  INSERT audit_entry, INSERT outbox_event) on the same database (`patients_bench`), as the ceiling the
  database alone reaches; the ratio is service tx/s ÷ pgbench tx/s;
- start time (`java -jar` to `/actuator/health/readiness` UP, and Spring's "Started … in X seconds")
  and idle RSS (VmRSS of /proc/<pid>/status after 10 s idle).

Targets on 2 cores: ≥ 25 % of pgbench's tx/s at 4 clients, p99 ≤ 20 ms at 4 clients, start ≤ 6 s,
idle RSS ≤ 300 MB. Each run appends a dated section below, figures as measured. Runs are only
comparable on a quiet machine: the script waits for the load average to drop below 1.0 and reports
the CPU taken by other processes during each level.
EOF
fi
publish_section "$section"
