# How a service's JVM is launched, for ./clinic and bench/startup.sh: sourced, not run.
#
# Memory (figures in docs/benchmarks.md, "startup"): the serial collector, a heap starting at 32 MB and capped
# at 256 MB keep a service at 215-245 MB RSS idle, with room for load (the services keep little in memory: under
# load patient-service's heap grew to 74 MB, 34 MB of it live). Metaspace is capped well above what a service
# uses (patient-service: about 60 MB) so a leak fails the service instead of the machine. CLINIC_JAVA_OPTS
# replaces these options as a whole.
#
# Class-data sharing (AppCDS, JDK 17): the class metadata a service loads while Spring refreshes its
# context is dumped once into an archive the next starts map instead of parsing and verifying the
# classes again, which saves several seconds of CPU per service. As Spring Boot's docs describe it: the
# jar is extracted (`java -Djarmode=tools -jar x.jar extract`: CDS cannot use classes nested in a jar),
# a training run starts the service with -XX:ArchiveClassesAtExit and -Dspring.context.exit=onRefresh
# (beans created, nothing listening, then exit), and later runs add -XX:SharedArchiveFile. The archive
# is only valid for the very same jars and JVM, so it is made again when the jar's checksum, `java
# -version` or the JVM options change. When the training fails the service runs from its jar as before;
# when the JVM rejects an archive it says so in the service's log and runs without it (-Xshare:auto).
# CLINIC_CDS=0 turns it off.

SERVICE_JAVA_OPTS_DEFAULT="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MaxMetaspaceSize=256m"
SERVICE_TRAINING_TIMEOUT=${CLINIC_CDS_TRAINING_TIMEOUT:-600}   # against a hang; a quiet machine needs < 1 min

# service_java_opts: the JVM options of every service, one per line
service_java_opts() { printf '%s\n' ${CLINIC_JAVA_OPTS:-$SERVICE_JAVA_OPTS_DEFAULT}; }

# The archive of a service lives in WORK_DIR: app/ (the extracted jar), app.jsa, app.stamp (what it was
# made for) and training.log.
service_stamp() {   # service_stamp JAR: what an archive must have been made for to be used
  printf '%s|%s|%s\n' "$(sha256sum "$1" | cut -d' ' -f1)" "$(java -version 2>&1 | head -n 1)" \
    "$(service_java_opts | tr '\n' ' ')"
}
service_cds_enabled() { [ "${CLINIC_CDS:-1}" != 0 ]; }
service_archive_ok() {   # service_archive_ok JAR WORK_DIR: the archive exists and was made for this jar and JVM
  [ -s "$2/app.jsa" ] && [ -f "$2/app/$(basename "$1")" ] && [ "$(cat "$2/app.stamp" 2>/dev/null)" = "$(service_stamp "$1")" ]
}

# service_archive NAME JAR WORK_DIR: makes the archive unless it is up to date; the caller's environment is
# the service's (database, Kafka, Keycloak: the training run connects to them as a real start does; it
# migrates the database if needed). Returns 1, leaving no archive, when that fails.
service_archive() {
  local name=$1 jar=$2 dir=$3 opts app rc=0
  service_cds_enabled || return 0
  service_archive_ok "$jar" "$dir" && return 0
  rm -rf "$dir"; mkdir -p "$dir"
  app="$dir/app/$(basename "$jar")"
  mapfile -t opts < <(service_java_opts)
  if ! java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/training.log" 2>&1; then
    rc=1
  else
    # onRefresh makes Spring exit with 0 once every bean exists; the JVM then writes the archive
    (cd "$dir" && timeout "$SERVICE_TRAINING_TIMEOUT" java "${opts[@]}" -XX:ArchiveClassesAtExit="$dir/app.jsa" \
      -Dspring.context.exit=onRefresh -jar "$app" >>"$dir/training.log" 2>&1 </dev/null) || rc=1
  fi
  if [ "$rc" = 0 ] && [ -s "$dir/app.jsa" ]; then
    service_stamp "$jar" >"$dir/app.stamp"
    return 0
  fi
  echo "[clinic] WARNING: no class-data archive for $name (training run failed, see $dir/training.log); it starts from its jar" >&2
  rm -rf "$dir/app" "$dir/app.jsa" "$dir/app.stamp"
  return 1
}

# service_java_args JAR WORK_DIR: sets JAVA_ARGS to the java command line's arguments: the options, and the
# extracted jar with its archive when that is up to date, else the jar itself
service_java_args() {
  local jar=$1 dir=$2
  mapfile -t JAVA_ARGS < <(service_java_opts)
  if service_cds_enabled && service_archive_ok "$jar" "$dir"; then
    JAVA_ARGS+=(-XX:SharedArchiveFile="$dir/app.jsa" -jar "$dir/app/$(basename "$jar")")
  else
    JAVA_ARGS+=(-jar "$jar")
  fi
}
