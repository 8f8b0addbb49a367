#!/usr/bin/env bash
# Hugging Face `datasets` (the original Lumigator's 3.4.1, pinned with pytest in uv.lock) reading
# what the API at LUMIGATOR_TEST_API_URL stores: CSVs uploaded over plain HTTP, the four files of
# each dataset downloaded through its presigned URLs, `datasets.load_from_disk` on the copy checked
# row by row against the CSV (tests/). Nothing is fetched from a model or dataset hub.
#
#   LUMIGATOR_TEST_API_URL   the API (required; run-tests.sh starts one and exports it)
# Extra arguments go to pytest (e.g. -k generated).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../../.." && pwd)"
: "${LUMIGATOR_TEST_API_URL:?set LUMIGATOR_TEST_API_URL to the API under test (make test does)}"

UV="$("$ROOT/deploy/local/uv.sh")"
export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="$HERE/.venv"
# datasets never reaches the Hub here: everything it reads is on disk
export HF_DATASETS_OFFLINE=1 HF_HUB_OFFLINE=1 HF_HOME="$ROOT/target/hf-datasets-home"
cd "$HERE"
echo "[hf-datasets] uv sync (the locked datasets, pyarrow and pytest into $HERE/.venv)"
"$UV" sync --frozen --quiet --python python3
echo "[hf-datasets] pytest against $LUMIGATOR_TEST_API_URL"
exec "$UV" run --frozen --python python3 pytest "$@"
