#!/usr/bin/env bash
# Benchmark of the outcome report (issue 11): `GET /api/reports/outcomes` of followup-service over 100,000
# procedures and 700,000 follow-up visits must answer in under 1 s on this machine.
#
#   bench/reports.sh              run it (about 3 minutes with the data in place, 1-4 more to generate it) and
#                                 append a "reports" section to docs/benchmarks.md
#
# What it does, in one run:
#   1. waits (up to BENCH_LOAD_WAIT s) for the 1-minute load average to drop below BENCH_MAX_LOAD;
#   2. starts what is missing: PostgreSQL (database BENCH_DB, followups_reports_bench by default) and Keycloak
#      (scripts/local-keycloak.sh, shared with `./clinic up`, for a real admin1 token); always starts a Kafka broker
#      of its own, emptied, on 127.0.0.1:19492 (controller 19493, state in .run/bench/reports/kafka), so nothing
#      reaches the dev broker or another benchmark's; builds the followup-service jar when missing;
#   3. lets followup-service migrate BENCH_DB (`java -Dspring.context.exit=onRefresh -jar`: Flyway runs, no listener
#      starts) and, unless the data set of bench/reports-data.sql is there with the right counts, made by the same
#      script on the same migrations within BENCH_MAX_DATA_AGE days, generates it in PostgreSQL (generate_series)
#      and runs VACUUM ANALYZE;
#   4. starts followup-service (`java -jar`, BENCH_PORT or the next free one) against BENCH_DB and the benchmark's
#      broker (its missed-visit job held off, so the data set stays as generated); checks that both reports answer
#      200 with JSON, and the CSV; warms up (BENCH_WARMUP calls of each); then BENCH_CALLS calls of each, one after
#      the other (curl, a fresh admin1 token per report), timed from the request to the last byte:
#        - all:      BENCH_ALL_PATH, every procedure of the three years;
#        - filtered: BENCH_FILTERED_PATH, one modality (cryoneurolysis) over the last year;
#      median, p95 and max, the CPU of the service and of PostgreSQL during them;
#   5. the reference, in the same run: the same SQL statements the report runs (written by the jar's
#      report/ReportStatements from the service's own SQL), run by pgbench on the same database (-M extended, one client, BENCH_CALLS transactions of
#      each scope after BENCH_WARMUP): what the database alone needs, so the rest is the service's own work
#      (statistics, JSON, HTTP, security, audit);
#   6. EXPLAIN (ANALYZE, BUFFERS) of those statements for the whole data set: which index or scan reads how many
#      rows and pages, and the plan of the heaviest one;
#   7. prints the table and appends a dated section to docs/benchmarks.md (BENCH_WRITE_DOC=0 only prints).
# It stops what it started (the service, the broker, Keycloak if it was not running), also on errors, and empties
# the audit and outbox rows the run wrote.
#
# Settings (environment): BENCH_DB (followups_reports_bench), BENCH_PORT (18085), BENCH_CALLS (20),
# BENCH_WARMUP (10), BENCH_ALL_PATH (/api/reports/outcomes?from=<3 years ago>&to=<today>),
# BENCH_FILTERED_PATH (/api/reports/outcomes?modality=CRYONEUROLYSIS&from=<1 year ago>&to=<today>),
# BENCH_TOKEN_USER (admin1), BENCH_JAVA_OPTS ("-Xmx256m -XX:+UseSerialGC"), BENCH_MAX_LOAD (1.0),
# BENCH_LOAD_WAIT (600), BENCH_WRITE_DOC (1), BENCH_NOTE, BENCH_REBUILD (0; 1 rebuilds the jar), BENCH_REGENERATE
# (0; 1 makes the data set again), BENCH_MAX_DATA_AGE (7 days), BENCH_KAFKA_PORT (19492),
# BENCH_KAFKA_CONTROLLER_PORT (19493). Logs and raw output go to .run/bench/reports/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
OUT_DIR="$ROOT/.run/bench/reports"
DOC="$ROOT/docs/benchmarks.md"
FOLLOWUP_JAR="$ROOT/followup-service/target/followup-service-0.1.0-SNAPSHOT.jar"
DATA_SQL="$BENCH_DIR/reports-data.sql"

