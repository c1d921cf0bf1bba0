#!/usr/bin/env bash
# Warm start and idle memory of the whole stack (issue 9's targets: all services healthy within 30 s on 2
# cores, the whole stack under 2.5 GB RSS at idle; "all" is five since issue 10: the three services, the
# gateway and the web app).
#
#   bench/startup.sh            run it (about 5 minutes) and append the results to docs/benchmarks.md
#   bench/startup.sh -h         this text
#
# What it does, in one run:
#   1. waits (up to BENCH_LOAD_WAIT s) for the 1-minute load average to drop below BENCH_MAX_LOAD;
#   2. starts what is missing: PostgreSQL (scripts/local-postgres.sh, plus databases patients_startup,
#      procedures_startup, followups_startup) and Keycloak (scripts/local-keycloak.sh, shared with
#      `./clinic up`); always starts a Kafka broker of its own, empty, on 127.0.0.1:19392 (the dev
#      broker's script and heap settings, state in .run/bench/startup/kafka); builds the jars if missing;
#   3. prepares the services exactly as `./clinic up` does (scripts/service-jvm.sh: same JVM options; the
#      class-data archive made by a training run when the jar changed: its time is reported, it is paid once
#      per build), then starts the five once unmeasured (it migrates empty databases and warms the
#      page cache);
#   4. BENCH_RUNS times (5): launches patient-, procedure-, followup-service, the gateway and the web app at
#      once on ports of its own (18581-18583, gateway 18580, web app 18584), as `./clinic up --no-build` does,
#      and records the wall time until all five answer /actuator/health UP, each one's time to healthy, Spring's
#      "Started ... in X seconds" and the CPU-seconds its JVM used by then; after BENCH_IDLE s (20) of idling,
#      the memory of every process of the stack: the five JVMs, Kafka, Keycloak and PostgreSQL (postmaster, its
#      background processes and the services' connections); then stops the services;
#   5. prints the medians as a table against the targets and appends a dated section to docs/benchmarks.md.
# Memory is RSS per process and PSS (shared pages divided among the processes that map them). PostgreSQL's
# processes all map its shared buffers and binary, so their RSS summed counts those pages many times over: its
# RSS here is their private memory summed plus the largest shared part (the plain sum is shown beside it).
# It stops what it started (services, its broker, Keycloak if it was not running), also on errors.
#
# Settings (environment): BENCH_RUNS (5), BENCH_IDLE (20), BENCH_MAX_LOAD (1.0), BENCH_LOAD_WAIT (300),
# BENCH_QUIET (1: before each start wait up to 60 s for the CPU to be below 20 % busy; 0 does not),
# BENCH_WRITE_DOC (1; 0 only prints), BENCH_NOTE (a sentence added to the doc section),
# BENCH_LABEL (what is measured, e.g. a lever being tried), BENCH_REBUILD (0; 1 rebuilds the jars),
# BENCH_HEALTH_TIMEOUT (180 s per start; the first start gets 3 times that), BENCH_PORT_BASE (18580: gateway; the
# services +1..+3, the web app +4), BENCH_KAFKA_PORT (19392),
# BENCH_KAFKA_CONTROLLER_PORT (19393); CLINIC_JAVA_OPTS and CLINIC_CDS=0 as for ./clinic (to try levers).
# Logs and raw figures go to .run/bench/startup/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
OUT_DIR="$ROOT/.run/bench/startup"
DOC="$ROOT/docs/benchmarks.md"
VERSION=0.1.0-SNAPSHOT

RUNS=${BENCH_RUNS:-5}
IDLE=${BENCH_IDLE:-20}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-300}
QUIET=${BENCH_QUIET:-1}
WRITE_DOC=${BENCH_WRITE_DOC:-1}
NOTE=${BENCH_NOTE:-}
LABEL=${BENCH_LABEL:-"./clinic up as committed"}
REBUILD=${BENCH_REBUILD:-0}
PORT_BASE=${BENCH_PORT_BASE:-18580}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19392}
KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-19393}
HEALTH_TIMEOUT=${BENCH_HEALTH_TIMEOUT:-180}
TARGET_START_S=30
TARGET_MEMORY_MB=2560

