#!/usr/bin/env bash
# Issue 10's concurrency figure: N orders placed together against the simulator with a long clone
# task, all running within about the time of one order (measured in the same run), not N times it.
# BENCH_ORDERS (20) and BENCH_CLONE (PT30S, ISO-8601) size it. Writes bench/results/ops-concurrency.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out="$PWD/bench/results/ops-concurrency.md"
pw=$(bash scripts/ensure-postgres.sh "${BENCH_DB:-proxima_bench}" | sed -n 's/^PGPASSWORD=//p')
TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/${BENCH_DB:-proxima_bench}" ${pw:+TEST_DB_PASSWORD=$pw} \
timeout 1800 ./mvnw -B -q -pl bootstrap -am verify -Dtest=OperationsConcurrencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dsurefire.argLine=--add-opens java.base/java.lang.invoke=ALL-UNNAMED -XX:+EnableDynamicAgentLoading -Dbench=true -Dbench.out=$out -Dbench.orders=${BENCH_ORDERS:-20} -Dbench.clone=${BENCH_CLONE:-PT30S} -Xmx768m" >/dev/null
{ echo "# Operations in parallel, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"; echo; cat "$out"; } > "$out.tmp" && mv "$out.tmp" "$out"
cat "$out"
