#!/usr/bin/env bash
# Benchmark of followup-service (issue 7, "Performance"): the coordinators' worklist and a patient's timeline on
# 1,000,000 visits of 100,000 patients, and the time from a ProcedureRecorded committed in procedure-service to the
# plan being readable in followup-service, beside Kafka's own end-to-end latency on the same broker.
#
#   bench/followups.sh            run it (about 6 minutes with the data in place, 4 more to generate it) and
#                                 append a "followups" section to docs/benchmarks.md
#
# What it does, in one run:
#   1. waits (up to BENCH_LOAD_WAIT s) for the 1-minute load average to drop below BENCH_MAX_LOAD;
#   2. starts what is missing: PostgreSQL (databases followups_bench and procedures_bench) and Keycloak
#      (scripts/local-keycloak.sh, shared with `./clinic up`, for a real coordinator1 token); always starts a Kafka
#      broker of its own, emptied, on 127.0.0.1:19192 (controller 19193, state in .run/bench/kafka-followups), so
#      nothing reaches the dev broker or register-patients' benchmark broker on 19092; builds missing jars;
#   3. lets followup-service migrate followups_bench (`java -Dspring.context.exit=onRefresh -jar`: Flyway runs, no
#      listener starts) and, unless the data set of bench/followups-data.sql is there with the right counts, made
#      by the same script within BENCH_MAX_DATA_AGE days, generates it in PostgreSQL (generate_series, about 3-4
#      minutes) and runs VACUUM ANALYZE. What earlier runs added (audit, outbox, their plans) is removed first;
#   4. starts followup-service (`java -jar`, port 18083 or the next free one) against followups_bench and the
#      benchmark's broker; warms it up (BENCH_WARMUP s at 4 clients, both calls); then loads with wrk
#      (bench/followups.lua) for BENCH_DURATION s per level at 1 and 4 clients:
#        - the worklist: BENCH_WORKLIST_PATH (due this week, one assignee, first page), always the same request;
#        - the timeline: GET /api/followups/timeline?patientId= for 10,000 random patients, read from a file;
#      p50/p90/p99/max and req/s, non-200 counted (a run with any is not valid), CPU of the service and PostgreSQL;
#   5. runs EXPLAIN (ANALYZE, BUFFERS) of the two calls' queries (bench/followups-explain.sql, copied from the
#      service's repositories) for the same assignee and a random patient, to say which index answers and how
#      many rows and pages are read;
#   6. starts procedure-service (port 18182 or the next free one) against procedures_bench and the same broker, runs
#      Kafka's EndToEndLatency tool (BENCH_E2E_COUNT records of the size of a ProcedureRecorded envelope, acks=all,
#      one at a time) and then bench/PlanLatency.java: BENCH_LATENCY_COUNT ProcedureRecorded envelopes committed
#      into procedure-service's outbox, one every BENCH_LATENCY_INTERVAL_MS ms, each timed from its commit to the
#      first poll of followups_bench (every 2 ms) that sees its plan (see PlanLatency.java for what exactly);
#   7. prints the table and appends a dated section to docs/benchmarks.md (BENCH_WRITE_DOC=0 only prints).
# It stops what it started (services, the broker, Keycloak if it was not running), also on errors, and removes the
# plans its procedures made.
#
# Settings (environment): BENCH_LEVELS ("1 4"), BENCH_DURATION (20), BENCH_WARMUP (60), BENCH_PORT (18083),
# BENCH_PROCEDURES_PORT (18182), BENCH_JAVA_OPTS ("-Xmx256m -XX:+UseSerialGC"), BENCH_MAX_LOAD (1.0),
# BENCH_LOAD_WAIT (600), BENCH_WRITE_DOC (1), BENCH_NOTE, BENCH_REBUILD (0; 1 rebuilds both jars),
# BENCH_REGENERATE (0; 1 makes the data set again), BENCH_MAX_DATA_AGE (7 days), BENCH_ASSIGNEE (coordinator1),
# BENCH_WORKLIST_PATH (/api/followups?view=THIS_WEEK&assignee=$BENCH_ASSIGNEE), BENCH_KAFKA_PORT (19192),
# BENCH_KAFKA_CONTROLLER_PORT (19193), BENCH_LATENCY_COUNT (1000), BENCH_LATENCY_INTERVAL_MS (20),
# BENCH_E2E_COUNT (1000), BENCH_SKIP_LATENCY (0), BENCH_SKIP_HTTP (0). Logs and raw output go to .run/bench/followups/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
OUT_DIR="$ROOT/.run/bench/followups"
DOC="$ROOT/docs/benchmarks.md"
FOLLOWUP_JAR="$ROOT/followup-service/target/followup-service-0.1.0-SNAPSHOT.jar"
PROCEDURE_JAR="$ROOT/procedure-service/target/procedure-service-0.1.0-SNAPSHOT.jar"
DATA_SQL="$BENCH_DIR/followups-data.sql"
EXPLAIN_SQL="$BENCH_DIR/followups-explain.sql"
LUA="$BENCH_DIR/followups.lua"
LATENCY_JAVA="$BENCH_DIR/PlanLatency.java"

