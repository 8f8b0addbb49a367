#!/usr/bin/env bash
# The test of make test's harness (run first by run-tests.sh; a second or two, no stack needed):
# what run-tests.sh records as started — and so stops at its end — for faked `stack.sh status`
# outputs, and that the real stack.sh reports nothing as started when every port already answers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=harness.sh
. "$ROOT/deploy/local/harness.sh"
work="$(mktemp -d)"; trap 'kill "${listener:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
failures=0
check() { # description expected actual
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}

# A fake stack.sh: `start C` prints "started C" unless C is in $FAKE_RUNNING (then it "already answers").
cat > "$work/stack.sh" <<'FAKE'
#!/usr/bin/env bash
[ "$1" = start ] || exit 2
case " $FAKE_RUNNING " in *" $2 "*) echo "[stack] $2 already answers" >&2 ;; *) echo "started $2" ;; esac
FAKE
chmod +x "$work/stack.sh"

run() { # STATUS RUNNING — what the harness records as started
  started=()
  local c
  for c in $(FAKE_RUNNING="$2" down_components "$1"); do FAKE_RUNNING="$2" start_recorded "$work/stack.sh" "$c"; done 2>/dev/null
  echo "${started[*]}"
}
up="temporal  up    127.0.0.1:7233 (UI http://127.0.0.1:8233)
ray       up    http://127.0.0.1:8265
s3        up    http://127.0.0.1:9000
worker    down
api       up    http://127.0.0.1:8000"
check "all infra up: nothing started" "" "$(run "$up" "s3 temporal ray")"
check "all down: all three started, recorded for stopping in reverse order" "ray temporal s3" \
  "$(run "$(sed 's/ up .*/ down/' <<<"$up")" "")"
check "ray down only: only ray" "ray" "$(run "$(sed '/^ray/s/ up .*/ down/' <<<"$up")" "s3 temporal")"
# A truncated or failed status (the SIGPIPE bug) takes everything for down; a running stack must
# still come out untouched, because stack.sh itself reports that each one already answers.
check "empty status, stack running: nothing recorded" "" "$(run "" "s3 temporal ray")"
check "status says s3 down but it answers: not recorded" "temporal" \
  "$(run "$(sed '/^s3\|^temporal/s/ up .*/ down/' <<<"$up")" "s3 ray")"
# A failed start still records what it spawned, and fails.
cat > "$work/failing.sh" <<'FAKE'
#!/usr/bin/env bash
echo "started $2"; exit 1
FAKE
chmod +x "$work/failing.sh"
started=()
if start_recorded "$work/failing.sh" temporal; then rc=0; else rc=$?; fi
check "failed start: fails and records what it spawned" "1 temporal" "$rc ${started[*]}"

# The real stack.sh with every infrastructure port taken by a listener: start reports nothing
# started, and status shows them up.
python3 -c '
import socket, sys, time
socks = []
for _ in range(3):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks), flush=True)
time.sleep(120)' > "$work/ports" &
listener=$!
until [ -s "$work/ports" ]; do sleep 0.05; done
read -r p_s3 p_temporal p_ray < "$work/ports"
real() {
  LUMIGATOR_DATA_DIR="$work/data" LUMIGATOR_TOOLS_DIR="$work/tools" LUMIGATOR_S3_PORT="$p_s3" \
    LUMIGATOR_TEMPORAL_PORT="$p_temporal" LUMIGATOR_RAY_DASHBOARD_PORT="$p_ray" \
    LUMIGATOR_API_PORT="$p_s3" "$ROOT/deploy/local/stack.sh" "$@"
}
status="$(real status 2>/dev/null)"
check "stack.sh status with the ports answering: no infra down" "" "$(down_components "$status" | xargs)"
started=()
for c in s3 temporal ray; do start_recorded real "$c"; done 2>"$work/start.err"
check "stack.sh start with the ports answering: nothing recorded" "" "${started[*]}"
check "stack.sh start with the ports answering: no marker written" "" "$(ls "$work/data/run" 2>/dev/null | xargs)"

[ "$failures" -eq 0 ] || { echo "harness test: $failures failure(s)"; exit 1; }
echo "harness test: all checks passed"
