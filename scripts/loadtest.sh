#!/usr/bin/env bash
# Load test: gunicorn + a private PostgreSQL, loaded with the demo and the shared UPR Info
# export, then locust (headless) with 100 users for 5 minutes, all on 127.0.0.1 only.
# Prints the figures and stops everything it started. Run as root (it starts its own
# PostgreSQL cluster as the postgres user, on a free port, in a throw-away directory).
#
#   bash scripts/loadtest.sh                      # 100 users, 5 minutes
#   LOAD_DURATION=30s LOAD_USERS=20 bash scripts/loadtest.sh   # a quick check
#
# LOAD_UPR_INFO=0 skips importing the shared UPR Info export (LOAD_SHARED_DATA, default
# ../shared/data).
# LOAD_WORKERS sets gunicorn's workers (default 2 × cores, as deploy/gunicorn.conf.py).
# LOAD_THINK=MIN,MAX sets the users' pause between actions in seconds (default 1,5).
# LOAD_ACCESS_LOG=1 keeps gunicorn's access log (with each request's time in ms) in LOAD_OUT.
# LOAD_OUT is where locust's CSV files go (default a temporary directory, kept).
# LOAD_DB_CACHE=FILE keeps the loaded database there (pg_dump) and restores it next time.
set -euo pipefail
cd "$(dirname "$0")/.."

