#!/usr/bin/env bash
# Baseline figures of the HTTP stack: GET /health (no I/O) and GET /q/health/ready (one database
# round trip), on the packaged JVM app, loaded by wrk over loopback for a bounded time each.
# Writes bench/results/health.md; figures are also given as ratios to /health in the same run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$RESULTS_DIR"
bench_require_tools
bench_start_app PROXIMA_PVE_SIMULATOR_ENABLED=false

rss_idle=$(bench_rss_mb)
wrk -t1 -c4 -d3s "$BENCH_URL/health" >/dev/null   # warm-up: JIT and connection pools
read -r _ h_rps h_p50 h_p99 < <(bench_wrk health /health)
read -r _ r_rps r_p50 r_p99 < <(bench_wrk ready /q/health/ready)
rss_load=$(bench_rss_mb)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
{
  echo "# Health endpoints benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(java -version 2>&1 | head -1);"
  echo "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION over loopback (wrk shares the cores)."
  echo
  echo "| endpoint | req/s | p50 ms | p99 ms | throughput vs /health |"
  echo "|---|---|---|---|---|"
  echo "| GET /health | $h_rps | $h_p50 | $h_p99 | 1.00 |"
  echo "| GET /q/health/ready | $r_rps | $r_p50 | $r_p99 | $(ratio "$r_rps" "$h_rps") |"
  echo
  echo "RSS: ${rss_idle} MB after start, ${rss_load} MB after the load (-Xmx512m)."
} | tee "$RESULTS_DIR/health.md"
