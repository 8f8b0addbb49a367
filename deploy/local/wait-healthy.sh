#!/usr/bin/env bash
# End of `make run`: wait until the API reports every dependency ok, run the smoke workflow once
# (so the Temporal UI shows the spine working), then print where everything is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${LUMIGATOR_TOOLS_DIR:-$ROOT/.tools}"
API="http://127.0.0.1:${LUMIGATOR_API_PORT:-8000}"
TEMPORAL="127.0.0.1:${LUMIGATOR_TEMPORAL_PORT:-7233}"
TEMPORAL_BIN="$TOOLS/bin/temporal"; [ -x "$TEMPORAL_BIN" ] || TEMPORAL_BIN="$(command -v temporal)"

deadline=$((SECONDS + 120))
until body="$(curl -sf "$API/api/v1/health/")"; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "the API is not healthy after 120 s:" >&2
    curl -s "$API/api/v1/health/" >&2 || true
    exit 1
  fi
  sleep 1
done
echo "health: $body"

run_id="make-run-$(date +%Y%m%d-%H%M%S)"
echo "smoke workflow smoke-$run_id (S3 → Ray job → S3 → database):"
"$TEMPORAL_BIN" workflow execute --address "$TEMPORAL" --namespace default \
  --type SmokeWorkflow --task-queue lumigator-orchestration --workflow-id "smoke-$run_id" \
  --input "{\"runId\": \"$run_id\", \"text\": \"lumigator is up\"}" --execution-timeout 5m -o json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  result:", json.dumps(r.get("result", r)))'

cat <<URLS

Lumigator is running:
  API            $API
  Swagger UI     $API/docs
  Temporal UI    http://127.0.0.1:${LUMIGATOR_TEMPORAL_UI_PORT:-8233}
  Ray dashboard  http://127.0.0.1:${LUMIGATOR_RAY_DASHBOARD_PORT:-8265}
Stop with: make stop
URLS
