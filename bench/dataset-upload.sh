#!/usr/bin/env bash
# Dataset upload benchmark: a ~45 MB CSV (dialogsum_500.csv repeated) uploaded through the running
# API, against a plain streamed S3 put of the same file to the same S3 endpoint. Prints MB/s of
# both, their ratio, and the API process's heap growth during the upload (jstat sampling).
#
#   bench/dataset-upload.sh            # RUNS=3 SIZE_MB=45 by default
#
# Needs the infrastructure up (deploy/local/stack.sh start). Starts the API and worker from the
# built jars (deploy/local/stack.sh start app, default namespace and .lumigator/lumigator.db) when
# they are not running, and stops again only what it started. Targets: API throughput >= 0.5x the
# plain put, API peak heap growth < 64 MB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STACK="$ROOT/deploy/local/stack.sh"
DATA="${LUMIGATOR_DATA_DIR:-$ROOT/.lumigator}"
API="http://127.0.0.1:${LUMIGATOR_API_PORT:-8000}"
RUNS="${RUNS:-3}"
SIZE_MB="${SIZE_MB:-45}"
SHARED="${LUMIGATOR_SHARED_DATA:-$ROOT/jobs/src/test/resources/sample-data}"
WORK="$(mktemp -d /tmp/lumigator-bench.XXXXXX)"
started=()
sampler=""

