#!/usr/bin/env bash
# The published Python SDK (lumigator-sdk and lumigator-schemas 0.1.4a0 from PyPI, pinned in
# uv.lock) driving the API at LUMIGATOR_TEST_API_URL: health, datasets, jobs, experiments,
# workflows, secrets and models, each call through the SDK's LumigatorClient (tests/).
#
#   LUMIGATOR_TEST_API_URL   the API (required; run-tests.sh starts one and exports it)
#   LUMIGATOR_RAY_URL        Ray's Jobs API, which the SDK's wait_for_job asks (default
#                            http://127.0.0.1:8265, the local stack's)
# Extra arguments go to pytest (e.g. -k datasets).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../../.." && pwd)"
: "${LUMIGATOR_TEST_API_URL:?set LUMIGATOR_TEST_API_URL to the API under test (make test does)}"

UV="$("$ROOT/deploy/local/uv.sh")"
export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="$HERE/.venv"
cd "$HERE"
echo "[sdk] uv sync (the locked SDK, schemas and pytest into $HERE/.venv)"
"$UV" sync --frozen --quiet --python python3
echo "[sdk] pytest against $LUMIGATOR_TEST_API_URL"
exec "$UV" run --frozen --python python3 pytest "$@"
