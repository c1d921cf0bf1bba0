-- Runs once, when the postgres container initialises an empty data volume (docker-compose.yml).
-- Same role and databases as scripts/local-postgres.sh creates on a machine without Docker.
-- Dev-only password.
CREATE ROLE clinic LOGIN PASSWORD 'clinic';
CREATE DATABASE patients OWNER clinic;
CREATE DATABASE procedures OWNER clinic;
CREATE DATABASE followups OWNER clinic;
