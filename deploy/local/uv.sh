#!/usr/bin/env bash
# Prints the path of the project's pinned uv (Python packaging), installing it into
# $LUMIGATOR_TOOLS_DIR/uv on first use (idempotent). Python projects of this repository
# (pyproject.toml + uv.lock) run through it: `"$(deploy/local/uv.sh)" run --frozen pytest`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${LUMIGATOR_TOOLS_DIR:-$ROOT/.tools}"
UV_VERSION="0.13.8"
UV="$TOOLS/uv/bin/uv"
if [ ! -x "$UV" ] || [ "$("$UV" --version 2>/dev/null | awk '{print $2}')" != "$UV_VERSION" ]; then
  printf '[uv] installing uv %s into %s\n' "$UV_VERSION" "$TOOLS/uv" >&2
  rm -rf "$TOOLS/uv"
  python3 -m venv "$TOOLS/uv"
  "$TOOLS/uv/bin/pip" install -q --disable-pip-version-check "uv==$UV_VERSION" >&2
fi
echo "$UV"
