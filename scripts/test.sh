#!/usr/bin/env bash
# The whole suite: lint and migrations check, then every test on SQLite, the same on a real
# PostgreSQL server, then the browser tests in Debian's headless Chromium. With CI=true a missing
# PostgreSQL or Chromium fails the run; elsewhere it is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=true SECRET_KEY=test-only-secret-key-not-for-production
PY=.venv/bin/python
started=$(date +%s)

step() { printf '\n== %s ==\n' "$1"; }
missing() {
  if [ "${CI:-}" = "true" ]; then echo "FAIL: $1 (required in CI)" >&2; exit 1; fi
  echo "SKIPPED: $1" >&2
}

step "ruff"
$PY -m ruff check .
step "import layers (import-linter)"
.venv/bin/lint-imports
step "migrations match the models"
$PY manage.py makemigrations --check --dry-run >/dev/null
step "production settings pass manage.py check --deploy"
DEBUG=false SECRET_KEY="$(head -c 48 /dev/urandom | base64)" ALLOWED_HOSTS=keywork.example.org \
  $PY manage.py check --deploy --fail-level WARNING

step "tests on SQLite"
$PY -m pytest -m "not browser" -q --doctest-modules

step "tests on PostgreSQL"
if database_url=$(scripts/postgres.sh); then
  DATABASE_URL="$database_url" $PY -m pytest -m "not browser and not once" -q -p no:doctest
else
  missing "no PostgreSQL server could be started"
fi

step "production smoke test (gunicorn, DEBUG=false, PostgreSQL, two-factor login)"
if database_url=$(scripts/postgres.sh); then
  $PY scripts/smoke.py "$database_url"
else
  missing "no PostgreSQL server could be started"
fi

step "browser tests (Playwright, headless Chromium, axe-core)"
if scripts/chromium.sh; then
  DJANGO_ALLOW_ASYNC_UNSAFE=true $PY -m pytest -m browser -q -p no:doctest
else
  missing "Debian's chromium is not installed"
fi
echo "make test took $(( $(date +%s) - started )) s"
