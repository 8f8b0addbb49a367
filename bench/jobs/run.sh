#!/usr/bin/env bash
# Job benchmarks on the real local stack (deploy/local/stack.sh start, or make run, first):
#  - throughput: 1,000 samples against FakeChatServer at a fixed 100 ms, 16 requests in flight,
#    compared with the ideal 1000 x 0.1 s / 16 = 6.25 s;
#  - submit latency: POST /api/v1/jobs/inference/ to Ray's start_time of the submission, median
#    over 20 jobs.
# Prints the BENCH lines; the full log is in api/target/bench-jobs.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -o install -DskipTests >/dev/null
mvn -B -o -pl api test -DexcludedGroups= -Dtest=JobsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  >api/target/bench-jobs.log 2>&1 || { tail -50 api/target/bench-jobs.log; exit 1; }
grep '^BENCH' api/target/bench-jobs.log