LEVELS=${BENCH_LEVELS:-"1 4"}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-60}
JAVA_OPTS=${BENCH_JAVA_OPTS-"-Xmx256m -XX:+UseSerialGC"}
PORT=${BENCH_PORT:-18083}
PROC_PORT=${BENCH_PROCEDURES_PORT:-18182}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-600}
WRITE_DOC=${BENCH_WRITE_DOC:-1}
NOTE=${BENCH_NOTE:-}
REBUILD=${BENCH_REBUILD:-0}
REGENERATE=${BENCH_REGENERATE:-0}
MAX_DATA_AGE=${BENCH_MAX_DATA_AGE:-7}
ASSIGNEE=${BENCH_ASSIGNEE:-coordinator1}
WORKLIST_PATH=${BENCH_WORKLIST_PATH:-"/api/followups?view=THIS_WEEK&assignee=$ASSIGNEE"}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19192}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19193}
LATENCY_COUNT=${BENCH_LATENCY_COUNT:-1000}
LATENCY_INTERVAL_MS=${BENCH_LATENCY_INTERVAL_MS:-20}
E2E_COUNT=${BENCH_E2E_COUNT:-1000}
SKIP_LATENCY=${BENCH_SKIP_LATENCY:-0}
SKIP_HTTP=${BENCH_SKIP_HTTP:-0}
PATIENTS=100000
VISITS=1000000

DB=followups_bench
PROC_DB=procedures_bench
TOKEN_USER=coordinator1
export PGPASSWORD=clinic
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U clinic -d "$DB")
PROC_PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U clinic -d "$PROC_DB")

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"   # say, die, calc, CPU accounting, Keycloak and the broker, wrk, the report's output
help_if_asked "$@"

mkdir -p "$OUT_DIR"
SVC_LOG="$OUT_DIR/followup-service.log"
PROC_LOG="$OUT_DIR/procedure-service.log"
rm -f "$SVC_LOG" "$PROC_LOG"
started_keycloak=0 started_kafka=0 svc_pid="" proc_pid="" wrk_pid="" lat_pid=""

