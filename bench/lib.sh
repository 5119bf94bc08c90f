# Shared helpers for the benchmark scripts: start the packaged app, run wrk, read figures.
# Sourced, not executed. Everything targets 127.0.0.1 only and every run is bounded in time.

BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_URL="http://127.0.0.1:${BENCH_PORT}"
BENCH_DURATION="${BENCH_DURATION:-10s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${BENCH_THREADS:-2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="${RESULTS_DIR:-$ROOT/bench/results}"
APP_PID=""

bench_require_tools() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "[bench] installing wrk from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
}

# bench_start_app [extra env assignments...]: builds if needed, starts the JVM app, waits for readiness.
bench_start_app() {
  local pw
  pw=$(bash "$ROOT/scripts/ensure-postgres.sh" "${BENCH_DB:-proxima_bench}" | sed -n 's/^PGPASSWORD=//p')
  if [ ! -f "$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar" ] || [ "${BENCH_BUILD:-false}" = true ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  fi
  env QUARKUS_HTTP_PORT="$BENCH_PORT" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${BENCH_DB:-proxima_bench}" \
      ${pw:+QUARKUS_DATASOURCE_PASSWORD=$pw} \
      QUARKUS_LOG_LEVEL=WARN "$@" \
      java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar" \
      > "$RESULTS_DIR/app.log" 2>&1 &
  APP_PID=$!
  trap bench_stop_app EXIT
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$BENCH_URL/q/health/ready"; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "[bench] app died; see $RESULTS_DIR/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "[bench] app not ready after 60 s" >&2; exit 1
}

bench_stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

bench_rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$APP_PID/status"; }

# bench_wrk NAME PATH [wrk args...]: prints "NAME req_per_s p50_ms p99_ms" and keeps wrk's output.
bench_wrk() {
  local name=$1 path=$2; shift 2
  local out="$RESULTS_DIR/wrk-$name.txt"
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency "$@" "$BENCH_URL$path" > "$out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  if grep -q "Non-2xx" "$out"; then echo "[bench] $name: $(grep Non-2xx "$out")" >&2; fi
  echo "$name $rps $(to_ms "$p50") $(to_ms "$p99")"
}

# wrk prints latencies as 1.23ms, 456.00us or 1.02s.
to_ms() {
  local v=$1
  case "$v" in
    *us) awk -v x="${v%us}" 'BEGIN {printf "%.3f", x/1000}' ;;
    *ms) awk -v x="${v%ms}" 'BEGIN {printf "%.3f", x}' ;;
    *s)  awk -v x="${v%s}" 'BEGIN {printf "%.3f", x*1000}' ;;
    *)   echo "$v" ;;
  esac
}
