#!/usr/bin/env bash
# A real PostgreSQL (Debian's package) for tests, bound to 127.0.0.1 with trust auth.
#   start  start it (installing the package if needed); prints the JDBC URL. Idempotent.
#   url    prints the JDBC URL of the running server
#   stop   stops it
# Only the URL goes to stdout; everything else goes to stderr, so callers can capture it.
set -euo pipefail

DB_NAME=lumigator_test
FIRST_PORT=55432
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE="$REPO_ROOT/.lumigator/test-postgres"
cd / # the postgres user may not be able to enter the caller's folder

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# postgres refuses to run as root: run its tools as the package's `postgres` user.
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/postgres" ]; then echo "$dir"; fi
}

ensure_installed() {
  BIN="$(find_bin)"
  if [ -z "$BIN" ]; then
    is_root || die "PostgreSQL is not installed; run as root (or apt-get install postgresql) first"
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y postgresql; } >&2
    BIN="$(find_bin)"
    [ -n "$BIN" ] || die "no /usr/lib/postgresql/*/bin/postgres after installing postgresql"
  fi
}

# The data dir must be reachable by the postgres user: every parent traversable.
choose_base() {
  mkdir -p "$BASE"
  if is_root && ! runuser -u postgres -- test -x "$BASE"; then
    BASE="/tmp/lumigator-test-postgres-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-12)"
    log "repository folder not traversable by user postgres; using $BASE"
    mkdir -p "$BASE"
  fi
  PGDATA_DIR="$BASE/data"
  PORT_FILE="$PGDATA_DIR/lumigator.port"
  LOG_FILE="$PGDATA_DIR/server.log"
}

port_free() {
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$1" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))
s.close()
EOF
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

pick_port() {
  local port
  if [ -f "$PORT_FILE" ] && port_free "$(cat "$PORT_FILE")"; then
    cat "$PORT_FILE"; return
  fi
  for ((port = FIRST_PORT; port < FIRST_PORT + 200; port++)); do
    if port_free "$port"; then echo "$port"; return; fi
  done
  die "no free port in $FIRST_PORT..$((FIRST_PORT + 199))"
}

running() {
  [ -f "$PGDATA_DIR/PG_VERSION" ] && as_pg "$BIN/pg_ctl" status -D "$PGDATA_DIR" >/dev/null 2>&1
}

url() { echo "jdbc:postgresql://127.0.0.1:$(cat "$PORT_FILE")/$DB_NAME?user=postgres"; }

init_cluster() {
  [ -f "$PGDATA_DIR/PG_VERSION" ] && return
  rm -rf "$PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"
  if is_root; then chown postgres:postgres "$PGDATA_DIR"; fi
  chmod 700 "$PGDATA_DIR"
  log "initdb in $PGDATA_DIR"
  as_pg "$BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --no-locale >&2
  # Unix sockets off: the default socket folder may not exist or be writable; TCP only.
  # Durability is not needed for test data.
  as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null <<'EOF'

# lumigator test server
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_pg tee "$PGDATA_DIR/pg_hba.conf" >/dev/null <<'EOF'
host all all 127.0.0.1/32 trust
EOF
}

start() {
  ensure_installed
  if running; then url; return; fi
  init_cluster
  local port
  port="$(pick_port)"
  as_pg sh -c "echo $port > '$PORT_FILE'"
  log "starting PostgreSQL on 127.0.0.1:$port (log: $LOG_FILE)"
  if ! as_pg "$BIN/pg_ctl" start -w -t 60 -D "$PGDATA_DIR" -l "$LOG_FILE" -o "-p $port" \
      </dev/null >&2 9>&-; then  # the server must not inherit the lock
    tail -n 30 "$LOG_FILE" >&2 || true
    die "PostgreSQL did not start"
  fi
  local exists
  exists="$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")"
  if [ "$exists" != "1" ]; then
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME"
  fi
  url
}

stop() {
  BIN="$(find_bin)"
  [ -n "$BIN" ] || { log "PostgreSQL not installed; nothing to stop"; return; }
  if running; then
    as_pg "$BIN/pg_ctl" stop -w -D "$PGDATA_DIR" -m fast >&2
  else
    log "not running"
  fi
}

cmd="${1:-}"
case "$cmd" in
  start | stop | url) ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac

choose_base
# Serialise concurrent callers (e.g. several test JVMs starting at once).
exec 9>"$BASE/.lock"
flock 9

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url)
    BIN="$(find_bin)"
    if [ -n "$BIN" ] && running; then url; else die "not running; use: $0 start"; fi
    ;;
esac