# ---------------------------------------------------------------- clean-up of what this run started
# The plans this run's procedures made (and everything the run wrote) go, so the data set stays the same size.
remove_run_rows() {
  "${PSQL[@]}" -c "
    CREATE TEMP TABLE run_plan AS SELECT id, procedure_id FROM follow_up_plan
      WHERE created_at > (SELECT generated_at FROM bench_dataset);
    DELETE FROM follow_up_outcome WHERE plan_id IN (SELECT id FROM run_plan);
    DELETE FROM visit_reschedule WHERE visit_id IN (SELECT v.id FROM follow_up_visit v JOIN run_plan p ON p.id = v.plan_id);
    DELETE FROM follow_up_visit WHERE plan_id IN (SELECT id FROM run_plan);
    DELETE FROM follow_up_plan WHERE id IN (SELECT id FROM run_plan);
    DELETE FROM known_procedure WHERE id IN (SELECT procedure_id FROM run_plan)
      OR targets @> '[{\"nerve\": \"SURAL\"}]';
    TRUNCATE audit_entry, outbox_event, processed_event" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for load_pid in "$wrk_pid" "$lat_pid"; do [ -z "$load_pid" ] || kill "$load_pid" 2>/dev/null || true; done
  stop_pid procedure-service "$proc_pid"
  stop_pid followup-service "$svc_pid"
  if [ "$data_ready" = 1 ]; then remove_run_rows; fi
  if [ "$started_keycloak" = 1 ]; then "$ROOT/scripts/local-keycloak.sh" stop || true; fi
  if [ "$started_kafka" = 1 ]; then bench_kafka stop || true; fi
  if [ "$rc" -ne 0 ]; then say_failed "$rc" "$SVC_LOG" "$PROC_LOG"; fi
  exit "$rc"
}
data_ready=0
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
require_tools java curl psql awk ss sha256sum
for f in "$DATA_SQL" "$EXPLAIN_SQL" "$BENCH_DIR/explain-summary.awk" "$LUA" "$BENCH_DIR/wrk-report.lua" "$LATENCY_JAVA"; do [ -f "$f" ] || die "missing $f"; done

# ---------------------------------------------------------------- 1. wait for a calm machine
wait_for_calm_machine

# ---------------------------------------------------------------- 2. infrastructure
CLINIC_DATABASES="$DB $PROC_DB" "$ROOT/scripts/local-postgres.sh"
if [ "$SKIP_HTTP" != 1 ]; then   # only the HTTP calls need a token
  # its first start (Quarkus build) takes minutes on a busy machine
  KEYCLOAK_START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-300} start_keycloak
fi
[ "$KAFKA_PORT" != 9092 ] && [ "$KAFKA_PORT" != 19092 ] || die "9092 is the dev broker's and 19092 register-patients' port; pick another BENCH_KAFKA_PORT"
start_bench_kafka

build followup-service "$FOLLOWUP_JAR"
[ "$SKIP_LATENCY" = 1 ] || build procedure-service "$PROCEDURE_JAR"
jar_info="$(date -u -r "$FOLLOWUP_JAR" '+%Y-%m-%d %H:%M UTC')"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
stale=$(find "$ROOT"/followup-service/src/main "$ROOT"/platform/src/main "$ROOT"/event-contracts/src/main -type f -newer "$FOLLOWUP_JAR" | wc -l)
if [ "$stale" -gt 0 ]; then say "NOTE: $stale source file(s) changed after the followup-service jar was built; BENCH_REBUILD=1 rebuilds it"; fi
PG_JAR=$(unzip -Z1 "$FOLLOWUP_JAR" | sed -n 's|^BOOT-INF/lib/\(postgresql-[0-9.]*\.jar\)$|\1|p' | head -n 1)
PG_JAR_PATH=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name "$PG_JAR" | head -n 1)
[ -f "$PG_JAR_PATH" ] || die "no $PG_JAR in ~/.m2 for bench/PlanLatency.java"

# ---------------------------------------------------------------- 3. the data set
say "migrating $DB with followup-service's Flyway (context refreshed, then closed)"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  java $JAVA_OPTS -Dspring.context.exit=onRefresh -jar "$FOLLOWUP_JAR" >"$OUT_DIR/migrate.log" 2>&1 ||
  { tail -n 20 "$OUT_DIR/migrate.log" >&2; die "followup-service could not migrate $DB"; }
