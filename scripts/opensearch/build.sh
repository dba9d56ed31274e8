#!/usr/bin/env bash
# Builds the single-node OpenSearch launcher (TestNode.java + pom.xml) once and caches it, with its runtime jars,
# under a hash of its sources:
#   <repo>/.cache/opensearch/node-2.19.6-<hash>/   and   ${XDG_CACHE_HOME:-$HOME/.cache}/policy-cms/opensearch-2.19.6-<hash>/
# (CI runs from a fresh clone: the second copy survives it). Needs Java 17 and Maven (Maven Central only).
# Usage: scripts/opensearch/build.sh [--force]   Prints the cache directory as the last line of stdout.
set -euo pipefail

VERSION="2.19.6"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
HASH="$(cat "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src/main/java/cms/TestNode.java" "$SCRIPT_DIR/log4j2.properties" | sha256sum | cut -c1-12)"
LOCAL="$REPO_ROOT/.cache/opensearch/node-$VERSION-$HASH"
SHARED="${XDG_CACHE_HOME:-$HOME/.cache}/policy-cms/opensearch-$VERSION-$HASH"

log() { echo "[opensearch-build] $*" >&2; }
complete() { [[ -f "$1/launcher.jar" && -d "$1/lib" && -f "$1/log4j2.properties" ]]; }

if [[ "${1:-}" == "--force" ]]; then rm -rf "$LOCAL" "$SHARED"; fi
if complete "$LOCAL"; then log "using cached $LOCAL"; echo "$LOCAL"; exit 0; fi
if complete "$SHARED"; then
  mkdir -p "$(dirname "$LOCAL")"
  rm -rf "$LOCAL.tmp" && cp -r "$SHARED" "$LOCAL.tmp" && mv "$LOCAL.tmp" "$LOCAL"
  log "copied from $SHARED"; echo "$LOCAL"; exit 0
fi

for tool in java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { log "ERROR: '$tool' is not on PATH (the OpenSearch test node needs Java 17 and Maven)."; exit 127; }
done

start=$(date +%s)
log "building the OpenSearch $VERSION test node with Maven (first run downloads ~45 MB from Maven Central)..."
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
cp -r "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" "$BUILD/"
(cd "$BUILD" && mvn -q -B package -DskipTests) >&2
OUT="$BUILD/out"
mkdir -p "$OUT"
cp "$BUILD/target/opensearch-test-node-1.jar" "$OUT/launcher.jar"
cp -r "$BUILD/target/lib" "$OUT/lib"
cp "$SCRIPT_DIR/log4j2.properties" "$OUT/log4j2.properties"
for dest in "$SHARED" "$LOCAL"; do
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest.tmp" && cp -r "$OUT" "$dest.tmp" && rm -rf "$dest" && mv "$dest.tmp" "$dest"
done
log "built $LOCAL ($(du -sh "$LOCAL" | cut -f1)) in $(( $(date +%s) - start ))s"
echo "$LOCAL"
