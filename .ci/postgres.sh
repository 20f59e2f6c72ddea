#!/usr/bin/env bash
# Sourced by .ci/test.sh: a throwaway PostgreSQL 15 cluster for the dialect run (STYLE §6).
#   pg_start  → 0 and exports TEST_DATABASE_URL when a cluster is up;
#               2 when Postgres isn't available here (the run is skipped, not failed);
#               1 when the binaries are here but the cluster wouldn't start (a failure).
#   pg_stop   → stops the cluster and removes its directory (safe to call twice; use in an EXIT trap).
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-55432}"
PG_DB=my_review_test
PG_DIR=""

# initdb and postgres refuse to run as root, so as root they run as the `postgres` OS user.
_pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "› Installing postgresql-15 with apt-get (time-boxed)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get install -y --no-install-recommends postgresql-15 >/dev/null 2>&1 && return 0
  timeout 120 apt-get update >/dev/null 2>&1 \
    && timeout 300 apt-get install -y --no-install-recommends postgresql-15 >/dev/null 2>&1
}

_pg_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start() {
  if [ ! -x "$PG_BIN/initdb" ] && ! _pg_install; then
    echo "Postgres not available: skipping the Postgres run"
    return 2
  fi
  if [ ! -x "$PG_BIN/initdb" ] || { [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; }; then
    echo "Postgres not available: skipping the Postgres run"
    return 2
  fi
  # 55432 unless something already listens there (another run): then the next free port.
  local port="$PG_PORT" tries=0
  until _pg_port_free "$port"; do
    port=$((port + 1)); tries=$((tries + 1))
    [ "$tries" -lt 20 ] || { echo "Postgres: no free port from $PG_PORT"; return 1; }
  done
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/my-review-pg.XXXXXX")"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  echo "› Starting a throwaway PostgreSQL 15 in $PG_DIR on 127.0.0.1:$port"
  if ! _pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1; then
    echo "Postgres: initdb failed:"; tail -20 "$PG_DIR/initdb.log"; return 1
  fi
  if ! _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off" -w start >/dev/null; then
    echo "Postgres: the server didn't start:"; tail -20 "$PG_DIR/server.log"; return 1
  fi
  if ! _pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$PG_DB"; then
    echo "Postgres: createdb $PG_DB failed"; return 1
  fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/$PG_DB"
  echo "› TEST_DATABASE_URL=$TEST_DATABASE_URL"
}

pg_stop() {
  [ -n "$PG_DIR" ] || return 0
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
  unset TEST_DATABASE_URL
}
