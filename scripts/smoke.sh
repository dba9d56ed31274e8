#!/usr/bin/env bash
# Production smoke test: `next start` on a fresh SQLite file must apply the shipped migrations at boot and
# serve the admin and the API; with the demo data seeded, login cookies must be Secure, HttpOnly and
# SameSite=Lax and 5 failed logins must lock an account; then a short soak (readers on the public API while
# editors release and withdraw; SOAK_DURATION=0 skips it). Needs a prior `next build`. Used by CI; handy after
# upgrades.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=${SMOKE_PORT:-3199}
# SEARCH_POLL_MS=0: an idle server that polls the audit log holds read locks that make the seed's writes fail with
# SQLITE_BUSY (no busy timeout is configured); searches still catch up first.
export DATABASE_URL="file:${dir}/smoke.db" PAYLOAD_SECRET=smoke-secret MEDIA_DIR="${dir}/media" JOBS_AUTORUN=false \
  SEARCH_SNAPSHOT_DIR="${dir}/search" SEARCH_POLL_MS=0
# The binary itself, not through npx: the trap's kill must reach the server (npx left it running on failures).
node_modules/.bin/next start -p "$port" > "${dir}/server.log" 2>&1 &
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

# Demo users and packages for the login checks and the soak (the seed runs outside production, as `npm run demo` does).
t0=$(date +%s)
npm run --silent seed > "${dir}/seed.log" 2>&1 || { tail -30 "${dir}/seed.log"; exit 1; }
echo "smoke: demo data seeded ($(( $(date +%s) - t0 )) s)"

login() { # email password → HTTP status; headers in $dir/headers, body in $dir/body
  curl -s -D "${dir}/headers" -o "${dir}/body" -w '%{http_code}' -H 'content-type: application/json' -H 'accept-language: en' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:${port}/api/users/login"
}
# The session cookie under NODE_ENV=production: Secure (unless INSECURE_COOKIES=true, for intranets without TLS;
# a browser still keeps it on http://localhost), HttpOnly, SameSite=Lax. Payload writes `Secure=true; HttpOnly=true`:
# user agents ignore the value of these two attributes (RFC 6265 §5.2.5-6), so a value is accepted.
status=$(login admin@demo.gov.cn demo1234)
[ "$status" = 200 ] || { echo "smoke: login answered $status"; head -c 600 "${dir}/body"; echo; exit 1; }
cookie=$(tr -d '\r' < "${dir}/headers" | grep -i '^set-cookie: payload-token=' || true)
[ -n "$cookie" ] || { echo 'smoke: login set no payload-token cookie'; cat "${dir}/headers"; exit 1; }
expected='HttpOnly SameSite=Lax'
if [ "${INSECURE_COOKIES:-}" = true ]; then
  if grep -qiE ';[[:space:]]*Secure(=[^;]*)?([;[:space:]]|$)' <<< "$cookie"; then echo "smoke: INSECURE_COOKIES=true but the cookie is Secure: $cookie"; exit 1; fi
else
  expected="Secure $expected"
fi
for attr in $expected; do
  grep -qiE ";[[:space:]]*${attr}(=[^;]*)?([;[:space:]]|$)" <<< "$cookie" || { echo "smoke: session cookie lacks ${attr}: $cookie"; exit 1; }
done
echo "smoke: session cookie payload-token is ${expected// /, }"
# Brute force: 5 failed logins lock the account (Payload's lockout); then even the right password is refused.
codes=''
for _ in 1 2 3 4 5 6; do codes+="$(login viewer.b@demo.gov.cn not-the-password) "; done
grep -qi 'locked' "${dir}/body" || { echo "smoke: the 6th wrong password (${codes% }) is not refused as locked:"; head -c 600 "${dir}/body"; echo; exit 1; }
status=$(login viewer.b@demo.gov.cn demo1234)
if [ "$status" = 200 ] || ! grep -qi 'locked' "${dir}/body"; then
  echo "smoke: after 6 wrong passwords (${codes% }) the right one answered $status, not locked:"; head -c 600 "${dir}/body"; echo; exit 1
fi
echo "smoke: 6 wrong passwords for viewer.b@demo.gov.cn → ${codes% } (the 6th: locked); the right one then → ${status} (locked)"

if [ "${SOAK_DURATION:-20s}" != 0 ]; then
  npm run --silent soak -- --url "http://127.0.0.1:${port}" --duration "${SOAK_DURATION:-20s}" --readers 8 --editors 2
fi
echo "smoke: ok"