cleanup() {
  local rc=$?
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  [ -z "${plain_pid:-}" ] || kill "$plain_pid" 2>/dev/null || true
  for c in "${started[@]}"; do "$STACK" stop "$c" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

say() { printf '[bench] %s\n' "$*" >&2; }

# ---- the file: the header once, then whole copies of the data rows up to SIZE_MB (decimal MB)
src="$SHARED/dialogsum_500.csv"
[ -f "$src" ] || { say "no $src (set LUMIGATOR_SHARED_DATA)"; exit 1; }
csv="$WORK/dialogsum_repeated.csv"
head -n 1 "$src" > "$csv"
tail -n +2 "$src" > "$WORK/rows.csv"
target=$((SIZE_MB * 1000 * 1000))
rows_size=$(stat -c %s "$WORK/rows.csv")
copies=$(( (target - $(stat -c %s "$csv")) / rows_size ))
for _ in $(seq "$copies"); do cat "$WORK/rows.csv"; done >> "$csv"
size=$(stat -c %s "$csv")
say "file: $copies copies of the 500 rows, $size bytes, $((copies * 500)) rows"

# ---- jars and processes
if ! ls api/target/lumigator-api-*-exec.jar workflows/target/lumigator-workflows-*-exec.jar >/dev/null 2>&1; then
  say "building the jars"; mvn -q -B -DskipTests -Dspotless.check.skip=true install
fi
status="$("$STACK" status)"
grep -qE '^s3 +up' <<<"$status" || { say "S3 is down: deploy/local/stack.sh start"; exit 1; }
if ! grep -qE '^worker +up' <<<"$status"; then "$STACK" start worker >&2; started=(worker "${started[@]}"); fi
if ! curl -sf "$API/" >/dev/null; then "$STACK" start api >&2; started=(api "${started[@]}"); fi
api_pid="$(cat "$DATA/run/api.pid" 2>/dev/null || true)"
if [ -z "$api_pid" ] || ! kill -0 "$api_pid" 2>/dev/null; then
  api_pid="$(ss -ltnpH "sport = :${LUMIGATOR_API_PORT:-8000}" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
fi
[ -n "$api_pid" ] || { say "cannot find the API process"; exit 1; }
say "API pid $api_pid: $(ps -o args= -p "$api_pid" | cut -c1-80)"

# ---- classpath for the plain put (the activities module and its dependencies)
cp_file="$WORK/cp.txt"
mvn -q -B -o -pl activities dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 \
  || mvn -q -B -pl activities dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="$ROOT/activities/target/classes:$(cat "$cp_file")"

upload() { # sets $code and $secs; the dataset id goes to $WORK/last-id
  read -r code secs < <(curl -sS -o "$WORK/response.json" -w '%{http_code} %{time_total}\n' \
    -H 'Expect:' -F format=job -F "dataset=@$1;type=text/csv" "$API/api/v1/datasets/")
  sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$WORK/response.json" > "$WORK/last-id"
}
delete_last() {
  local id; id="$(cat "$WORK/last-id")"
  [ -z "$id" ] || curl -sS -o /dev/null -X DELETE "$API/api/v1/datasets/$id"
}
used_kb() { # heap of a JVM in KB: "used (survivors + eden + old) retained (survivors + old)"
  jstat -gc "$1" | awk 'NR==2 {printf "%.0f %.0f\n", $3+$4+$6+$8, $3+$4+$8}'
}

# ---- warm-up (JIT, connections, worker), not measured
printf 'examples,ground_truth\nwarm,up\n' > "$WORK/warm.csv"
upload "$WORK/warm.csv"; [ "$code" = 201 ] || { say "warm-up upload failed: $code $(cat "$WORK/response.json")"; exit 1; }
delete_last
upload "$csv"; [ "$code" = 201 ] || { say "warm-up upload failed: $code $(cat "$WORK/response.json")"; exit 1; }
delete_last

# ---- interleaved: one plain put, then one API upload (heap sampled every 20 ms), RUNS times, so
# that load from anything else on the machine weighs on both alike
coproc PLAIN { exec java -cp "$classpath" bench/datasets/PlainPut.java "$csv" "bench/plain-put-$$.csv" 2>/dev/null; }
plain_pid=$PLAIN_PID
next_line() { # sets $line to the next "bytes seconds" (or "ready") of the plain put, skipping logging
  while IFS= read -r -u "${PLAIN[0]}" line; do
    if [[ "$line" =~ ^(ready|[0-9]+\ [0-9.]+)$ ]]; then return 0; fi
  done
  return 1
}
next_line || { say "the plain put did not start"; exit 1; }

plain_times=(); api_times=(); stage_times=(); growth=(); live_growth=(); gcs=()
for i in $(seq "$RUNS"); do
  echo go >&"${PLAIN[1]}"
  next_line || { say "the plain put failed"; exit 1; }
  read -r bytes secs <<<"$line"
  plain_times+=("$secs")
  say "run $i: plain put $bytes bytes in $secs s"

  jcmd "$api_pid" GC.run >/dev/null            # a clean baseline: the live set
  read -r base base_retained < <(used_kb "$api_pid")
  jstat -gc "$api_pid" 20 > "$WORK/jstat-$i.txt" & sampler=$!
  sleep 0.2
  t0=$(date +%s%3N)
  upload "$csv"
  sleep 0.1
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  [ "$code" = 201 ] || { say "upload failed: $code $(cat "$WORK/response.json")"; exit 1; }
  # where the time went: the API logs when the upload is staged (then the ingest workflow runs)
  staged_at="$(grep -h "Dataset $(cat "$WORK/last-id") staged" "$DATA/logs/api.log" 2>/dev/null | tail -n1 | cut -d' ' -f1)"
  if [ -n "$staged_at" ]; then
    stage_s=$(awk -v a="$(date -d "$staged_at" +%s%3N)" -v b="$t0" 'BEGIN{printf "%.3f", (a-b)/1000}')
    stage_times+=("$stage_s")
  fi
  delete_last
  # peak: the most heap in use at any sample (eden counts, garbage included); retained: the most
  # in survivors + old gen, i.e. what young collections kept alive
  read -r peak retained ygc < <(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {
      used=$3+$4+$6+$8; if (used>peak) peak=used; kept=$3+$4+$8; if (kept>retained) retained=kept;
      if (first=="") first=$13; last=$13 }
      END {printf "%.0f %.0f %d\n", peak, retained, last-first}' "$WORK/jstat-$i.txt")
  api_times+=("$secs"); growth+=($(( (peak - base) / 1024 )))
  live_growth+=($(( (retained - base_retained) / 1024 ))); gcs+=("$ygc")
  say "run $i: API upload 201 in $secs s (staged after ${stage_s:-?} s), heap +$(( (peak - base) / 1024 )) MB at peak (garbage included), +$(( (retained - base_retained) / 1024 )) MB retained by young GCs, $ygc young GCs"
done
eval "exec ${PLAIN[1]}>&-"
wait "$plain_pid" 2>/dev/null || true
plain_pid=""

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max() { printf '%s\n' "$@" | sort -g | tail -n1; }
plain=$(median "${plain_times[@]}"); api=$(median "${api_times[@]}")
mb=$(awk -v s="$size" 'BEGIN{printf "%.2f", s/1e6}')
plain_rate=$(awk -v s="$size" -v t="$plain" 'BEGIN{printf "%.1f", s/1e6/t}')
api_rate=$(awk -v s="$size" -v t="$api" 'BEGIN{printf "%.1f", s/1e6/t}')
ratio=$(awk -v a="$api" -v p="$plain" 'BEGIN{printf "%.2f", p/a}')
peak=$(max "${growth[@]}"); live=$(max "${live_growth[@]}")
heap_max=$(jcmd "$api_pid" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n1 | cut -d= -f2)

stage_line=""
if [ "${#stage_times[@]}" -gt 0 ]; then
  stage=$(median "${stage_times[@]}")
  stage_line="  of which streaming + checking + staging: $stage s = $(awk -v s="$size" -v t="$stage" 'BEGIN{printf "%.1f", s/1e6/t}') MB/s (ratio to plain $(awk -v a="$stage" -v p="$plain" 'BEGIN{printf "%.2f", p/a}')), the ingest workflow the rest"
fi

cat <<REPORT
dataset upload benchmark ($RUNS runs each, medians; file $mb MB, $((copies * 500)) rows)
  plain S3 put (S3Storage.putStream) : $plain s  = $plain_rate MB/s
  API POST /api/v1/datasets/ -> 201  : $api s  = $api_rate MB/s   (stream + check + stage, then the ingest workflow: canonical CSV, metadata, row)
$stage_line
  API / plain throughput ratio       : $ratio   (target >= 0.5)
  API heap growth, worst run         : $peak MB in use at peak (garbage not yet collected included), $live MB retained by young GCs   (target < 64 MB; max heap $((${heap_max:-0} / 1024 / 1024)) MB)
REPORT
