#!/usr/bin/env bash
# Makes the machine's PostgreSQL ready for clinic-tracker, idempotently:
# installs Debian's package where it is missing, starts the cluster when it is down,
# and creates the login role and the databases each service owns.
# Used by .ci/run, ./clinic up and the tests' own support (LocalPostgres), so all three agree.
set -euo pipefail

DB_ROLE=${CLINIC_DB_ROLE:-clinic}
DB_PASSWORD=${CLINIC_DB_PASSWORD:-clinic}   # dev-only default
DATABASES=${CLINIC_DATABASES:-"patients procedures followups patients_test procedures_test followups_test"}
DATABASES="$DATABASES ${CLINIC_EXTRA_DATABASES:-}"   # e.g. a test database of a second checkout

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "[postgres] installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -n | tail -n 1)
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "[postgres] starting cluster $version/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  pg_isready -h 127.0.0.1 -p 5432
fi

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qAt $*"; }

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$DB_ROLE'\"")" != "1" ]; then
  echo "[postgres] creating role $DB_ROLE"
  psql_admin "-c \"CREATE ROLE $DB_ROLE LOGIN PASSWORD '$DB_PASSWORD'\""
fi
for db in $DATABASES; do
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != "1" ]; then
    echo "[postgres] creating database $db"
    psql_admin "-c \"CREATE DATABASE $db OWNER $DB_ROLE\""
  fi
done
echo "[postgres] ready on 127.0.0.1:5432 (role $DB_ROLE, databases: $DATABASES)"
