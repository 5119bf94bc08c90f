#!/usr/bin/env bash
# PVE requests per VM operation (order to running, restart, deletion), counted by the built-in
# simulator through the real HTTP API and operation runner. Writes bench/results/vm-calls.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out="$PWD/bench/results/vm-calls.md"
timeout 600 ./mvnw -B -q -pl bootstrap -am verify -Dtest=VmCreateCallsBench -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dsurefire.argLine=--add-opens java.base/java.lang.invoke=ALL-UNNAMED -Dbench=true -Dbench.out=$out -Xmx768m" >/dev/null
{ echo "# PVE requests per VM operation, $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo; cat "$out"; } > "$out.tmp" && mv "$out.tmp" "$out"
cat "$out"