DB=${BENCH_DB:-followups_reports_bench}
PORT=${BENCH_PORT:-18085}
CALLS=${BENCH_CALLS:-20}
WARMUP=${BENCH_WARMUP:-10}
TOKEN_USER=${BENCH_TOKEN_USER:-admin1}
JAVA_OPTS=${BENCH_JAVA_OPTS-"-Xmx256m -XX:+UseSerialGC"}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-600}
WRITE_DOC=${BENCH_WRITE_DOC:-1}
NOTE=${BENCH_NOTE:-}
REBUILD=${BENCH_REBUILD:-0}
REGENERATE=${BENCH_REGENERATE:-0}
MAX_DATA_AGE=${BENCH_MAX_DATA_AGE:-7}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19492}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19493}
PROCEDURES=100000
VISITS=700000
TARGET_MS=1000

export PGPASSWORD=clinic
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U clinic -d "$DB")

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"   # say, die, calc, CPU accounting, Keycloak and the broker, the report's output
help_if_asked "$@"

today=$(date -u +%F)   # the data set's "today" (clinic.followups.zone is UTC unless CLINIC_TIME_ZONE says otherwise)
ALL_PATH=${BENCH_ALL_PATH:-"/api/reports/outcomes?from=$(date -u -d "$today - 1095 days" +%F)&to=$today"}
FILTERED_FROM=$(date -u -d "$today - 1 year" +%F)
FILTERED_PATH=${BENCH_FILTERED_PATH:-"/api/reports/outcomes?modality=CRYONEUROLYSIS&from=$FILTERED_FROM&to=$today"}

mkdir -p "$OUT_DIR"
SVC_LOG="$OUT_DIR/followup-service.log"
rm -f "$SVC_LOG"
started_keycloak=0 started_kafka=0 svc_pid="" wrk_pid="" data_ready=0

remove_run_rows() { "${PSQL[@]}" -c "TRUNCATE audit_entry, outbox_event, processed_event" 2>/dev/null || true; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid followup-service "$svc_pid"
  if [ "$data_ready" = 1 ]; then remove_run_rows; fi
  if [ "$started_keycloak" = 1 ]; then "$ROOT/scripts/local-keycloak.sh" stop || true; fi
  if [ "$started_kafka" = 1 ]; then bench_kafka stop || true; fi
  if [ "$rc" -ne 0 ]; then say_failed "$rc" "$SVC_LOG"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
for tool in java curl psql pgbench awk ss sha256sum; do command -v "$tool" >/dev/null || die "$tool is missing"; done
for f in "$DATA_SQL" "$BENCH_DIR/explain-summary.awk"; do [ -f "$f" ] || die "missing $f"; done

# ---------------------------------------------------------------- 1. wait for a calm machine
wait_for_calm_machine

# ---------------------------------------------------------------- 2. infrastructure
CLINIC_DATABASES="$DB" "$ROOT/scripts/local-postgres.sh"
KEYCLOAK_START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-300} start_keycloak   # its first start takes minutes
[ "$KAFKA_PORT" != 9092 ] && [ "$KAFKA_PORT" != 19092 ] && [ "$KAFKA_PORT" != 19192 ] ||
  die "9092 is the dev broker's, 19092 and 19192 other benchmarks' port; pick another BENCH_KAFKA_PORT"
start_bench_kafka

build followup-service "$FOLLOWUP_JAR"
jar_info="$(date -u -r "$FOLLOWUP_JAR" '+%Y-%m-%d %H:%M UTC')"
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
stale=$(find "$ROOT"/followup-service/src/main "$ROOT"/platform/src/main "$ROOT"/event-contracts/src/main -type f -newer "$FOLLOWUP_JAR" | wc -l)
if [ "$stale" -gt 0 ]; then say "NOTE: $stale source file(s) changed after the followup-service jar was built; BENCH_REBUILD=1 rebuilds it"; fi