data_sha=$(sha256sum "$DATA_SQL" | cut -c1-12)
today=$(date -u +%F)   # the data set's "today" (clinic.followups.zone is UTC unless CLINIC_TIME_ZONE says otherwise)
# the data set is only valid for the migrations it was made on (a later one may add columns it must fill)
migrations=$("${PSQL[@]}" -c "SELECT count(*) FROM flyway_schema_history WHERE success")
dataset=$("${PSQL[@]}" -F ' ' -c "SELECT CASE WHEN to_regclass('public.bench_dataset') IS NULL THEN 'none' ELSE
  (SELECT coalesce(max(script_sha || ' ' || seen_on || ' ' || visits || ' ' || patients || ' '
                        || coalesce(to_jsonb(b) ->> 'migrations', '-')), 'none')
   FROM bench_dataset b) END")
regen_reason=""
if [ "$REGENERATE" = 1 ]; then regen_reason="BENCH_REGENERATE=1"
elif [ "$dataset" = none ]; then regen_reason="no data set yet"
else
  read -r had_sha had_seen had_visits had_patients had_migrations <<<"$dataset"
  remove_run_rows
  now_visits=$("${PSQL[@]}" -c "SELECT count(*) FROM follow_up_visit")
  now_patients=$("${PSQL[@]}" -c "SELECT count(*) FROM known_patient")
  age=$(( ( $(date -u -d "$today" +%s) - $(date -u -d "$had_seen" +%s) ) / 86400 ))
  if [ "$had_sha" != "$data_sha" ]; then regen_reason="bench/followups-data.sql changed"
  elif [ "$had_migrations" != "$migrations" ]; then regen_reason="the service's migrations changed"
  elif [ "$had_visits" != "$VISITS" ] || [ "$now_visits" != "$VISITS" ] || [ "$now_patients" != "$PATIENTS" ]; then
    regen_reason="sizes differ ($now_visits visits, $now_patients patients)"
  elif [ "$age" -gt "$MAX_DATA_AGE" ]; then regen_reason="made $age days ago, seen on $had_seen"
  fi
fi
generate_s=""
if [ -n "$regen_reason" ]; then
  say "generating $PATIENTS patients and $VISITS visits in $DB ($regen_reason); takes a few minutes"
  t0=$(now_ns)
  "${PSQL[@]}" -v today="$today" -v script_sha="$data_sha" -f "$DATA_SQL" >"$OUT_DIR/generate.log" 2>&1 ||
    { tail -n 20 "$OUT_DIR/generate.log" >&2; die "generating the data set failed"; }
  PGOPTIONS="-c client_min_messages=error" "${PSQL[@]}" -c "VACUUM (ANALYZE)"   # (no notes on catalogs it may not vacuum)
  generate_s=$(calc %.0f "($(now_ns) - $t0) / 1e9")
  say "  generated, vacuumed and analysed in ${generate_s}s"
else
  say "keeping the data set of $had_seen ($VISITS visits, $PATIENTS patients)"
  "${PSQL[@]}" -c "ANALYZE"
fi
data_ready=1
read -r data_seen plans visits <<<"$("${PSQL[@]}" -F ' ' -c "SELECT seen_on, plans, visits FROM bench_dataset")"
db_size=$("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
spread=$("${PSQL[@]}" -F '|' -c "SELECT
  (SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM follow_up_visit GROUP BY state) s),
  (SELECT count(*) FROM follow_up_outcome), (SELECT count(*) FROM repeat_candidate),
  (SELECT count(*) FROM follow_up_plan WHERE expected_relief_end IS NOT NULL),
  (SELECT count(*) FROM follow_up_visit WHERE kind = 'SAFETY_CHECK'),
  (SELECT count(*) FROM known_patient WHERE lost_to_follow_up_since IS NOT NULL)")
IFS='|' read -r spread_states spread_outcomes spread_candidates spread_relief spread_safety spread_lost <<<"$spread"
"${PSQL[@]}" -c "SELECT id FROM known_patient ORDER BY random() LIMIT 10000" >"$OUT_DIR/patient-ids.txt"
explain_patient=$(head -n 1 "$OUT_DIR/patient-ids.txt")

# ---------------------------------------------------------------- 4. followup-service under load
start_service() {   # start_service NAME JAR PORT DB LOG: sets started_pid, started_s
  local name=$1 jar=$2 port=$3 db=$4 log=$5 t_launch
  wait_quiet
  t_launch=$(now_ns)
  # shellcheck disable=SC2086 # JAVA_OPTS holds several flags
  SERVER_PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    nohup java $JAVA_OPTS -jar "$jar" >"$log" 2>&1 </dev/null &
  started_pid=$!
  wait_ready "$name" "$started_pid" "$port" "$t_launch" 180 0.2
  started_s=$(calc %.1f "($(now_ns) - $t_launch) / 1e9")
  say "$name ready on port $port after ${started_s}s"
}
while listening "$PORT"; do PORT=$((PORT + 1)); [ "$PORT" -lt 18180 ] || die "no free port in 18083-18179"; done
say "starting followup-service on port $PORT against $DB: java $JAVA_OPTS -jar $(basename "$FOLLOWUP_JAR")"
start_service followup-service "$FOLLOWUP_JAR" "$PORT" "$DB" "$SVC_LOG"
svc_pid=$started_pid svc_start_s=$started_s
BASE="http://127.0.0.1:$PORT"

smoke() {   # smoke NAME PATH: one GET that must answer 200; prints "bytes"
  local code
  code=$(curl -sS -o "$OUT_DIR/smoke-$1.json" -w '%{http_code}' -H "Authorization: Bearer $(fetch_token)" "$BASE$2")
  [ "$code" = 200 ] || die "$1 ($2) answered $code: $(head -c 400 "$OUT_DIR/smoke-$1.json")"
  wc -c <"$OUT_DIR/smoke-$1.json"
}
load_call() {   # load_call CLIENTS SECONDS OUTFILE MARK MODE ARG: run_wrk, then the first non-200 answers if any
  run_wrk "$@"
  if grep -q '^NON200' "$3"; then say "non-200 answers: $(grep '^NON200' "$3" | head -n 2 | tr '\n' ' ')"; fi
}

declare -A TPS P50 P90 P99 MAX BAD CPU
calls=${BENCH_CALLS:-"worklist timeline"}   # (one of them alone, for trying the script)
call_arg() { if [ "$1" = worklist ]; then echo "$WORKLIST_PATH"; else echo "$OUT_DIR/patient-ids.txt"; fi; }
worklist_bytes=- worklist_items=- timeline_bytes=-
if [ "$SKIP_HTTP" != 1 ]; then
  case " $calls " in *" worklist "*)
    worklist_bytes=$(smoke worklist "$WORKLIST_PATH")
    worklist_items=$(grep -o '"id":' "$OUT_DIR/smoke-worklist.json" | wc -l) ;;
  esac
  case " $calls " in *" timeline "*) timeline_bytes=$(smoke timeline "/api/followups/timeline?patientId=$explain_patient") ;; esac
  say "smoke: worklist $worklist_bytes bytes ($worklist_items ids), a timeline $timeline_bytes bytes"

  n_calls=$(wc -w <<<"$calls")
  say "warm-up: ${WARMUP}s at 4 clients, shared by the calls (not counted)"
  for call in $calls; do
    load_call 4 $((WARMUP / n_calls)) "$OUT_DIR/wrk-warmup-$call.txt" "" "$call" "$(call_arg "$call")"
  done

  for call in $calls; do
    for c in $LEVELS; do
      say "$call: ${DURATION}s at $c client(s)"
      load_call "$c" "$DURATION" "$OUT_DIR/wrk-$call-c$c.txt" "$call$c" "$call" "$(call_arg "$call")"
      r=$(grep '^RESULT' "$OUT_DIR/wrk-$call-c$c.txt")
      k="$call/$c"
      TPS[$k]=$(calc %.1f "$(kv requests "$r") / ($(kv duration_us "$r") / 1e6)")
      P50[$k]=$(kv p50_ms "$r"); P90[$k]=$(kv p90_ms "$r"); P99[$k]=$(kv p99_ms "$r"); MAX[$k]=$(kv max_ms "$r")
      BAD[$k]=$(( $(kv non200 "$r") + $(kv socket_errors "$r") ))
      CPU[$k]=$(cpu_split "$call$c.a" "$call$c.b" brief)
      say "  ${TPS[$k]} req/s, p50 ${P50[$k]} ms, p99 ${P99[$k]} ms, non-200/socket errors ${BAD[$k]}"
    done
  done
  audit_rows=$("${PSQL[@]}" -c "SELECT count(*) FROM audit_entry")