SERVICES=(patient-service procedure-service followup-service gateway web)   # ./clinic's order
declare -A PORTS=([gateway]=$PORT_BASE [patient-service]=$((PORT_BASE + 1))
  [procedure-service]=$((PORT_BASE + 2)) [followup-service]=$((PORT_BASE + 3)) [web]=$((PORT_BASE + 4)))
declare -A DBS=([patient-service]=patients_startup [procedure-service]=procedures_startup [followup-service]=followups_startup)

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"   # say, die, calc, Keycloak and the broker, report helpers
# shellcheck source=scripts/service-jvm.sh
. "$ROOT/scripts/service-jvm.sh"   # the JVM options and class-data archives of ./clinic
help_if_asked "$@"

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/memory.*   # an earlier run's samples
started_keycloak=0 started_kafka=0
declare -A PIDS=() TRAINING=()

# ---------------------------------------------------------------- clean-up of what this run started
stop_services() {
  local svc
  for svc in web gateway followup-service procedure-service patient-service; do
    [ -n "${PIDS[$svc]:-}" ] && kill "${PIDS[$svc]}" 2>/dev/null || true
  done
  for svc in "${SERVICES[@]}"; do
    [ -n "${PIDS[$svc]:-}" ] || continue
    for _ in $(seq 1 60); do kill -0 "${PIDS[$svc]}" 2>/dev/null || break; sleep 0.5; done
    kill -9 "${PIDS[$svc]}" 2>/dev/null || true
    PIDS[$svc]=""
  done
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for svc in "${!TRAINING[@]}"; do [ -z "${TRAINING[$svc]}" ] || kill -- "-${TRAINING[$svc]}" 2>/dev/null || true; done
  stop_services
  if [ "$started_keycloak" = 1 ]; then "$ROOT/scripts/local-keycloak.sh" stop || true; fi
  if [ "$started_kafka" = 1 ]; then bench_kafka stop || true; fi
  if [ "$rc" -ne 0 ]; then
    say_failed "$rc" "$OUT_DIR"/patient-service.log "$OUT_DIR"/procedure-service.log \
      "$OUT_DIR"/followup-service.log "$OUT_DIR"/gateway.log "$OUT_DIR"/web.log
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java curl psql awk ss sha256sum
for svc in "${SERVICES[@]}"; do
  if listening "${PORTS[$svc]}"; then die "port ${PORTS[$svc]} ($svc) is taken; set BENCH_PORT_BASE"; fi
done

# ---------------------------------------------------------------- 1.-2. calm machine, infrastructure, jars
wait_for_calm_machine
"$ROOT/scripts/local-postgres.sh" >/dev/null
CLINIC_DATABASES="${DBS[*]}" "$ROOT/scripts/local-postgres.sh" >/dev/null
start_keycloak >/dev/null
[ "$KAFKA_PORT" != 9092 ] && [ "$KAFKA_CONTROLLER_PORT" != 9093 ] || die "the benchmark never uses the dev broker's ports 9092/9093"
start_bench_kafka >/dev/null

jar_of() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }
for svc in "${SERVICES[@]}"; do build "$svc" "$(jar_of "$svc")"; done
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | wc -l)
newest_jar=$(for svc in "${SERVICES[@]}"; do jar_of "$svc"; done | xargs ls -t | head -n 1)
jar_info="$(date -u -r "$newest_jar" '+%Y-%m-%d %H:%M UTC')"
stale=$(find "$ROOT"/*/src/main -type f -newer "$newest_jar" 2>/dev/null | wc -l)
if [ "$stale" -gt 0 ]; then say "NOTE: $stale main source file(s) changed after the jars were built; BENCH_REBUILD=1 rebuilds them"; fi

# The environment of a service: the one ./clinic gives it, with this benchmark's ports, broker and databases.
service_env() {   # service_env SVC: prints NAME=value lines
  local svc=$1
  echo "SERVER_PORT=${PORTS[$svc]}"
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "KEYCLOAK_ISSUER=$KC_URL/realms/clinic"
  case "$svc" in
    gateway)
      echo "PATIENT_SERVICE_URL=http://localhost:${PORTS[patient-service]}"
      echo "PROCEDURE_SERVICE_URL=http://localhost:${PORTS[procedure-service]}"
      echo "FOLLOWUP_SERVICE_URL=http://localhost:${PORTS[followup-service]}"
      echo "WEB_APP_URL=http://localhost:${PORTS[web]}" ;;
    web) echo "CLINIC_API_URL=http://localhost:${PORTS[gateway]}" ;;
    *) echo "DB_URL=jdbc:postgresql://127.0.0.1:5432/${DBS[$svc]}" ;;
  esac
}
with_service_env() {   # with_service_env SVC COMMAND...: runs COMMAND with the service's environment
  local svc=$1; shift
  local vars; mapfile -t vars < <(service_env "$svc")
  env "${vars[@]}" "$@"
}

# ---------------------------------------------------------------- 3. archives, first start
archive_s="not used (CLINIC_CDS=0)"
if service_cds_enabled; then
  made=0
  for svc in "${SERVICES[@]}"; do service_archive_ok "$(jar_of "$svc")" "$OUT_DIR/$svc.app" || made=1; done
  if [ "$made" = 1 ]; then
    say "making the class-data archives (training runs, all at once, as ./clinic up does after a build)"
    t=$(now_ns); failed=""
    for svc in "${SERVICES[@]}"; do
      # each in a process group of its own, which the clean-up stops if this script is interrupted
      with_service_env "$svc" setsid bash -c ". '$ROOT/scripts/service-jvm.sh'; service_archive '$svc' '$(jar_of "$svc")' '$OUT_DIR/$svc.app'" &
      TRAINING[$svc]=$!
    done
    for svc in "${SERVICES[@]}"; do wait "${TRAINING[$svc]}" || failed+=" $svc"; TRAINING[$svc]=""; done
    archive_s="$(calc %.1f "($(now_ns) - $t) / 1e9") s for the ${#SERVICES[@]} training runs at once (once per build; load average $(loadavg) after)"
    # as in ./clinic up, a service whose training failed starts from its jar: measured so, and said so
    [ -z "$failed" ] || archive_s+="; **the training failed for$failed** (see .run/bench/startup/<service>.app/training.log), started from the jar"
  else
    archive_s="up to date (made by an earlier run for the same jars and JVM options)"
  fi
  say "class-data archives: $archive_s"
fi

launch() {   # launch SVC LOG: starts it as ./clinic does; sets PIDS[SVC]
  local svc=$1 log=$2
  local vars
  service_java_args "$(jar_of "$svc")" "$OUT_DIR/$svc.app"
  mapfile -t vars < <(service_env "$svc")
  env "${vars[@]}" nohup java "${JAVA_ARGS[@]}" >"$log" 2>&1 </dev/null &   # $! is the JVM: env and nohup exec it
  PIDS[$svc]=$!
}
healthy() { curl -fsS --max-time 1 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; }
ticks_of() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

declare -A T_HEALTHY CPU_S
start_all() {   # start_all LOG_SUFFIX TIMEOUT_S: launches them all at once, waits for all healthy; sets T_HEALTHY, CPU_S, wall_s
  local suffix=$1 timeout=$2 t0 pending still svc elapsed
  t0=$(now_ns)
  for svc in "${SERVICES[@]}"; do launch "$svc" "$OUT_DIR/$svc$suffix.log"; done
  pending=("${SERVICES[@]}")
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for svc in "${pending[@]}"; do
      if healthy "${PORTS[$svc]}"; then
        T_HEALTHY[$svc]=$(calc %.2f "($(now_ns) - $t0) / 1e9")
        CPU_S[$svc]=$(calc %.1f "$(ticks_of "${PIDS[$svc]}") / $(getconf CLK_TCK)")
      elif ! kill -0 "${PIDS[$svc]}" 2>/dev/null; then
        die "$svc exited during start-up (log $OUT_DIR/$svc$suffix.log)"
      else
        still+=("$svc")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    elapsed=$(( ($(now_ns) - t0) / 1000000000 ))
    [ "$elapsed" -lt "$timeout" ] || die "not healthy after ${timeout}s: ${pending[*]}"
    [ ${#pending[@]} -eq 0 ] || sleep 0.2
  done
  wall_s=$(calc %.2f "($(now_ns) - $t0) / 1e9")
}
spring_started() { sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$1" | head -n 1; }

say "first start (unmeasured: migrates empty databases, fills the page cache)"
start_all .first $((3 * HEALTH_TIMEOUT))
stop_services

# ---------------------------------------------------------------- memory of the stack's processes
kb() { awk -v k="$2" '$1 == k":" { v = $2 } END { print v + 0 }' "$1" 2>/dev/null || echo 0; }
rss_kb() { kb "/proc/$1/status" VmRSS; }
pss_kb() { kb "/proc/$1/smaps_rollup" Pss; }
# PostgreSQL's part of the stack: the postmaster, its background processes and the services' connections
# (other clients' connections, e.g. other checkouts' tests, are not the stack's)
postgres_pids() {
  ps -eo pid=,args= | awk -v dbs=" ${DBS[*]} " '
    $2 ~ /postgres$/ && $3 == "-D" { print $1; next }                 # postmaster
    $2 == "postgres:" {
      n = split($0, w, " "); db = w[5]
      if (index(dbs, " " db " ") > 0 || $0 !~ /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\(|\[local\]/) print $1
    }'
}
memory_sample() {   # memory_sample RUN: "part rss_kb pss_kb count" lines into $OUT_DIR/memory.RUN
  local run=$1 svc pid kafka_pid kc_pid
  {
    for svc in "${SERVICES[@]}"; do echo "$svc $(rss_kb "${PIDS[$svc]}") $(pss_kb "${PIDS[$svc]}") 1"; done
    kafka_pid=$(listener_pid "$KAFKA_PORT"); kc_pid=$(listener_pid 8180)
    echo "kafka $(rss_kb "$kafka_pid") $(pss_kb "$kafka_pid") 1"
    echo "keycloak $(rss_kb "$kc_pid") $(pss_kb "$kc_pid") 1"
    # PostgreSQL's RSS with what its processes share (shared buffers, the binary) counted once: their private
    # memory summed, plus the largest shared part; the plain sum is kept as a fifth column
    local anon=0 file=0 shm=0 r=0 p=0 n=0 f
    for pid in $(postgres_pids); do
      anon=$((anon + $(kb "/proc/$pid/status" RssAnon)))
      f=$(kb "/proc/$pid/status" RssFile); [ "$f" -gt "$file" ] && file=$f
      f=$(kb "/proc/$pid/status" RssShmem); [ "$f" -gt "$shm" ] && shm=$f
      r=$((r + $(rss_kb "$pid"))); p=$((p + $(pss_kb "$pid"))); n=$((n + 1))
    done
    echo "postgresql $((anon + file + shm)) $p $n $r"
  } >"$OUT_DIR/memory.$run"
}

# ---------------------------------------------------------------- 4. measured starts
declare -A ALL_HEALTHY ALL_SPRING ALL_CPU
walls="" loads=""
for run in $(seq 1 "$RUNS"); do
  [ "$QUIET" = 1 ] && wait_quiet
  load=$(loadavg); loads+="${loads:+ }$load"
  start_all ".run$run" "$HEALTH_TIMEOUT"
  walls+="${walls:+ }$wall_s"
  line="run $run (load $load): all healthy after ${wall_s}s;"
  for svc in "${SERVICES[@]}"; do
    s=$(spring_started "$OUT_DIR/$svc.run$run.log")
    ALL_HEALTHY[$svc]+="${ALL_HEALTHY[$svc]:+ }${T_HEALTHY[$svc]}"
    ALL_SPRING[$svc]+="${ALL_SPRING[$svc]:+ }${s:-?}"
    ALL_CPU[$svc]+="${ALL_CPU[$svc]:+ }${CPU_S[$svc]}"
    line+=" $svc ${T_HEALTHY[$svc]}s (Spring ${s:-?}s, ${CPU_S[$svc]} CPU-s)"
  done
  say "$line"
  sleep "$IDLE"
  memory_sample "$run"
  say "  idle after ${IDLE}s, RSS MB: $(awk '{ printf "%s%s %.0f", sep, $1, $2 / 1024; sep = ", " }' "$OUT_DIR/memory.$run")"
  stop_services
done

# ---------------------------------------------------------------- 5. report
median() { tr ' ' '\n' <<<"$1" | grep -v '^?*$' | sort -g | awk '{ v[NR] = $1 } END { if (!NR) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { tr ' ' '\n' <<<"$1" | grep -v '^?*$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }
mem_median() {   # mem_median PART COLUMN(2 rss, 3 pss, 5 postgresql's plain RSS sum): median over the runs, in MB
  printf '%.0f\n' "$(median "$(cat "$OUT_DIR"/memory.[0-9]* | awk -v p="$1" -v c="$2" '$1 == p { printf "%.0f ", $c / 1024 }')")"
}
describe_machine
pg_version=$(PGPASSWORD=clinic psql -X -At -h 127.0.0.1 -U clinic -d postgres -c 'SHOW server_version' 2>/dev/null || echo "?")
kc_flags=$(tr '\0' ' ' <"/proc/$(listener_pid 8180)/cmdline" 2>/dev/null | grep -o -- '-X[sm][sx][0-9]*[mMgG]\|-XX:+Use[A-Za-z]*GC' | tr '\n' ' ' || true)
kafka_flags=$(tr '\0' ' ' <"/proc/$(listener_pid "$KAFKA_PORT")/cmdline" 2>/dev/null | grep -o -- '-X[sm][sx][0-9]*[mMgG]\|-XX:+Use[A-Za-z]*GC' | tr '\n' ' ' || true)
wall_med=$(median "$walls")
total_rss=0 total_pss=0
table="| part | healthy after s (median, range) | Spring's \"Started in\" s | JVM CPU-s to healthy | idle RSS MB | idle PSS MB |
|---|---:|---:|---:|---:|---:|"
for svc in "${SERVICES[@]}"; do
  r=$(mem_median "$svc" 2); p=$(mem_median "$svc" 3)
  total_rss=$((total_rss + ${r%.*})); total_pss=$((total_pss + ${p%.*}))
  table+="
| $svc | $(median "${ALL_HEALTHY[$svc]}") ($(range "${ALL_HEALTHY[$svc]}")) | $(median "${ALL_SPRING[$svc]}") | $(median "${ALL_CPU[$svc]}") | $r | $p |"
done
pg_n=$(awk '$1 == "postgresql" { print $4 }' "$OUT_DIR/memory.$RUNS")
for part in kafka keycloak postgresql; do
  r=$(mem_median "$part" 2); p=$(mem_median "$part" 3)
  total_rss=$((total_rss + ${r%.*})); total_pss=$((total_pss + ${p%.*}))
  case $part in
    kafka) what="Kafka (the benchmark's broker, \`${kafka_flags% }\`)" ;;
    keycloak) what="Keycloak (the one on :8180, \`${kc_flags% }\`)" ;;
    postgresql) what="PostgreSQL ($pg_n processes: server, background, the services' connections; RSS with shared memory counted once, summed plainly $(mem_median postgresql 5) MB)" ;;
  esac
  table+="
| $what | – | – | – | $r | $p |"
done
table+="
| **whole stack** | **$wall_med** ($(range "$walls")) all ${#SERVICES[@]} healthy | | | **$total_rss** | **$total_pss** |"
opts=$(service_java_opts | tr '\n' ' ')
if service_cds_enabled && service_archive_ok "$(jar_of patient-service)" "$OUT_DIR/patient-service.app"; then
  launch_how="extracted jars with their class-data archives (-XX:SharedArchiveFile)"
else
  launch_how="\`java -jar\` of the Boot jars (no class-data archive)"
fi

section="## $stamp — startup

Machine: $machine; PostgreSQL $pg_version; $java_ver. Commit $commit$( [ "$dirty" -gt 0 ] && echo " (+$dirty uncommitted changes)"); jars built $jar_info.
Measured: ${LABEL}. Services: JVM options \`${opts% }\`, $launch_how; class-data archives: $archive_s.
Load average (1 min) at the start of the benchmark: $load_begin$( [ "$waited" -gt 0 ] && echo " (after waiting ${waited}s)"); at each start: $loads. $RUNS warm starts of the ${#SERVICES[@]} at once (as \`./clinic up --no-build\`), medians; memory after ${IDLE}s idle.${NOTE:+ $NOTE}

$table

Targets (2 cores):

- warm start, all ${#SERVICES[@]} healthy ≤ ${TARGET_START_S} s: ${wall_med} s — $(pass "$wall_med <= $TARGET_START_S")
- whole stack idle ≤ 2.5 GB ($TARGET_MEMORY_MB MB): RSS summed $total_rss MB — $(pass "$total_rss <= $TARGET_MEMORY_MB"); PSS summed $total_pss MB — $(pass "$total_pss <= $TARGET_MEMORY_MB")"

publish_section "$section"