# ---------------------------------------------------------------- 3. the data set
if [ "$REGENERATE" = 1 ]; then
  # a new schema: Flyway refuses a migration merged in with a lower version than one the database already has
  say "BENCH_REGENERATE=1: emptying $DB (schema public dropped and made again)"
  PGOPTIONS="-c client_min_messages=warning" "${PSQL[@]}" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
fi
say "migrating $DB with followup-service's Flyway (context refreshed, then closed)"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  java $JAVA_OPTS -Dspring.context.exit=onRefresh -jar "$FOLLOWUP_JAR" >"$OUT_DIR/migrate.log" 2>&1 || {
  grep -o 'Validate failed: [^.]*' "$OUT_DIR/migrate.log" | head -n 1 >&2 || true
  tail -n 20 "$OUT_DIR/migrate.log" >&2
  die "followup-service could not migrate $DB (a migration older than the newest applied one? BENCH_REGENERATE=1 starts afresh)"; }
data_sha=$(sha256sum "$DATA_SQL" | cut -c1-12)
# the data set is only valid for the migrations it was made on (a later one may add columns it must fill)
migrations=$("${PSQL[@]}" -c "SELECT count(*) FROM flyway_schema_history WHERE success")
# (two statements: one naming bench_dataset fails to parse where there is no such table, e.g. a schema emptied)
dataset=none
if [ "$("${PSQL[@]}" -c "SELECT to_regclass('public.bench_dataset') IS NOT NULL AND EXISTS (SELECT 1
  FROM information_schema.columns WHERE table_name = 'bench_dataset' AND column_name = 'procedures')")" = t ]; then
  dataset=$("${PSQL[@]}" -F ' ' -c "SELECT coalesce(max(script_sha || ' ' || seen_on || ' ' || procedures || ' '
                                       || visits || ' ' || migrations), 'none') FROM bench_dataset")
fi
regen_reason=""
if [ "$REGENERATE" = 1 ]; then regen_reason="BENCH_REGENERATE=1"
elif [ "$dataset" = none ]; then regen_reason="no data set yet"
else
  read -r had_sha had_seen had_procedures had_visits had_migrations <<<"$dataset"
  remove_run_rows
  now_visits=$("${PSQL[@]}" -c "SELECT count(*) FROM follow_up_visit")
  now_procedures=$("${PSQL[@]}" -c "SELECT count(*) FROM known_procedure")
  age=$(( ( $(date -u -d "$today" +%s) - $(date -u -d "$had_seen" +%s) ) / 86400 ))
  if [ "$had_sha" != "$data_sha" ]; then regen_reason="bench/reports-data.sql changed"
  elif [ "$had_migrations" != "$migrations" ]; then regen_reason="the service's migrations changed"
  elif [ "$had_visits" != "$VISITS" ] || [ "$now_visits" != "$VISITS" ] || [ "$now_procedures" != "$PROCEDURES" ] ||
       [ "$had_procedures" != "$PROCEDURES" ]; then
    regen_reason="sizes differ ($now_visits visits, $now_procedures procedures)"
  elif [ "$age" -gt "$MAX_DATA_AGE" ]; then regen_reason="made $age days ago, seen on $had_seen"
  fi
fi
generate_s=""
if [ -n "$regen_reason" ]; then
  say "generating $PROCEDURES procedures and $VISITS visits in $DB ($regen_reason)"
  t0=$(now_ns)
  "${PSQL[@]}" -v today="$today" -v script_sha="$data_sha" -f "$DATA_SQL" >"$OUT_DIR/generate.log" 2>&1 ||
    { tail -n 20 "$OUT_DIR/generate.log" >&2; die "generating the data set failed"; }
  generated_s=$(calc %.0f "($(now_ns) - $t0) / 1e9")
  PGOPTIONS="-c client_min_messages=error" "${PSQL[@]}" -c "VACUUM (ANALYZE)"   # (no notes on catalogs it may not vacuum)
  generate_s=$(calc %.0f "($(now_ns) - $t0) / 1e9")
  say "  generated in ${generated_s}s, vacuumed and analysed in ${generate_s}s"
