#!/usr/bin/env bash
# One command from a fresh clone to a running system with demo data on SQLite:
# install (if needed) → secret → migrate → seed → build (if sources changed) → serve on $PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ ! -f .env ]; then
  step "Writing .env with a fresh PAYLOAD_SECRET"
  printf 'PAYLOAD_SECRET=%s\nDATABASE_URL=file:./data/cms.db\n' "$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")" > .env
fi
set -a; . ./.env; set +a
export DATABASE_URL="${DATABASE_URL:-file:./data/cms.db}"
mkdir -p data media

step "Applying database migrations"
npm run --silent payload -- migrate

step "Seeding demo data"
npm run --silent seed

if [ ! -f .next/BUILD_ID ] || [ -n "$(find src collections payload.config.ts migrations next.config.mjs package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  step "Building the admin panel and API (next build, about a minute)"
  npx next build
fi

PORT="${PORT:-3000}"
step "Starting on http://localhost:${PORT}/admin  (API: http://localhost:${PORT}/api)"
echo "    Log in as admin@demo.gov.cn / demo1234 (other roles: drafter@, reviewer@, signer@, editor@, viewer@demo.gov.cn)"
exec npx next start -p "$PORT"