# All in a function, read whole before it runs: editing this file mid-run cannot break it.
main() {

duration=${LOAD_DURATION:-5m}
users=${LOAD_USERS:-100}
spawn_rate=${LOAD_SPAWN_RATE:-10}
workers=${LOAD_WORKERS:-$((2 * $(nproc)))}
python=${PYTHON:-$(command -v python3)}
[ -x .venv/bin/python ] && python=${PYTHON:-.venv/bin/python}
"$python" -c "import locust, gunicorn" 2>/dev/null || {
  echo "Install the load extra first: pip install -e '.[load]'" >&2
  exit 1
}
if [ "$(id -u)" != 0 ]; then
  echo "Run as root: the script starts a private PostgreSQL cluster as the postgres user." >&2
  exit 1
fi

work=$(mktemp -d /tmp/camket-load.XXXXXX)
chmod 755 "$work"
out=${LOAD_OUT:-$work/results}
mkdir -p "$out"
pg_bin=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=$(free_port)
app_port=$(free_port)
gunicorn_pid=""

stop_all() {
  set +e
  [ -n "$gunicorn_pid" ] && kill "$gunicorn_pid" 2>/dev/null && wait "$gunicorn_pid" 2>/dev/null
  if [ -f "$work/pg/postmaster.pid" ]; then
    su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast -w stop" >/dev/null
  fi
  rm -rf "$work/pg" "$work/data"
  grep -q "Traceback\|WORKER TIMEOUT\|SIGKILL" "$work/gunicorn.log" 2>/dev/null && cp "$work/gunicorn.log" "$out/"
  [ "${LOAD_ACCESS_LOG:-0}" = 1 ] && cp "$work/gunicorn.log" "$out/"
  echo "Stopped gunicorn and PostgreSQL; locust's CSV files are in $out"
}
trap stop_all EXIT

echo "== $(date -u '+%F %T') UTC · $(nproc) cores · load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Private PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "$pg_bin/initdb -D $work/pg -A trust -U postgres -E UTF8 >/dev/null"
su postgres -c "$pg_bin/pg_ctl -D $work/pg -l $work/pg/server.log -w start \
  -o '-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200'" >/dev/null
su postgres -c "$pg_bin/createdb -h 127.0.0.1 -p $pg_port camket_load"

export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/camket_load"
export CAMKET_DATA_DIR="$work/data"
export CAMKET_SECRET_KEY="load-test-$(head -c 24 /dev/urandom | base64)"
export CAMKET_DEBUG=0
export CAMKET_ALLOWED_HOSTS=127.0.0.1
export CAMKET_LOG_LEVEL=${CAMKET_LOG_LEVEL:-WARNING}
# As deploy/camket.env.example: a connection per thread kept a minute, not one per request.
export CAMKET_DB_CONN_MAX_AGE=${CAMKET_DB_CONN_MAX_AGE:-60}
# Every locust user signs in once; a mistyped password must not lock the others out.
export CAMKET_LOGIN_FAILURE_LIMIT=${CAMKET_LOGIN_FAILURE_LIMIT:-1000}
mkdir -p "$CAMKET_DATA_DIR"
camket() { "$python" -m camket "$@"; }

started=$SECONDS
cache=${LOAD_DB_CACHE:-}
if [ -n "$cache" ] && [ -f "$cache" ]; then
  echo "== Restoring the database from $cache …"
  su postgres -c "$pg_bin/pg_restore -h 127.0.0.1 -p $pg_port -d camket_load --no-owner $cache"
  camket migrate -v0
else
  echo "== Loading data (migrate, demo, UPR Info export) …"
  camket demo --skip-upr-info >"$work/demo.log"
  shared=${LOAD_SHARED_DATA:-../shared/data}
  if [ "${LOAD_UPR_INFO:-1}" = 1 ] && [ -d "$shared/upr-info" ]; then
    for csv in "$shared"/upr-info/*.csv; do
      camket import "$csv" --publish --json | tail -1
    done
  fi
  su postgres -c "psql -h 127.0.0.1 -p $pg_port -q -c 'VACUUM ANALYZE' camket_load"
  if [ -n "$cache" ]; then
    su postgres -c "$pg_bin/pg_dump -h 127.0.0.1 -p $pg_port -Fc camket_load" >"$cache"
  fi
fi
camket shell --no-imports -c "from loadtest.fixtures import prepare; prepare()" >"$work/fixtures.log"
grep -v "^TOKEN" "$work/fixtures.log"
echo "   data ready in $((SECONDS - started)) s"

echo "== gunicorn ($workers workers) on 127.0.0.1:$app_port"
# The production settings (deploy/gunicorn.conf.py: preloaded views, gthread workers); a
# request slowed by the shared machine is measured, not killed with its worker. locust keeps
# its connections open between pages, as a browser does, and pauses up to 5 s: gunicorn's
# default 5 s keep-alive closed connections just as locust reused them (connection resets);
# in production nginx stands between them.
GUNICORN_BIND="127.0.0.1:$app_port" GUNICORN_WORKERS="$workers" GUNICORN_TIMEOUT=120 \
  GUNICORN_KEEPALIVE=75 GUNICORN_ACCESS_LOG="${LOAD_ACCESS_LOG:-0}" \
  "$python" -m gunicorn -c deploy/gunicorn.conf.py camket.wsgi \
  >"$work/gunicorn.log" 2>&1 &
gunicorn_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$app_port/accounts/login/" && break
  sleep 1
done
# Each worker compiles its templates on first use: a few rounds of the anonymous pages first.
for _ in $(seq 1 $((2 * workers))); do
  for page in accounts/login/ public/ recommendations/; do
    curl -s -o /dev/null "http://127.0.0.1:$app_port/$page"
  done
done

echo "== locust: $users users (+$spawn_rate/s, think ${LOAD_THINK:-1,5} s) for $duration · load: $(cut -d' ' -f1-3 /proc/loadavg)"
export LOAD_TOKEN_FILE="$work/fixtures.log" LOAD_AFTER_WARM_UP_FILE="$out/after_warm_up.json"
# CPU per group over the run (loadtest/cpu.py): gunicorn's master and every worker it ever
# started (recycled ones included), the private PostgreSQL's backends, locust, the rest.
cpu_groups="gunicorn=$gunicorn_pid postgres=$(head -1 "$work/pg/postmaster.pid")"
"$python" -m loadtest.cpu snapshot $cpu_groups >"$out/cpu_before.json"
PYTHONPATH=. "$python" -m loadtest.cpu run "$out/cpu_locust.json" -- \
  "$python" -m locust -f loadtest/locustfile.py --headless --only-summary \
  -u "$users" -r "$spawn_rate" -t "$duration" --stop-timeout 10 \
  --host "http://127.0.0.1:$app_port" --csv "$out/load" >"$out/locust.log" 2>&1 || true
"$python" -m loadtest.cpu snapshot $cpu_groups >"$out/cpu_after.json"
echo "== done · load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$python" loadtest/summary.py "$out/load_stats.csv" "$out/load_failures.csv" "$out/locust.log"
echo
"$python" -m loadtest.cpu report "$out/cpu_before.json" "$out/cpu_after.json" \
  --locust "$out/cpu_locust.json" --stats "$out/load_stats.csv" | tee "$out/cpu.txt"
}

main "$@"