else
  say "keeping the data set of $had_seen ($PROCEDURES procedures, $VISITS visits)"
  PGOPTIONS="-c client_min_messages=error" "${PSQL[@]}" -c "ANALYZE"
fi
data_ready=1
data_seen=$("${PSQL[@]}" -c "SELECT seen_on FROM bench_dataset")
db_size=$("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
spread=$("${PSQL[@]}" -F '|' -c "SELECT
  (SELECT string_agg(modality || ' ' || n, ', ' ORDER BY modality) FROM (SELECT modality, count(*) n FROM known_procedure GROUP BY modality) m),
  (SELECT count(DISTINCT patient_id) FROM known_procedure),
  (SELECT count(*) FROM known_procedure WHERE previous_procedure_id IS NOT NULL),
  (SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM follow_up_visit GROUP BY state) s),
  (SELECT count(*) FROM follow_up_outcome), (SELECT count(*) FROM follow_up_outcome WHERE responder),
  (SELECT count(*) FROM follow_up_plan WHERE relief_ended_on IS NOT NULL),
  (SELECT count(*) FROM known_adverse_event), (SELECT count(*) FROM known_adverse_event WHERE serious),
  (SELECT count(*) FROM known_patient WHERE lost_to_follow_up_since IS NOT NULL),
  (SELECT min(performed_on) || ' to ' || max(performed_on) FROM follow_up_plan)")
IFS='|' read -r s_modalities s_patients s_repeats s_states s_outcomes s_responders s_ended s_events s_serious s_lost s_dates <<<"$spread"

# ---------------------------------------------------------------- 4. the report over HTTP
while listening "$PORT"; do PORT=$((PORT + 1)); [ "$PORT" -lt 18180 ] || die "no free port from BENCH_PORT to 18179"; done
say "starting followup-service on port $PORT against $DB: java $JAVA_OPTS -jar $(basename "$FOLLOWUP_JAR")"
wait_quiet
t_launch=$(now_ns)
# shellcheck disable=SC2086 # JAVA_OPTS holds several flags
SERVER_PORT=$PORT DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  MISSED_VISITS_INITIAL_DELAY=24h nohup java $JAVA_OPTS -jar "$FOLLOWUP_JAR" >"$SVC_LOG" 2>&1 </dev/null &
svc_pid=$!
wait_ready followup-service "$svc_pid" "$PORT" "$t_launch" 180 0.2
svc_start_s=$(calc %.1f "($(now_ns) - $t_launch) / 1e9")
say "followup-service ready on port $PORT after ${svc_start_s}s"
BASE="http://127.0.0.1:$PORT"

# call NAME PATH ACCEPT TOKEN: one GET, the answer kept in OUT_DIR/answer-NAME; prints "status seconds bytes"
call() {
  curl -sS -o "$OUT_DIR/answer-$1" -w '%{http_code} %{time_total} %{size_download}\n' \
    -H "Authorization: Bearer $4" -H "Accept: $3" "$BASE$2"
}
token=$(fetch_token)
declare -A BYTES PROCS
for scope in all filtered; do
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  read -r code secs bytes <<<"$(call "$scope.json" "$path" application/json "$token")"
  [ "$code" = 200 ] || die "the $scope report ($path) answered $code: $(head -c 400 "$OUT_DIR/answer-$scope.json")"
  BYTES[$scope]=$bytes
  PROCS[$scope]=$(grep -o '"procedures":[0-9]*' "$OUT_DIR/answer-$scope.json" | head -n 1 | cut -d: -f2)
  say "$scope: $path answered 200, $bytes bytes, ${PROCS[$scope]:-?} procedures in the first group; first call ${secs}s"
done
read -r code secs csv_bytes <<<"$(call all.csv "$ALL_PATH" text/csv "$token")"
[ "$code" = 200 ] || die "the CSV report answered $code"
csv_rows=$(wc -l <"$OUT_DIR/answer-all.csv")
say "CSV: $csv_rows lines, $csv_bytes bytes, ${secs}s"

# measure NAME PATH N: N calls one after the other; their times (ms) one a line in OUT_DIR/times-NAME.txt
measure() {
  local name=$1 path=$2 n=$3 i code secs bytes tok
  tok=$(fetch_token)   # a fresh token: 20 calls of a slow report must not outlive it
  : >"$OUT_DIR/times-$name.txt"
  for i in $(seq 1 "$n"); do
    read -r code secs bytes <<<"$(call "$name.json" "$path" application/json "$tok")"
    [ "$code" = 200 ] || die "call $i of $name answered $code: $(head -c 300 "$OUT_DIR/answer-$name.json")"
    calc %.1f "$secs * 1000" >>"$OUT_DIR/times-$name.txt"; echo >>"$OUT_DIR/times-$name.txt"
  done
}
# stats FILE: "median p95 max min" of the numbers in FILE (nearest rank)
stats() {
  sort -n "$1" | awk 'NF { v[++n] = $1 } END {
    m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    r = int(0.95 * n + 0.999999); if (r < 1) r = 1
    printf "%.1f %.1f %.1f %.1f\n", m, v[r], v[n], v[1] }'
}
say "warm-up: $WARMUP calls of each report (not counted)"
measure warmup-all "$ALL_PATH" "$WARMUP"
measure warmup-filtered "$FILTERED_PATH" "$WARMUP"
declare -A MED P95 MAXMS MINMS CPU
for scope in all filtered; do
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  say "$scope: $CALLS calls, one after the other"
  cpu_mark "$scope.a"; measure "$scope" "$path" "$CALLS"; cpu_mark "$scope.b"
  read -r MED[$scope] P95[$scope] MAXMS[$scope] MINMS[$scope] <<<"$(stats "$OUT_DIR/times-$scope.txt")"
  CPU[$scope]=$(cpu_split "$scope.a" "$scope.b" brief)
  say "  median ${MED[$scope]} ms, p95 ${P95[$scope]} ms, max ${MAXMS[$scope]} ms (CPU: ${CPU[$scope]})"
