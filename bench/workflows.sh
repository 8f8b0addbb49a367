#!/usr/bin/env bash
# Workflow benchmark on the real local stack (deploy/local/stack.sh start, or make run, first):
# BENCH_WORKFLOWS (50) workflows — provider baseline, model lead-3, on dialogsum_exc.csv uploaded
# through the API — created at once; the worker is its own JVM (the exec jar, -Xmx$BENCH_WORKER_XMX).
# Prints: total wall time; orchestration overhead per workflow beyond its two Ray jobs' own run
# time (Temporal's start/close of evaluation-{id} vs. Ray's start/end times), median and spread,
# with where it goes; the worker's peak heap use (jstat, every 100 ms).
# BENCH_POLL_INTERVAL sets the worker's Ray poll interval (LUMIGATOR_RAY_POLL_INTERVAL, default 1s);
# BENCH_WARMUP (1) workflows run one by one first, so the worker is warm; BENCH_ONE_BY_ONE=true
# measures the N workflows one after the other instead (each alone: overhead without contention).
# The run's Temporal namespace is kept (BENCH_DELETE_NAMESPACE=true deletes it): a namespace being
# deleted keeps the dev server busy for minutes, and the next run would measure that too.
# Prints the BENCH lines; the full log is in api/target/bench-workflows.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -o install -DskipTests >/dev/null
mvn -B -o -pl api test -DexcludedGroups= -Dtest=WorkflowsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.workflows="${BENCH_WORKFLOWS:-50}" -Dbench.pollInterval="${BENCH_POLL_INTERVAL:-1s}" \
  -Dbench.workerXmx="${BENCH_WORKER_XMX:-512m}" -Dbench.warmup="${BENCH_WARMUP:-1}" \
  -Dbench.oneByOne="${BENCH_ONE_BY_ONE:-false}" -Dbench.deleteNamespace="${BENCH_DELETE_NAMESPACE:-false}" \
  >api/target/bench-workflows.log 2>&1 || { tail -50 api/target/bench-workflows.log; exit 1; }
grep -o 'BENCH.*' api/target/bench-workflows.log
