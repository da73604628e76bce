#!/usr/bin/env bash
# `make bench`: build the national-scale synthetic data set (once per database) and time the
# heaviest pages on SQLite and on PostgreSQL, beside the raw-SQL floor, the Django admin
# changelist and pandas, then a load test under gunicorn + wrk on 127.0.0.1.
# BENCH_SCALE="--areas 3 --people 2000 --contacts 40000 --reviews 2000" for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=true KEYWORK_BENCH_ADMIN=true SECRET_KEY=bench-only-secret-key
PY=.venv/bin/python
SCALE=${BENCH_SCALE:-}
LOAD_SECONDS=${BENCH_LOAD_SECONDS:-120}
SQLITE_FILE=${BENCH_SQLITE:-$(pwd)/bench/national.sqlite3}
PG_DATABASE=${BENCH_PG_DB:-keywork_bench}
mkdir -p bench
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >&2 || true
fi

run() {  # $1: name, $2: DATABASE_URL
  echo "== $1 =="
  DATABASE_URL="$2" $PY manage.py migrate --verbosity 0
  # shellcheck disable=SC2086
  DATABASE_URL="$2" $PY manage.py seed_national $SCALE
  DATABASE_URL="$2" $PY manage.py bench --json "bench/$1.json" --load-seconds "$LOAD_SECONDS"
}

run sqlite "sqlite:///$SQLITE_FILE"
if base=$(scripts/postgres.sh); then
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -tc \"SELECT 1 FROM pg_database WHERE datname='$PG_DATABASE'\" | grep -q 1 || createdb -O keywork $PG_DATABASE"
  fi
  run postgresql "${base%/*}/$PG_DATABASE"
else
  echo "SKIPPED: no PostgreSQL server could be started" >&2
fi
