#!/usr/bin/env bash
# The API and worker of this checkout, for the client suites (the published SDK, the original UI):
# started against the running infrastructure (stack.sh start infra) in a Temporal namespace of
# their own, with their own SQLite file, secret key and logs under $LUMIGATOR_TEST_APP_DIR, and the
# API on a free loopback port, so they never meet the Java stack tests' workers or `make run`'s.
#
#   test-app.sh start   start them (fresh state each time); prints LUMIGATOR_TEST_API_URL=...
#   test-app.sh stop    stop them
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK="$ROOT/deploy/local/stack.sh"
APP_DIR="${LUMIGATOR_TEST_APP_DIR:-$ROOT/target/test-app}"
NAMESPACE="${LUMIGATOR_TEST_APP_NAMESPACE:-lumigator-clients}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

app() { # command... — stack.sh with this app's data folder, database, port and namespace
  # (its own SQLite even when the caller exported the stack's LUMIGATOR_DB_URL, as run-tests.sh does)
  LUMIGATOR_DATA_DIR="$APP_DIR" LUMIGATOR_TEMPORAL_NAMESPACE="$NAMESPACE" \
    LUMIGATOR_DB_URL="jdbc:sqlite:$APP_DIR/lumigator.db" \
    LUMIGATOR_API_PORT="$(cat "$APP_DIR/port")" \
    "$STACK" "$@"
}

case "${1:-}" in
  start)
    [ ! -f "$APP_DIR/port" ] || app stop app >/dev/null 2>&1 || true
    rm -rf "$APP_DIR"; mkdir -p "$APP_DIR"
    free_port > "$APP_DIR/port"
    "$STACK" ensure-namespace "$NAMESPACE"
    app start worker api
    echo "LUMIGATOR_TEST_API_URL=http://127.0.0.1:$(cat "$APP_DIR/port")"
    ;;
  stop)
    [ -f "$APP_DIR/port" ] || exit 0
    app stop app
    ;;
  *) echo "usage: test-app.sh start|stop" >&2; exit 2 ;;
esac
