#!/usr/bin/env bash
# Counts the type casts that bypass checking (`as never`, `as unknown as`) in our own sources; generated files
# (payload-types.ts, the admin import map, migrations) and dependencies are not ours to count.
# Usage: scripts/cast-count.sh [max]   — lists each cast, prints the count, fails above max (when given).
set -uo pipefail
cd "$(dirname "$0")/.."
list=$(git ls-files -- '*.ts' '*.tsx' '*.mjs' '*.js' \
  ':!:payload-types.ts' ':!:src/app/(payload)/admin/importMap.js' ':!:migrations/*' \
  | xargs grep -nE '\bas never\b|\bas unknown as\b' 2>/dev/null || true)
# Every occurrence counts, not every line.
count=$(printf '%s' "$list" | grep -oE '\bas never\b|\bas unknown as\b' | grep -c . || true)
[ -n "$list" ] && printf '%s\n' "$list"
echo "casts (as never + as unknown as): $count"
if [ $# -gt 0 ] && [ "$count" -gt "$1" ]; then
  echo "more than $1 casts: remove one, or give it a reason and a narrower type" >&2
  exit 1
fi
