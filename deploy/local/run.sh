#!/usr/bin/env bash
# make run: the Maven build beside the tool installs (which run at once too), then the
# infrastructure started at once, then worker and API at once, the health check and smoke
# workflow; ends with each step's seconds. Output of the build: $LUMIGATOR_DATA_DIR/logs/build.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STACK="$ROOT/deploy/local/stack.sh"
LOGS="${LUMIGATOR_DATA_DIR:-$ROOT/.lumigator}/logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.seconds
t0=$SECONDS

timed() { # name command... — runs it, its seconds to $LOGS/name.seconds
  local name="$1" start=$SECONDS; shift
  "$@"
  echo "$((SECONDS - start))" > "$LOGS/$name.seconds"
}

at_once() { # component... — starts them at once; fails if one does
  local pids=() p c rc=0
  for c in "$@"; do timed "start-$c" "$STACK" start "$c" >/dev/null & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return "$rc"
}

echo "== build (Maven) and tool installs, at once"
timed build mvn -B -q -DskipTests install >"$LOGS/build.log" 2>&1 &
build=$!
if ! "$STACK" install; then wait "$build" || true; exit 1; fi
wait "$build" || { echo "the Maven build failed ($LOGS/build.log):" >&2; tail -n 60 "$LOGS/build.log" >&2; exit 1; }
echo "== start"
at_once s3 temporal ray
at_once worker api
timed health "$ROOT/deploy/local/wait-healthy.sh"

seconds() { cat "$LOGS/$1.seconds" 2>/dev/null || echo -; }
printf '\nmake run took %d s:\n' "$((SECONDS - t0))"
printf '  at once:  build %s s | temporal CLI %s s | Ray venv %s s | S3Proxy %s s\n' \
  "$(seconds build)" "$(seconds install-temporal)" "$(seconds install-ray)" "$(seconds install-s3proxy)"
printf '  at once:  s3 %s s | temporal %s s | ray %s s\n' \
  "$(seconds start-s3)" "$(seconds start-temporal)" "$(seconds start-ray)"
printf '  at once:  worker %s s | api %s s\n' "$(seconds start-worker)" "$(seconds start-api)"
printf '  health and smoke workflow %s s\n' "$(seconds health)"
