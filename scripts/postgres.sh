#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the database tests, installing Debian's
# postgresql package first if the machine has none. Prints the connection string on stdout.
#   scripts/postgres.sh start   -> starts (or reuses a running one) and prints the connection string
#   scripts/postgres.sh stop
set -euo pipefail

PORT="${GOVERNANCE_PG_PORT:-5432}"
DATA_DIR="${GOVERNANCE_PG_DIR:-/tmp/governance-pg-$PORT}"
CONNECTION="postgresql://postgres@127.0.0.1:$PORT"

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_installed() {
  if [ -z "$(pg_bin)" ]; then
    echo "==> Installing PostgreSQL (Debian package postgresql)" >&2
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    else
      sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
  fi
}

case "${1:-start}" in
  start)
    ensure_installed
    BIN="$(pg_bin)"
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && psql "$CONNECTION" -Atqc 'select 1' >/dev/null 2>&1; then
      echo "$CONNECTION"
      exit 0
    fi
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DATA_DIR"
    if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
      as_postgres "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 >&2
    fi
    as_postgres "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA_DIR -c max_connections=200 -c fsync=off" \
      start >&2
    echo "$CONNECTION"
    ;;
  stop)
    BIN="$(pg_bin)"
    [ -f "$DATA_DIR/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$DATA_DIR" -m fast stop >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
