#!/usr/bin/env bash
# make test: build + unit tests, then start the local stack (or reuse a running one), run the
# integration tests tagged "stack", and stop only the components this run started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STACK="$ROOT/deploy/local/stack.sh"
DATA="${LUMIGATOR_DATA_DIR:-$ROOT/.lumigator}"
# shellcheck source=harness.sh
. "$ROOT/deploy/local/harness.sh"

started=()
not_run=()
cleanup() {
  local rc=$?
  for c in "${started[@]}"; do "$STACK" stop "$c" || true; done
  [ -z "${PG_STARTED:-}" ] || "$ROOT/deploy/local/postgres.sh" stop || true
  [ -z "${TEST_APP_STARTED:-}" ] || "$ROOT/deploy/local/test-app.sh" stop || true
  exit $rc
}
trap cleanup EXIT

t0=$SECONDS
# Each stage's seconds, printed at the end (where the suite's time goes).
stages=()
stage_name=; stage_t0=$SECONDS
stage() {
  [ -z "$stage_name" ] || stages+=("$((SECONDS - stage_t0)) s  $stage_name")
  stage_name="$1"; stage_t0=$SECONDS
  [ -z "$1" ] || echo "== $1"
}
stage "the test harness itself"
"$ROOT/deploy/local/harness-test.sh"
stage "tests read nothing outside the repository"
# (The web UI suite looks for the original UI, a test subject kept beside the repository.)
if git grep --untracked -nE 'shared/data|SHARED_DATA|\.\./shared|"/work/' -- '*/src/test/*' \
  ':!api/src/test/clients/ui/run-suite.sh'; then
  echo "these test files read data outside the repository: use SampleData (jobs' test-jar)"; exit 1
fi
stage "PostgreSQL for the DAO and migration tests (Debian's package, this checkout's data folder)"
# Started here, not by the copy's tests: those would start one for the copy's folder and leave it
# running (and its data in /tmp) once the copy is removed.
if [ -z "${LUMIGATOR_TEST_POSTGRES_URL:-}" ]; then
  LUMIGATOR_TEST_POSTGRES_URL="$("$ROOT/deploy/local/postgres.sh" start | tail -n1)"; PG_STARTED=1
  export LUMIGATOR_TEST_POSTGRES_URL
fi
stage "build and unit tests, in a copy of this checkout's files alone in a temporary folder"
# No sibling folders there: a unit test that needs anything outside the repository fails here.
copy="$(mktemp -d /tmp/lumigator-plain-clone.XXXXXX)"
mkdir "$copy/repo"
git ls-files -z --cached --others --exclude-standard \
  | tar -C "$ROOT" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$copy/repo" -xf -
(cd "$copy/repo" && mvn -B install -Dstyle.color=never)
# The copy holds this checkout's files, so its build is this checkout's: its target folders (jars
# included: stack tests start the worker and API from them, a module's own before it is packaged)
# become the checkout's instead of a second build of the same files.
for built in "$copy"/repo/target "$copy"/repo/*/target; do
  [ -d "$built" ] || continue
  module="${built#"$copy"/repo/}"
  rm -rf "${ROOT:?}/$module"
  mv "$built" "$ROOT/$module"
done
rm -rf "$copy"

stage "local stack"
"$STACK" install
# The status is read whole before it is matched: `status | grep -q` under pipefail fails whenever
# grep exits at its match and status dies of SIGPIPE. And only what stack.sh says it started is
# recorded for the cleanup (deploy/local/harness-test.sh checks both).
status="$("$STACK" status)"
for c in $(down_components "$status"); do start_recorded "$STACK" "$c"; done
while IFS= read -r kv; do export "${kv?}"; done < <("$STACK" env)

stage "deployment files (and Compose's temporal-setup script against the stack's Temporal)"
LUMIGATOR_DEPLOY_CHECK_TEMPORAL="$LUMIGATOR_TEMPORAL_TARGET" make --no-print-directory deploy-check

stage "integration tests (real Temporal, Ray, S3, SQLite and PostgreSQL)"
# (the web page was built into api/target with the rest). The API module's stack test classes run
# two at a time, each in a JVM of its own: most of their time is spent waiting (outages, heartbeat
# timeouts, slow stand-in models, Ray starting a job), and each keeps to a namespace, bucket or
# private component of its own.
mvn -B verify -Dgroups=stack -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false -Dstyle.color=never \
  -Dlumigator.web.skip=true -Dlumigator.test.forks="${LUMIGATOR_TEST_FORKS:-2}"
stage "client suites (the original clients against this checkout's API and worker)"
TEST_APP_STARTED=1
# The web UI suite serves the original UI on this port; the API it calls allows that origin.
LUMIGATOR_TEST_UI_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export LUMIGATOR_TEST_UI_PORT
while IFS= read -r kv; do export "${kv?}"; done < <(
  LUMIGATOR_API_CORS_ALLOWED_ORIGINS="http://localhost:$LUMIGATOR_TEST_UI_PORT" \
    "$ROOT/deploy/local/test-app.sh" start | grep '^LUMIGATOR_TEST_API_URL=')
for suite in "$ROOT"/api/src/test/clients/*/run-suite.sh; do
  [ -e "$suite" ] || continue
  name="$(basename "$(dirname "$suite")")"
  stage "client suite $name"
  rc=0; "$suite" || rc=$?
  if [ "$rc" = 77 ]; then not_run+=("$name"); elif [ "$rc" != 0 ]; then exit "$rc"; fi
done
stage "web page suite (our page at /ui/ in Chromium, against the same API and worker)"
"$ROOT/api/src/test/web/run-suite.sh"
"$ROOT/deploy/local/test-app.sh" stop; TEST_APP_STARTED=
stage ""
for line in "${stages[@]}"; do echo "== stage: $line"; done
echo "== all tests passed in $((SECONDS - t0)) s"
for name in "${not_run[@]}"; do echo "== NOT RUN: client suite $name (its output above says why)"; done
