#!/usr/bin/env bash
# Authentication benchmark (not a test): login throughput and the cost of one login with the
# production Argon2id parameters (m=19 MiB, t=2, p=1), and an authenticated GET /api/v1/auth/profile
# against an unauthenticated GET /health in the same run (the ratio must stay below 2x).
#
# Bounded: every wrk run has a fixed duration, traffic goes to 127.0.0.1 only, the server is
# stopped at the end. Needs: wrk, curl, psql (or an existing database), a JDK 17+, and a packaged
# app (built here with ./mvnw -B -q package -DskipTests unless SKIP_BUILD=1).
#
#   bench/auth.sh                     # defaults: port 18089, 10 s per run
#   PORT=18090 DURATION=20s bench/auth.sh
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-18089}
DURATION=${DURATION:-10s}
LOGIN_DURATION=${LOGIN_DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DB=${BENCH_DB:-proxima_bench_identity}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/auth-$(date -u +%Y%m%dT%H%M%SZ).txt"
PID=""

cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"; wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "bench/auth.sh needs $tool" >&2; exit 1; }
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q package -DskipTests
fi

if command -v psql >/dev/null; then
  psql -q -h "$DB_HOST" -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" postgres
fi

ADMIN_PASSWORD='Bench-Passw0rd!'
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${DB_HOST}:5432/${DB}" \
PROXIMA_DATA_DIR="$WORK/data" \
PROXIMA_ADMIN_USERNAME=benchadmin PROXIMA_ADMIN_EMAIL=bench@proxima.localhost PROXIMA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
PROXIMA_RATELIMIT_AUTH_PER_MINUTE=100000000 PROXIMA_RATELIMIT_API_PER_MINUTE=100000000 \
QUARKUS_LOG_LEVEL=WARN \
  java -Xmx512m -jar bootstrap/target/quarkus-app/quarkus-run.jar >"$WORK/server.log" 2>&1 &
PID=$!

for _ in $(seq 1 120); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "server did not become ready" >&2; exit 1; }

LOGIN_BODY="{\"username\":\"benchadmin\",\"password\":\"${ADMIN_PASSWORD}\"}"
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "$LOGIN_BODY" "$BASE/api/v1/auth/login" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

{
  echo "# Proxima auth bench $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "## Cost of one login (Argon2id m=19456 KiB, t=2, p=1), 5 sequential logins"
  for i in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$LOGIN_BODY" "$BASE/api/v1/auth/login"
  done | awk '{s+=$1; print "  login " NR ": " $1 " s"} END {printf "  mean: %.3f s\n", s/NR}'

  cat >"$WORK/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$LOGIN_BODY'
LUA
  echo "## Login throughput (wrk -t$THREADS -c4 -d$LOGIN_DURATION)"
  wrk -t"$THREADS" -c4 -d"$LOGIN_DURATION" --timeout 10s -s "$WORK/login.lua" "$BASE/api/v1/auth/login" | sed 's/^/  /'

  echo "## Warm-up"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE/health" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/auth/profile" >/dev/null

  echo "## Unauthenticated GET /health (wrk -t$THREADS -c$CONNECTIONS -d$DURATION)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE/health" | tee "$WORK/health.txt" | sed 's/^/  /'
  echo "## Authenticated GET /api/v1/auth/profile (same settings)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/auth/profile" \
    | tee "$WORK/profile.txt" | sed 's/^/  /'
  grep -q 'Non-2xx' "$WORK/profile.txt" && echo "  WARNING: non-2xx answers in the profile run"

  H=$(awk '/Requests\/sec/ {print $2}' "$WORK/health.txt")
  P=$(awk '/Requests\/sec/ {print $2}' "$WORK/profile.txt")
  awk -v h="$H" -v p="$P" 'BEGIN {
    r = h / p
    printf "## Result: /health %.0f req/s, /auth/profile %.0f req/s, cost ratio %.2fx (%s)\n", h, p, r, (r < 2 ? "OK, < 2x" : "FAIL, >= 2x")
  }'
} | tee "$OUT"
echo "results written to $OUT"
