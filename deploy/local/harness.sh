# Sourced by run-tests.sh (and by harness-test.sh, its test): which stack components a test run
# starts, and so stops at its end. A component is recorded only when stack.sh says this run
# started it, so a stack that `make run` (or anyone) keeps running is never stopped.

# down_components STATUS — the infrastructure components STATUS (stack.sh status) does not show up
down_components() {
  local c
  for c in s3 temporal ray; do grep -qE "^$c +up" <<<"$1" || echo "$c"; done
}

# start_recorded STACK COMPONENT — starts COMPONENT; appends it to the array `started` only when
# STACK printed "started COMPONENT" (never for one that already answers, whatever the status
# said). A failed start still records what it spawned, then fails.
start_recorded() {
  local out rc=0
  out="$("$1" start "$2")" || rc=$?
  if grep -qx "started $2" <<<"$out"; then started=("$2" "${started[@]}"); fi
  return "$rc"
}
