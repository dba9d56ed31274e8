#!/usr/bin/env bash
# Production smoke test: `next start` on a fresh SQLite file must apply the shipped migrations at boot and
# serve the admin and the API. Needs a prior `next build`. Used by CI; handy after upgrades.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=${SMOKE_PORT:-3199}
export DATABASE_URL="file:${dir}/smoke.db" PAYLOAD_SECRET=smoke-secret MEDIA_DIR="${dir}/media" JOBS_AUTORUN=false
npx next start -p "$port" > "${dir}/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
check() { # path expected-status
  local status
  status=$(curl -s -o "${dir}/body" -w '%{http_code}' "http://127.0.0.1:${port}$1")
  if [ "$status" != "$2" ]; then echo "smoke: GET $1 answered $status, expected $2"; head -c 600 "${dir}/body"; echo; tail -20 "${dir}/server.log"; exit 1; fi
  echo "smoke: GET $1 → $status"
}
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:${port}/api/departments" && break; sleep 1; done
check /api/departments 200
check /api/policies 200
check /api/users 403
check /admin/login 200
grep -q '政策解读管理系统' "${dir}/body" || { echo 'smoke: admin login page lacks the Chinese title'; exit 1; }
echo "smoke: ok"
