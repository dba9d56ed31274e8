#!/usr/bin/env bash
# Builds SeaweedFS's `weed` (the S3-wire test server) from the module in this directory once, and reuses it:
#   <repo>/.cache/seaweedfs/weed-<version>-<source hash>
#   ${XDG_CACHE_HOME:-$HOME/.cache}/policy-cms/seaweedfs/weed-<version>-<source hash>   (survives fresh clones: CI)
# `go install …/weed@version` is refused because seaweedfs's go.mod has a replace directive, hence our own
# module (go.mod) that requires it as a tool and repeats that one replace line.
#
# Usage: scripts/seaweedfs/build.sh [--force]
# Prints the absolute binary path as the last line of stdout; progress goes to stderr.
set -euo pipefail

SEAWEEDFS_VERSION="v0.0.0-20261109003541-7506e5f91cd6"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
OUT_DIR="$REPO_ROOT/.cache/seaweedfs"
SHARED_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/policy-cms/seaweedfs"
# The name carries a hash of the sources, so bumping the module or this script's flags rebuilds instead of reusing.
SRC_HASH="$(cat "$SCRIPT_DIR/go.mod" "$SCRIPT_DIR/go.sum" "$SCRIPT_DIR/build.sh" | sha256sum | cut -c1-12)"
NAME="weed-$SEAWEEDFS_VERSION-$SRC_HASH"
BIN="$OUT_DIR/$NAME"
SHARED_BIN="$SHARED_DIR/$NAME"

log() { echo "[seaweedfs-build] $*" >&2; }

if [[ "${1:-}" == "--force" ]]; then
  rm -f "$BIN" "$SHARED_BIN"
fi

mkdir -p "$OUT_DIR"

if [[ -x "$BIN" ]]; then
  log "using cached binary $BIN"
  echo "$BIN"
  exit 0
fi

# Copy (not link) from the shared cache, so pruning one cache never breaks the other.
if [[ -x "$SHARED_BIN" ]]; then
  TMP_BIN="$(mktemp "$OUT_DIR/.copy.XXXXXX")"
  trap 'rm -f "$TMP_BIN"' EXIT
  cp "$SHARED_BIN" "$TMP_BIN" && chmod 755 "$TMP_BIN" && mv -f "$TMP_BIN" "$BIN"
  trap - EXIT
  log "using cached binary $SHARED_BIN (copied to $BIN)"
  echo "$BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "ERROR: 'go' was not found on PATH."
  log "The S3-wire test server (SeaweedFS $SEAWEEDFS_VERSION) is built from source and needs Go >= 1.26"
  log "(https://go.dev/dl/), or set SEAWEEDFS_BIN=/path/to/weed."
  exit 127
fi

log "building SeaweedFS weed $SEAWEEDFS_VERSION with $(go version | awk '{print $3}')"
log "(cold: ~10 min on 2 cores and ~1 GB of modules; later runs reuse the cached binary)..."
start=$(date +%s)

# Unique temp name + atomic rename: concurrent builds never see a half-written binary.
TMP_BIN="$(mktemp "$OUT_DIR/.build.XXXXXX")"
trap 'rm -f "$TMP_BIN"' EXIT

# A heartbeat, since `go build` is silent for minutes.
( while sleep 30; do log "still building ($(( $(date +%s) - start ))s)..."; done ) &
HEARTBEAT=$!
trap 'rm -f "$TMP_BIN"; kill $HEARTBEAT 2>/dev/null || true' EXIT

(
  cd "$SCRIPT_DIR"
  # -mod=readonly: exactly the committed go.mod/go.sum. GOFLAGS cleared so the environment can't change the mode.
  CGO_ENABLED=0 GOFLAGS= go build \
    -mod=readonly \
    -buildvcs=false \
    -trimpath \
    -ldflags "-s -w" \
    -o "$TMP_BIN" \
    github.com/seaweedfs/seaweedfs/weed
)

kill $HEARTBEAT 2>/dev/null || true
chmod 755 "$TMP_BIN"
mv -f "$TMP_BIN" "$BIN"
trap - EXIT

mkdir -p "$SHARED_DIR"
SHARED_TMP="$(mktemp "$SHARED_DIR/.copy.XXXXXX")"
cp "$BIN" "$SHARED_TMP" && chmod 755 "$SHARED_TMP" && mv -f "$SHARED_TMP" "$SHARED_BIN" || rm -f "$SHARED_TMP"

log "built $BIN ($(du -h "$BIN" | cut -f1)) in $(( $(date +%s) - start ))s"
echo "$BIN"