done
audit_rows=$("${PSQL[@]}" -c "SELECT count(*) FROM audit_entry")
stop_pid followup-service "$svc_pid"; svc_pid=""

# ---------------------------------------------------------------- 5. the reference: the same SQL, by pgbench
# param PATH NAME: the value of the query parameter NAME in PATH (empty when absent)
param() { sed -n "s/.*[?&]$2=\([^&]*\).*/\1/p" <<<"$1"; }
# statements SCOPE_PATH STYLE: the report's transaction for the scope's filters, written by the service itself
# (report/ReportStatements in the jar, from ReportedProcedures' own SQL: no copy to keep in step); STYLE pgbench
# (":from", bound as parameters, no psql meta-commands and no EXPLAIN line) or psql (":'from'", quoted literals)
statements() {
  local path=$1 style=$2 name value args=()
  for name in from to modality indication nerve; do
    value=$(param "$path" "$name")
    [ -z "$value" ] || args+=("$name=$value")
  done
  java -cp "$FOLLOWUP_JAR" -Dloader.main=org.clinictracker.followups.report.ReportStatements \
    org.springframework.boot.loader.launch.PropertiesLauncher "$style" "${args[@]}"
}
# variables PATH OPTION: "OPTION name=value" for the report's day and each query parameter of the report's
# (pgbench -D, psql -v)
variables() {
  local name value
  printf '%s\n%s\n' "$2" "today=$today"
  for name in from to modality indication nerve; do
    value=$(param "$1" "$name")
    [ -z "$value" ] || printf '%s\n%s\n' "$2" "$name=$value"
  done
}
declare -A PG_MED PG_P95 PG_MAX PG_CPU
for scope in all filtered; do
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  statements "$path" pgbench >"$OUT_DIR/pgbench-$scope.sql"
  mapfile -t pg_vars < <(variables "$path" -D)
  pg_args=(-n -M extended -c 1 "${pg_vars[@]}" -f "$OUT_DIR/pgbench-$scope.sql" -h 127.0.0.1 -U clinic "$DB")
  pgbench "${pg_args[@]}" -t "$WARMUP" >"$OUT_DIR/pgbench-warmup-$scope.txt" 2>&1 ||
    die "pgbench failed: $(tail -n 5 "$OUT_DIR/pgbench-warmup-$scope.txt")"
  rm -f "$OUT_DIR"/pgbench_log.*
  cpu_mark "pg$scope.a"
  (cd "$OUT_DIR" && pgbench "${pg_args[@]}" -t "$CALLS" -l >"$OUT_DIR/pgbench-$scope.txt" 2>&1) ||
    die "pgbench failed: $(tail -n 5 "$OUT_DIR/pgbench-$scope.txt")"
  cpu_mark "pg$scope.b"
  awk '{ printf "%.1f\n", $3 / 1000 }' "$OUT_DIR"/pgbench_log.* >"$OUT_DIR/times-pgbench-$scope.txt"
  read -r PG_MED[$scope] PG_P95[$scope] PG_MAX[$scope] _ <<<"$(stats "$OUT_DIR/times-pgbench-$scope.txt")"
  PG_CPU[$scope]=$(cpu_split "pg$scope.a" "pg$scope.b" brief)
  say "pgbench $scope: median ${PG_MED[$scope]} ms, p95 ${PG_P95[$scope]} ms"
