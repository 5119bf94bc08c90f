#!/usr/bin/env bash
# VM benchmark (not a test), on the packaged app with the built-in simulator:
#  1. 10 000 VMs in the database: authenticated GET /api/v1/vms as admin (20 per page) and as a
#     customer (own list), wrk at 64 connections, beside pgbench running the same SQL (count + page)
#     at 64 clients in the same run; the ratio API/SQL is reported.
#  2. One reconciliation cycle over 10 000 simulated guests: PVE calls and time.
#  3. Create-to-running time of VMs ordered through the API.
# Bounded in time, loopback only; writes bench/results/vms.md.
set -euo pipefail
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-64}
source "$(dirname "$0")/lib.sh"
mkdir -p "$RESULTS_DIR"
bench_require_tools
command -v pgbench >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null; }

export BENCH_DB=${BENCH_DB:-proxima_bench_vms}
ADMIN_PW='Bench-Admin-Passw0rd!'
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null
bench_start_app PROXIMA_PVE_SIMULATOR_ENABLED=true PROXIMA_PVE_SIMULATOR_PORT=18106 PROXIMA_PVE_SIMULATOR_SEED_GUESTS=10000 \
  PROXIMA_PVE_SIMULATOR_TASK_DURATION=200ms PROXIMA_ADMIN_PASSWORD="$ADMIN_PW" PROXIMA_RATELIMIT_ENABLED=false \
  PROXIMA_RECONCILE_INTERVAL=1h QUARKUS_MAILER_MOCK=true
API="$BENCH_URL/api/v1"
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
login() { curl -fs -X POST "$API/auth/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json 'd["data"]["access_token"]'; }

ADMIN=$(login admin "$ADMIN_PW")
curl -fs -X POST "$API/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN" \
  -d '{"username":"benchuser","email":"bench@example.test","password":"Bench-Passw0rd1","role":"user"}' >/dev/null
USER_ID=$(curl -fs "$API/users?search=benchuser" -H "Authorization: Bearer $ADMIN" | json 'd["data"]["items"][0]["id"]')
curl -fs -X POST "$API/users/$USER_ID/balance-adjustments" -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN" \
  -d '{"amount":"1000.00","currency":"USD","reason":"bench"}' >/dev/null
USER=$(login benchuser Bench-Passw0rd1)
PLAN=$(curl -fs "$API/plans" | json '[p["id"] for p in d["data"] if p["name"]=="Starter"][0]')

# 10 000 VMs: 100 for the bench user, the rest spread over 99 other owners (not placed, so
# reconciliation does not touch them).
psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -q <<SQL
INSERT INTO vms (id, owner_id, type, hostname, plan_id, cpu_cores, memory_mb, disk_gb, status, version, created_at, updated_at)
SELECT gen_random_uuid(),
       CASE WHEN g <= 100 THEN '$USER_ID'::uuid ELSE md5((g % 99)::text)::uuid END,
       'qemu', 'bench-' || g, '$PLAN', 1, 1024, 20,
       (ARRAY['running','stopped','running','suspended'])[1 + g % 4], 0,
       now() - (g || ' seconds')::interval, now()
FROM generate_series(1, 10000) g;
ANALYZE vms;
SQL

# The SQL the list endpoints run (count + one page), for pgbench at the same concurrency.
cat > "$RESULTS_DIR/vms-admin.sql" <<'SQL'
SELECT count(*) FROM vms WHERE 1 = 1 AND status <> 'deleted';
SELECT id, vmid, pve_node, node_id, hostname, type, status, status_reason, cpu_cores, memory_mb, disk_gb, plan_id, template_id, ip_addresses, owner_id, created_at, updated_at FROM vms WHERE 1 = 1 AND status <> 'deleted' ORDER BY created_at DESC, id LIMIT 20 OFFSET 0;
SQL
sed "s/1 = 1 AND status <> 'deleted'/1 = 1 AND status <> 'deleted' AND owner_id = '$USER_ID'/" "$RESULTS_DIR/vms-admin.sql" > "$RESULTS_DIR/vms-user.sql"

wrk -t1 -c4 -d3s -H "Authorization: Bearer $ADMIN" "$API/vms" >/dev/null
read -r _ a_rps a_p50 a_p99 < <(bench_wrk vms-admin /api/v1/vms -H "Authorization: Bearer $ADMIN")
read -r _ u_rps u_p50 u_p99 < <(bench_wrk vms-user /api/v1/vms -H "Authorization: Bearer $USER")
pg() { pgbench -h 127.0.0.1 -U postgres -n -c "$BENCH_CONNECTIONS" -j 2 -T "${BENCH_DURATION%s}" -f "$1" "$BENCH_DB" 2>/dev/null | awk '/^tps/ {print $3; exit}'; }
pa=$(pg "$RESULTS_DIR/vms-admin.sql")
pu=$(pg "$RESULTS_DIR/vms-user.sql")

# One reconciliation cycle with 10 000 guests in the simulator (all unknown to Proxima).
REC=$(curl -fs -X POST "$API/admin/reconciliation" -H "Authorization: Bearer $ADMIN")
rec_calls=$(echo "$REC" | json 'd["data"]["pve_calls"]')
rec_guests=$(echo "$REC" | json 'd["data"]["guests_seen"]')
rec_ms=$(echo "$REC" | json 'd["data"]["millis"]')

# Create-to-running, five orders one after the other.
TEMPLATE=$(curl -fs "$API/templates" -H "Authorization: Bearer $USER" | json '[t["id"] for t in d["data"] if t["type"]=="qemu"][0]')
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  VM=$(curl -fs -X POST "$API/vms" -H 'Content-Type: application/json' -H "Authorization: Bearer $USER" \
    -d "{\"hostname\":\"timed-$i\",\"plan_id\":\"$PLAN\",\"template_id\":\"$TEMPLATE\",\"password\":\"Bench-pass-1\"}" | json 'd["data"]["vm"]["id"]')
  for _ in $(seq 1 300); do
    s=$(curl -fs "$API/vms/$VM" -H "Authorization: Bearer $USER" | json 'd["data"]["status"]')
    [ "$s" = running ] || [ "$s" = error ] && break
    sleep 0.1
  done
  times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
done
rss=$(bench_rss_mb)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
{
  echo "# VM benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores; 10 000 VMs in the database; wrk -c$BENCH_CONNECTIONS -d$BENCH_DURATION and pgbench -c$BENCH_CONNECTIONS on the same machine."
  echo
  echo "| list | API req/s | p50 ms | p99 ms | pgbench tps (same SQL) | API / SQL |"
  echo "|---|---|---|---|---|---|"
  echo "| admin, all VMs, 20 per page | $a_rps | $a_p50 | $a_p99 | $pa | $(ratio "$a_rps" "$pa") |"
  echo "| customer, own 100 VMs | $u_rps | $u_p50 | $u_p99 | $pu | $(ratio "$u_rps" "$pu") |"
  echo
  echo "Reconciliation with $rec_guests simulated guests: $rec_calls PVE call(s), $rec_ms ms for the cycle."
  echo
  echo "Create-to-running (simulated tasks of 200 ms, runner polling every 2 s): ${times[*]} ms."
  echo
  echo "RSS after the runs: ${rss} MB."
} | tee "$RESULTS_DIR/vms.md"
