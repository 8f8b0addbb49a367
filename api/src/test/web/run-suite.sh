#!/usr/bin/env bash
# Our web page (api/web, served by the API at /ui/) in Debian's Chromium, driven by Playwright
# (web.test.mjs) against the API at LUMIGATOR_TEST_API_URL (run-tests.sh starts one with
# deploy/local/test-app.sh). That API's jar must have been built with the page (the default build).
# Screenshots go to target/web-screenshots/.
#
#   LUMIGATOR_TEST_API_URL         the API (required)
#   LUMIGATOR_WEB_RUN_TIMEOUT_MS   how long the two baseline workflows may take (default 5 min)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
: "${LUMIGATOR_TEST_API_URL:?set LUMIGATOR_TEST_API_URL to the API under test (make test does)}"
t0=$SECONDS

if [ ! -x /usr/bin/chromium ]; then
  echo "[web] installing Debian's chromium (once)"
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi

if ! curl -sf "$LUMIGATOR_TEST_API_URL/ui/" | grep -q '<title>Lumigator</title>'; then
  echo "[web] $LUMIGATOR_TEST_API_URL/ui/ serves no page: build the api module without -Dlumigator.web.skip" >&2
  exit 1
fi

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
(cd "$HERE" && npm ci --loglevel=error >/dev/null)

rm -rf "$ROOT/target/web-screenshots"
LUMIGATOR_WEB_SCREENSHOTS="$ROOT/target/web-screenshots" \
  LUMIGATOR_WEB_SAMPLE="$ROOT/jobs/src/test/resources/sample-data/dialogsum_exc.csv" \
  node "$HERE/web.test.mjs"
echo "[web] suite took $((SECONDS - t0)) s; screenshots in target/web-screenshots/"
