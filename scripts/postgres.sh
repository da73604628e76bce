#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 (installing Debian's package if missing and we are root),
# make a role that may create test databases, and print its DATABASE_URL.
set -euo pipefail
PORT=${KEYWORK_PG_PORT:-5432}
if ! command -v pg_ctlcluster >/dev/null || [ ! -d /usr/lib/postgresql ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    exit 1
  fi
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || exit 1
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -q -p $PORT -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'keywork') THEN
    CREATE ROLE keywork LOGIN CREATEDB PASSWORD 'keywork';
  END IF; END \\\$\\\$;\"" >&2
as_postgres "psql -q -p $PORT -tc \"SELECT 1 FROM pg_database WHERE datname = 'keywork'\" | grep -q 1 || createdb -p $PORT -O keywork keywork" >&2
echo "postgres://keywork:keywork@127.0.0.1:$PORT/keywork"
