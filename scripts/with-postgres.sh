#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a local PostgreSQL server, started if needed.
# Uses DATABASE_URL as given when it already names a PostgreSQL database.
set -euo pipefail
if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  exec "$@"
fi
if [ "$(id -u)" != 0 ]; then
  echo "Set DATABASE_URL=postgres://… to run the tests on PostgreSQL (or run as root to let" \
       "this script start Debian's server)." >&2
  exit 1
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='camket'\" | grep -q 1 || psql -q -c \"CREATE ROLE camket LOGIN CREATEDB PASSWORD 'camket'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='camket'\" | grep -q 1 || createdb -O camket camket"
export DATABASE_URL="postgres://camket:camket@127.0.0.1:5432/camket"
exec "$@"