fi

# ---------------------------------------------------------------- 5. what the database does for them
say "EXPLAIN (ANALYZE, BUFFERS) of the two calls' queries"
"${PSQL[@]}" -P pager=off -v assignee="$ASSIGNEE" -v patient_id="$explain_patient" -v today="$today" \
  -f "$EXPLAIN_SQL" >"$OUT_DIR/explain.txt" 2>&1 || { cat "$OUT_DIR/explain.txt" >&2; die "EXPLAIN failed"; }
# one row per statement; the worklist page's whole plan below it (the timeline's are in explain.txt)
explain_part="| statement | execution ms | how the rows are found (plan node: rows) | shared buffers hit / read |
|---|---:|---|---|
$(awk -f "$BENCH_DIR/explain-summary.awk" "$OUT_DIR/explain.txt")

The worklist page's plan:

\`\`\`
$(awk '/^-- worklist page/ { on = 1; next } /^-- / { on = 0 } on' "$OUT_DIR/explain.txt")
\`\`\`"

# ---------------------------------------------------------------- 6. ProcedureRecorded -> plan readable
lat_result="" e2e_result="" e2e_size=0
if [ "$SKIP_LATENCY" != 1 ]; then
  while listening "$PROC_PORT"; do PROC_PORT=$((PROC_PORT + 1)); [ "$PROC_PORT" -lt 18280 ] || die "no free port in 18182-18279"; done
  say "starting procedure-service on port $PROC_PORT against $PROC_DB (its outbox relay publishes the procedures)"
  start_service procedure-service "$PROCEDURE_JAR" "$PROC_PORT" "$PROC_DB" "$PROC_LOG"
  proc_pid=$started_pid
  "${PROC_PSQL[@]}" -c "DELETE FROM outbox_event"
  # Kafka alone: one record at a time, produced with acks=all and consumed, of an envelope's size
  e2e_size=$(java -cp "$PG_JAR_PATH" "$LATENCY_JAVA" --sample | wc -c)
  say "Kafka's own end-to-end latency: $E2E_COUNT records of $e2e_size bytes (EndToEndLatency, acks=all)"
  kafka_java org.apache.kafka.tools.EndToEndLatency "127.0.0.1:$KAFKA_PORT" bench.e2e 20 all "$e2e_size" >"$OUT_DIR/e2e-warmup.txt" 2>&1 ||
    die "EndToEndLatency failed: $(tail -n 3 "$OUT_DIR/e2e-warmup.txt")"
  kafka_java org.apache.kafka.tools.EndToEndLatency "127.0.0.1:$KAFKA_PORT" bench.e2e "$E2E_COUNT" all "$e2e_size" >"$OUT_DIR/e2e.txt" 2>&1 ||
    die "EndToEndLatency failed: $(tail -n 3 "$OUT_DIR/e2e.txt")"
  e2e_avg=$(sed -n 's/^Avg latency: \([0-9.]*\) ms.*/\1/p' "$OUT_DIR/e2e.txt")
  read -r e2e_p50 e2e_p99 e2e_p999 <<<"$(sed -n 's/^Percentiles: 50th = \([0-9.]*\), 99th = \([0-9.]*\), 99.9th = \([0-9.]*\).*/\1 \2 \3/p' "$OUT_DIR/e2e.txt")"
  say "  avg $e2e_avg ms, p50 $e2e_p50 ms, p99 $e2e_p99 ms, p99.9 $e2e_p999 ms"

  say "plan latency: 50 procedures to warm the path (not counted), then $LATENCY_COUNT, one every ${LATENCY_INTERVAL_MS} ms"
  lat_args=("jdbc:postgresql://127.0.0.1:5432/$PROC_DB" "jdbc:postgresql://127.0.0.1:5432/$DB")
  java -cp "$PG_JAR_PATH" "$LATENCY_JAVA" "${lat_args[@]}" 50 "$LATENCY_INTERVAL_MS" "$OUT_DIR/latency-warmup.txt" >"$OUT_DIR/latency-warmup.out" 2>&1 ||
    die "PlanLatency (warm-up) failed: $(tail -n 5 "$OUT_DIR/latency-warmup.out")"
  cpu_mark lat.a
  java -cp "$PG_JAR_PATH" "$LATENCY_JAVA" "${lat_args[@]}" "$LATENCY_COUNT" "$LATENCY_INTERVAL_MS" "$OUT_DIR/latency.txt" >"$OUT_DIR/latency.out" 2>&1 ||
    die "PlanLatency failed: $(tail -n 5 "$OUT_DIR/latency.out")"
  cpu_mark lat.b
  lat_result=$(grep '^RESULT' "$OUT_DIR/latency.out") || die "PlanLatency printed no result"
  lat_consumer=$(grep '^CONSUMER' "$OUT_DIR/latency.out" || true)
  say "  consumer: $(sed 's/^CONSUMER //' <<<"$lat_consumer")"
  say "  $(sed 's/^RESULT //' <<<"$lat_result")"
  lat_cpu=$(cpu_split lat.a lat.b brief)
  stop_pid procedure-service "$proc_pid"; proc_pid=""
fi
stop_pid followup-service "$svc_pid"; svc_pid=""

# ---------------------------------------------------------------- 7. report
describe_machine
pg_ver=$("${PSQL[@]}" -c "SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem') || ', random_page_cost ' || current_setting('random_page_cost')")

http_part="(skipped: BENCH_SKIP_HTTP=1)"
targets=""
if [ "$SKIP_HTTP" != 1 ]; then
  table="| call | clients | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 | CPU busy (service + PostgreSQL + wrk + other), of $CORES cores | service CPU per request |
|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
  bad_total=0
  for call in $calls; do
    for c in $LEVELS; do
      k="$call/$c"
      read -r cb cs cp cg co <<<"${CPU[$k]}"
      table+="
| $call | $c | ${TPS[$k]} | ${P50[$k]} | ${P90[$k]} | ${P99[$k]} | ${MAX[$k]} | ${BAD[$k]} | $cb ($cs + $cp + $cg + $co) | $(calc %.2f "1000 * $cs / ${TPS[$k]}") ms |"
      bad_total=$((bad_total + BAD[$k]))
      targets+="- $call at $c client(s): p99 ${P99[$k]} ms < 50 ms — $(pass "${P99[$k]} < 50")
"
    done
  done
  valid="valid: every request answered 200"
  [ "$bad_total" = 0 ] || valid="**not valid: $bad_total non-200 answers or socket errors**"
  http_part="Worklist: \`GET $WORKLIST_PATH\` (the same first page every time: $worklist_items ids, $worklist_bytes bytes). Timeline: \`GET /api/followups/timeline?patientId=…\` for 10,000 random patients in turn (one: $timeline_bytes bytes). Token of coordinator1 (Keycloak). wrk (threads = min(clients, $CORES)) for ${DURATION}s per level after a ${WARMUP}s warm-up at 4 clients. Result: $valid. Each request also wrote its audit rows ($audit_rows in the run).

$table"
fi

latency_part="(skipped: BENCH_SKIP_LATENCY=1)"
if [ -n "$lat_result" ]; then
  read -r lb ls_ lp lg lo <<<"$lat_cpu"
  latency_part="| path | n | p50 ms | p99 ms | other |
|---|---:|---:|---:|---|
| ProcedureRecorded committed in procedure-service's outbox → plan readable in followup-service | $(kv readable "$lat_result") of $(kv sent "$lat_result") | $(kv p50_ms "$lat_result") | $(kv p99_ms "$lat_result") | p90 $(kv p90_ms "$lat_result"), max $(kv max_ms "$lat_result") |
| … of which commit → Kafka acknowledged (the relay's published_at) | $(kv published "$lat_result") | $(kv kafka_p50_ms "$lat_result") | $(kv kafka_p99_ms "$lat_result") | procedure-service's outbox relay, poll interval 200 ms |
| … then → plan row made (the consumer's created_at) | | $(kv plan_p50_ms "$lat_result") | $(kv plan_p99_ms "$lat_result") | delivery to followup-service's consumer and its wait behind the events published with it: a relay pass published $(kv burst_p50 "$lat_consumer") at once (median; max $(kv burst_max "$lat_consumer")), and the consumer made their plans one after another, $(kv per_plan_p50_ms "$lat_consumer") ms apart (median; p90 $(kv per_plan_p90_ms "$lat_consumer") ms) |
| … then → seen by a poll | | $(kv readable_p50_ms "$lat_result") | $(kv readable_p99_ms "$lat_result") | commit, plus up to one poll: every $(kv poll_interval_ms "$lat_result") ms, query mean $(kv poll_mean_ms "$lat_result") ms, max $(kv poll_max_ms "$lat_result") ms |
| Kafka alone, same broker and run (EndToEndLatency: produce with acks=all, consume, one record of $e2e_size bytes at a time) | $E2E_COUNT | $e2e_p50 | $e2e_p99 | avg $e2e_avg ms, p99.9 $e2e_p999 ms (the tool prints whole ms) |

One procedure every $LATENCY_INTERVAL_MS ms (open loop), after 50 not counted; CPU busy during it $lb of $CORES cores (followup-service $ls_, PostgreSQL $lp, other $lo, procedure-service and the broker included). Each is a ProcedureRecorded envelope committed into procedure-service's outbox_event by bench/PlanLatency.java, the row the service's own transaction writes when a procedure is recorded (the API call before the commit is not part of the interval); the relay, the broker, followup-service's consumer and its plan transaction are the real ones."
fi

# Optional phrases (plain ifs: a failing test inside \$(...) would stop the script under set -e).
stale_part=""; waited_part=""
if [ "$stale" -gt 0 ]; then stale_part="; $stale main source file(s) are newer than the jar"; fi
if [ "$waited" -gt 0 ]; then waited_part=" after waiting ${waited}s (it was $load_start)"; fi
generated_part="kept from an earlier run (made on $data_seen)"
[ -z "$generate_s" ] || generated_part="generated in this run in ${generate_s} s (SQL, VACUUM ANALYZE)"

section="## $stamp — followups

Machine: $machine; PostgreSQL $pg_ver; $java_ver. Commit $commit, followup-service jar built $jar_info$stale_part.
Load average (1 min) at the start: $load_begin$waited_part; busy processes at the start: ${busy_procs:-none}. JVM flags: \`${JAVA_OPTS:-(none)}\`; followup-service ready ${svc_start_s}s after \`java -jar\`.

Data ($DB, $db_size, bench/followups-data.sql, $generated_part, as seen on $data_seen): $PATIENTS patients, $plans plans over the two years before, $visits visits ($spread_states), $spread_outcomes outcomes, $spread_safety safety checks, $spread_candidates repeat-treatment candidates, $spread_relief plans with an expected end of relief, $spread_lost patients lost to follow-up; ~10 coordinators as assignees.

$http_part

Targets (p99 under 50 ms with 1,000,000 visits):

${targets:-- (not measured)
}
Time from ProcedureRecorded committed to the plan readable (procedure-service on $PROC_DB and followup-service on $DB, both \`java -jar\`, broker 127.0.0.1:$KAFKA_PORT of this run):

$latency_part

What the database does: EXPLAIN (ANALYZE, BUFFERS) after the load of the statements each call runs (bench/followups-explain.sql: copies of the service's with the values inlined), assignee $ASSIGNEE, patient $explain_patient (one of the 10,000 the timeline load asked for):

$explain_part
${NOTE:+
$NOTE
}"

publish_section "$section"