done

# ---------------------------------------------------------------- 6. what the database does
# explain SCOPE: EXPLAIN (ANALYZE, BUFFERS) of the scope's statements into OUT_DIR/explain-SCOPE.txt; prints the
# summary table's rows and then the slowest statement's plan
explain() {
  local scope=$1 path slowest
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  statements "$path" psql >"$OUT_DIR/explain-$scope.sql"
  mapfile -t ps_vars < <(variables "$path" -v)
  "${PSQL[@]}" -P pager=off "${ps_vars[@]}" -v explain='EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)' \
    -f "$OUT_DIR/explain-$scope.sql" >"$OUT_DIR/explain-$scope.txt" 2>&1 ||
    { cat "$OUT_DIR/explain-$scope.txt" >&2; die "EXPLAIN failed"; }
}
say "EXPLAIN (ANALYZE, BUFFERS) of the report's statements, both scopes"
explain all; explain filtered
explain_part=""
for scope in all filtered; do
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  summary=$(awk -f "$BENCH_DIR/explain-summary.awk" "$OUT_DIR/explain-$scope.txt")
  slowest=$(sort -t'|' -k3 -gr <<<"$summary" | head -n 1 | cut -d'|' -f2 | sed 's/^ *//; s/ *$//')
  explain_part+="
