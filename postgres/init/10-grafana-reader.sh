#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initialises an empty data directory: creates Grafana's read-only role with
# LOGIN and the password from GRAFANA_READER_PASSWORD. The query side's migration (V202__grafana_reader.sql) then
# grants it SELECT on the read-model tables; it creates the role itself, without login, where this script did not run.
set -euo pipefail
: "${GRAFANA_READER_PASSWORD:?set GRAFANA_READER_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=reader_password="$GRAFANA_READER_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE grafana_reader' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grafana_reader')\gexec
ALTER ROLE grafana_reader WITH LOGIN PASSWORD :'reader_password';
SQL
