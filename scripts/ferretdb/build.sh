#!/usr/bin/env bash
# Builds the embedded FerretDB test server (see main.go) once into
#   <repo>/.cache/ferretdb/ferretdb-test-server-v1.24.2-<source hash>
# and reuses it on later runs. Only the Go toolchain and the Go module proxy
# are needed; dependencies are verified against the committed go.sum.
#
# Usage: scripts/ferretdb/build.sh [--force]
# Prints the absolute binary path as the last line of stdout.
set -euo pipefail

FERRETDB_VERSION="v1.24.2"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
OUT_DIR="$REPO_ROOT/.cache/ferretdb"
# The name carries a hash of the sources, so editing main.go or bumping a module rebuilds instead of reusing.
SRC_HASH="$(cat "$SCRIPT_DIR/main.go" "$SCRIPT_DIR/go.mod" "$SCRIPT_DIR/go.sum" | sha256sum | cut -c1-12)"
BIN="$OUT_DIR/ferretdb-test-server-$FERRETDB_VERSION-$SRC_HASH"

log() { echo "[ferretdb-build] $*" >&2; }

if [[ "${1:-}" == "--force" ]]; then
  rm -f "$BIN"
fi

if [[ -x "$BIN" ]]; then
  log "using cached binary $BIN"
  echo "$BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "ERROR: 'go' was not found on PATH."
  log "The MongoDB-compatible test server (FerretDB $FERRETDB_VERSION) is built from source"
  log "and needs Go >= 1.24 (https://go.dev/dl/). Install Go, or provide a MongoDB via env."
  exit 127
fi

mkdir -p "$OUT_DIR"

log "building FerretDB $FERRETDB_VERSION test server with $(go version | awk '{print $3}') (first run downloads modules; may take a minute or two)..."
start=$(date +%s)

# Build to a unique temp name and rename atomically, so concurrent builds
# (e.g. parallel test workers) never see a half-written binary.
TMP_BIN="$(mktemp "$OUT_DIR/.build.XXXXXX")"
trap 'rm -f "$TMP_BIN"' EXIT

(
  cd "$SCRIPT_DIR"
  # -mod=readonly: use exactly go.mod/go.sum as committed (fails loudly on drift).
  # ferretdb_no_postgresql: SQLite backend only (pure Go, no cgo needed).
  # GOFLAGS is cleared so a user's environment can't change the build mode.
  CGO_ENABLED=0 GOFLAGS= go build \
    -mod=readonly \
    -buildvcs=false \
    -trimpath \
    -tags ferretdb_no_postgresql \
    -ldflags "-s -w" \
    -o "$TMP_BIN" \
    .
)

chmod 755 "$TMP_BIN"
mv -f "$TMP_BIN" "$BIN"
trap - EXIT

log "built $BIN ($(du -h "$BIN" | cut -f1)) in $(( $(date +%s) - start ))s"
echo "$BIN"
