#!/usr/bin/env bash
# One metrics collection cycle over 10 000 simulated guests (BENCH_GUESTS): PVE calls per cycle,
# ingest and rule-evaluation time, raw bytes per 1 000 guests per day, and a 30-day history read
# with its plan. Uses TEST_DB_URL like the tests. Writes bench/results/monitoring.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out="$PWD/bench/results/monitoring.md"
timeout 900 ./mvnw -B -q -pl bootstrap -am verify -Dtest=MonitoringCycleBench -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dsurefire.argLine=--add-opens java.base/java.lang.invoke=ALL-UNNAMED -Dbench=true -Dbench.out=$out -Dbench.guests=${BENCH_GUESTS:-10000} -Xmx1g" >/dev/null
{ echo "# Metrics cycle, $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo; cat "$out"; } > "$out.tmp" && mv "$out.tmp" "$out"
cat "$out"