The $scope report (\`${path}\`):

| statement | execution ms | how the rows are found (plan node: rows) | shared buffers hit / read |
|---|---:|---|---|
$summary

The plan of the slowest, $slowest:

\`\`\`
$(awk -v want="-- $slowest" '$0 == want { on = 1; next } /^-- / { on = 0 } on' "$OUT_DIR/explain-$scope.txt")
\`\`\`
"
done

# ---------------------------------------------------------------- 7. report
describe_machine
pg_ver=$("${PSQL[@]}" -c "SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem') || ', max_parallel_workers_per_gather ' || current_setting('max_parallel_workers_per_gather')")
# cpu_ms_per_call MARK CORES: CPU-ms per call of something that used CORES between MARK.a and MARK.b
cpu_ms_per_call() { calc %.0f "$2 * ($(cat "$OUT_DIR/cpu.$1.b.time") - $(cat "$OUT_DIR/cpu.$1.a.time")) / 1e6 / $CALLS"; }
table="| report | answer | calls | median ms | p95 ms | max ms | min ms | CPU busy (service + PostgreSQL + curl/pgbench + other), of $CORES cores | service CPU per call |
|---|---|---:|---:|---:|---:|---:|---|---:|"
targets=""
for scope in all filtered; do
  path=$ALL_PATH; [ "$scope" = all ] || path=$FILTERED_PATH
  read -r cb cs cp cg co <<<"${CPU[$scope]}"
  table+="
| $scope: \`GET ${path}\` | ${BYTES[$scope]} bytes, ${PROCS[$scope]:-?} procedures | $CALLS | ${MED[$scope]} | ${P95[$scope]} | ${MAXMS[$scope]} | ${MINMS[$scope]} | $cb ($cs + $cp + $cg + $co) | $(cpu_ms_per_call "$scope" "$cs") ms |"
  read -r cb cs cp cg co <<<"${PG_CPU[$scope]}"
  table+="
| … the same SQL alone (pgbench) | | $CALLS | ${PG_MED[$scope]} | ${PG_P95[$scope]} | ${PG_MAX[$scope]} | | $cb ($cs + $cp + $cg + $co) | - |"
  targets+="- $scope: p95 ${P95[$scope]} ms < $TARGET_MS ms — $(pass "${P95[$scope]} < $TARGET_MS") (median ${MED[$scope]} ms; the SQL alone ${PG_MED[$scope]} ms, so the service's own work about $(calc %.0f "${MED[$scope]} - ${PG_MED[$scope]}") ms)
"
done
stale_part=""; waited_part=""
if [ "$stale" -gt 0 ]; then stale_part="; $stale main source file(s) are newer than the jar"; fi
if [ "$waited" -gt 0 ]; then waited_part=" after waiting ${waited}s (it was $load_start)"; fi
generated_part="kept from an earlier run (made on $data_seen)"
[ -z "$generate_s" ] || generated_part="generated in this run in ${generate_s} s (SQL ${generated_s} s, then VACUUM ANALYZE)"

section="## $stamp — reports

Machine: $machine; PostgreSQL $pg_ver; $java_ver. Commit $commit, followup-service jar built $jar_info$stale_part.
Load average (1 min) at the start: $load_begin$waited_part; busy processes at the start: ${busy_procs:-none}. JVM flags: \`${JAVA_OPTS:-(none)}\`; followup-service ready ${svc_start_s}s after \`java -jar\`.

Data ($DB, $db_size, bench/reports-data.sql, $generated_part, as seen on $data_seen): $PROCEDURES procedures ($s_modalities) of $s_patients patients, performed $s_dates, $s_repeats repeat treatments; $VISITS visits ($s_states); $s_outcomes outcomes ($s_responders responders); $s_ended plans whose relief ended; $s_events adverse events ($s_serious serious); $s_lost patients lost to follow-up.

Each report: $CALLS calls one after the other (curl, request to last byte, token of $TOKEN_USER from Keycloak) after $WARMUP not counted; the CSV of the whole report: $csv_rows lines, $csv_bytes bytes. The reference in the same run: the report's SQL statements (written by the service's report/ReportStatements from its own SQL) as one pgbench transaction (\`-M extended\`, 1 client) on the same database, $CALLS times after $WARMUP. Audit rows the calls wrote: $audit_rows.

$table

Targets (under 1 s with 100,000 procedures and 700,000 visits):

$targets
What the database does: EXPLAIN (ANALYZE, BUFFERS) of the report's statements after the calls (the same statements with the scope's filters, values inlined):
$explain_part
${NOTE:+
$NOTE
}"

publish_section "$section"
