#!/usr/bin/env bash
# The original Lumigator web UI (shared/clients/lumigator, read-only), unchanged, against the API at
# LUMIGATOR_TEST_API_URL: a temporary copy served by its own Vite dev server (its vite.config.ts,
# with only the port and the /api/v1 proxy's target moved), driven in Debian's Chromium by
# Playwright (ui.test.mjs). Screenshots go to target/ui-screenshots/.
#
#   LUMIGATOR_TEST_API_URL   the API (required; run-tests.sh starts one and exports it)
#   LUMIGATOR_TEST_UI_PORT   the UI's port (default 3000, the original's); the UI's origin,
#                            http://localhost:PORT, must be among the API's CORS origins
#   LUMIGATOR_UI_SOURCE      the original UI's folder (default: shared/clients/lumigator beside
#                            the repository, or beside the main worktree of a git worktree);
#                            without one the suite does not run (exit 77), and fails under CI
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../../.." && pwd)"
: "${LUMIGATOR_TEST_API_URL:?set LUMIGATOR_TEST_API_URL to the API under test (make test does)}"
PORT="${LUMIGATOR_TEST_UI_PORT:-3000}"

ui_source() {
  if [ -n "${LUMIGATOR_UI_SOURCE:-}" ]; then echo "$LUMIGATOR_UI_SOURCE"; return; fi
  local common; common="$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  for base in "$ROOT/.." ${common:+"$(dirname "$common")/.."}; do
    if [ -f "$base/shared/clients/lumigator/frontend/package.json" ]; then
      (cd "$base/shared/clients/lumigator" && pwd); return
    fi
  done
  return 1
}
# The original UI is a test subject beside the repository, not part of it: a plain clone without
# it does not run this suite (exit 77, which run-tests.sh reports at the end); CI must run it.
if ! SOURCE="$(ui_source)"; then
  echo "[ui] NOT RUN: the original UI is not at ../shared/clients/lumigator; set LUMIGATOR_UI_SOURCE" >&2
  [ -z "${CI:-}" ] || exit 1
  exit 77
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "[ui] installing Debian's chromium (once)"
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/lumigator-ui-suite.XXXXXX")"
VITE_PID=
cleanup() {
  [ -z "$VITE_PID" ] || kill -TERM -- "-$VITE_PID" 2>/dev/null || kill -TERM "$VITE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cp -r "$SOURCE" "$WORK/lumigator"
chmod -R u+w "$WORK/lumigator"
cp "$HERE/vite.lumigator-test.config.mjs" "$WORK/lumigator/frontend/"
mkdir -p "$WORK/suite"
cp "$HERE"/package.json "$HERE"/package-lock.json "$HERE"/*.mjs "$WORK/suite/"

echo "[ui] npm ci (the UI's locked dependencies, and playwright-core)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false
(cd "$WORK/lumigator/frontend" && npm ci --loglevel=error --ignore-scripts >/dev/null)
(cd "$WORK/suite" && npm ci --loglevel=error >/dev/null)

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "[ui] port $PORT is taken; set LUMIGATOR_TEST_UI_PORT to a free one" >&2; exit 1
fi
echo "[ui] serving the UI at http://localhost:$PORT (proxying /api/v1 to $LUMIGATOR_TEST_API_URL)"
( cd "$WORK/lumigator/frontend" && LUMIGATOR_TEST_UI_PORT="$PORT" \
    exec setsid ./node_modules/.bin/vite --config vite.lumigator-test.config.mjs ) \
  >"$WORK/vite.log" 2>&1 &
VITE_PID=$!
deadline=$((SECONDS + 90))
until curl -sf -o /dev/null "http://localhost:$PORT/"; do
  if ! kill -0 "$VITE_PID" 2>/dev/null || [ "$SECONDS" -gt "$deadline" ]; then
    echo "[ui] Vite did not come up:" >&2; cat "$WORK/vite.log" >&2; exit 1
  fi
  sleep 0.5
done

rm -rf "$ROOT/target/ui-screenshots"
status=0
LUMIGATOR_TEST_UI_URL="http://localhost:$PORT" LUMIGATOR_UI_COPY="$WORK/lumigator" \
  LUMIGATOR_UI_SCREENSHOTS="$ROOT/target/ui-screenshots" \
  node "$WORK/suite/ui.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then echo "[ui] Vite's log:"; tail -n 40 "$WORK/vite.log"; fi
exit "$status"
