#!/usr/bin/env bash
# Load benchmark on the running API: UPLOADS (200) dataset uploads of dialogsum_exc.csv at once,
# then GETS (1000) reads at once (datasets, one dataset, jobs, experiments, health, models).
# Prints errors by kind (target 0), p50/p99/max latency of each phase, and whether the dataset
# count grew by exactly the uploads accepted; deletes the datasets it uploaded.
#
#   bench/load.sh                      # UPLOADS=200 GETS=1000
#
# Needs the infrastructure up (deploy/local/stack.sh start); starts the API and worker from the
# built jars when they are not running and stops again only what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STACK="$ROOT/deploy/local/stack.sh"
API="http://127.0.0.1:${LUMIGATOR_API_PORT:-8000}"
CSV="${LUMIGATOR_SHARED_DATA:-$ROOT/jobs/src/test/resources/sample-data}/dialogsum_exc.csv"
started=()
cleanup() {
  local rc=$?
  for c in "${started[@]}"; do "$STACK" stop "$c" >/dev/null 2>&1 || true; done
  exit $rc
}
trap cleanup EXIT
say() { printf '[bench] %s\n' "$*" >&2; }

[ -f "$CSV" ] || { say "no $CSV (set LUMIGATOR_SHARED_DATA)"; exit 1; }
if ! ls api/target/lumigator-api-*-exec.jar workflows/target/lumigator-workflows-*-exec.jar >/dev/null 2>&1; then
  say "building the jars"; mvn -q -B -DskipTests -Dspotless.check.skip=true install
fi
status="$("$STACK" status)"
grep -qE '^s3 +up' <<<"$status" && grep -qE '^temporal +up' <<<"$status" \
  || { say "S3 or Temporal is down: deploy/local/stack.sh start"; exit 1; }
if ! grep -qE '^worker +up' <<<"$status"; then "$STACK" start worker >&2; started=(worker "${started[@]}"); fi
if ! curl -sf "$API/" >/dev/null; then "$STACK" start api >&2; started=(api "${started[@]}"); fi
say "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java "$ROOT/bench/load/Load.java" "$API" "$CSV" "${UPLOADS:-200}" "${GETS:-1000}"
