#!/usr/bin/env bash
# PVE adapter bench: calls per operation against the built-in simulator, and the cost of one
# /cluster/resources sync with 10 000 simulated guests. Loopback only; bounded to 10 minutes.
# Usage: bench/pve-bench.sh   (results in bench/results/pve-bench.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out="$PWD/bench/results/pve-bench.md"
timeout 600 ./mvnw -B -q -pl adapters-proxmox -am test \
  -Dtest=PveBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dproxima.bench=true -Dproxima.bench.out="$out" \
  -DargLine="-Dproxima.bench=true -Dproxima.bench.out=$out -Xmx512m" >/dev/null
{ echo "# PVE bench, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"; echo; cat "$out"; } > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
