#!/usr/bin/env bash
# make test: build + unit tests, then start the local stack (or reuse a running one), run the
# integration tests tagged "stack", and stop only the components this run started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STACK="$ROOT/deploy/local/stack.sh"
DATA="${LUMIGATOR_DATA_DIR:-$ROOT/.lumigator}"

started=()
cleanup() {
  local rc=$?
  for c in "${started[@]}"; do "$STACK" stop "$c" || true; done
  [ -z "${PG_STARTED:-}" ] || "$ROOT/deploy/local/postgres.sh" stop || true
  exit $rc
}
trap cleanup EXIT

t0=$SECONDS
echo "== build and unit tests"
mvn -B install -Dstyle.color=never

echo "== local stack"
"$STACK" install
for c in s3 temporal ray; do
  if ! "$STACK" status | grep -qE "^$c +up"; then "$STACK" start "$c"; started=("$c" "${started[@]}"); fi
done
if [ -z "${LUMIGATOR_TEST_POSTGRES_URL:-}" ]; then
  LUMIGATOR_TEST_POSTGRES_URL="$("$ROOT/deploy/local/postgres.sh" start | tail -n1)"; PG_STARTED=1
  export LUMIGATOR_TEST_POSTGRES_URL
fi
while IFS= read -r kv; do export "${kv?}"; done < <("$STACK" env)

echo "== deployment files (and Compose's temporal-setup script against the stack's Temporal)"
LUMIGATOR_DEPLOY_CHECK_TEMPORAL="$LUMIGATOR_TEMPORAL_TARGET" make --no-print-directory deploy-check

echo "== integration tests (real Temporal, Ray, S3, SQLite and PostgreSQL)"
mvn -B verify -Dgroups=stack -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false -Dstyle.color=never
echo "== all tests passed in $((SECONDS - t0)) s"
