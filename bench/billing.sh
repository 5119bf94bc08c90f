#!/usr/bin/env bash
# Billing run benchmark: loads N running metered VMs (default 100 000) into a dedicated database
# and times the real billing run (the use case, set-based SQL) against single set-based
# statements touching the same rows. Writes bench/results/billing.md.
#   BENCH_VMS=100000 BENCH_VMS_PER_USER=4 bench/billing.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mkdir -p bench/results
pw=$(bash scripts/ensure-postgres.sh "${BENCH_DB:-proxima_bench_billing}" | sed -n 's/^PGPASSWORD=//p')
if [ -n "$pw" ]; then export TEST_DB_PASSWORD="$pw"; fi
# The bench runs inside the test harness (controllable clock, schema rebuilt by Flyway), on its own database.
export TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/${BENCH_DB:-proxima_bench_billing}"
./mvnw -B -q -pl bootstrap -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=BillingRunBench -Dbench=true -Dbench.vms="${BENCH_VMS:-100000}" \
  -Dbench.vms-per-user="${BENCH_VMS_PER_USER:-4}" -Dbench.out="${BENCH_OUT:-$ROOT/bench/results/billing.md}" \
  > bench/results/billing-build.log 2>&1 || { tail -50 bench/results/billing-build.log; exit 1; }
cat "${BENCH_OUT:-$ROOT/bench/results/billing.md}"
