#!/usr/bin/env bash
# Builds and starts Proxima with the embedded default: the local PostgreSQL (database
# `proxima`, or the one QUARKUS_DATASOURCE_JDBC_URL names, created when missing) and the
# built-in PVE simulator (on a free loopback port; its nodes are registered with that port), on 8080.
# SKIP_BUILD=true starts the jar already built.
# Any PROXIMA_* / QUARKUS_* variable set in the environment overrides the defaults.
set -euo pipefail
cd "$(dirname "$0")"

# The database (and server) QUARKUS_DATASOURCE_JDBC_URL names, `proxima` on 127.0.0.1:5432 by default.
db=proxima
url="${QUARKUS_DATASOURCE_JDBC_URL:-}"
if [ -n "$url" ]; then
  if [[ "$url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([A-Za-z0-9_]+) ]]; then
    export PGHOST="${BASH_REMATCH[1]}" PGPORT="${BASH_REMATCH[3]:-5432}"
    db="${BASH_REMATCH[4]}"
  else
    echo "run.sh: QUARKUS_DATASOURCE_JDBC_URL must look like jdbc:postgresql://host[:port]/database" >&2
    exit 1
  fi
fi
pw=$(bash scripts/ensure-postgres.sh "$db" | sed -n 's/^PGPASSWORD=//p')
if [ -n "$pw" ] && [ -z "${QUARKUS_DATASOURCE_PASSWORD:-}" ]; then export QUARKUS_DATASOURCE_PASSWORD="$pw"; fi

if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -B -q -DskipTests package
fi

export PROXIMA_PVE_SIMULATOR_ENABLED="${PROXIMA_PVE_SIMULATOR_ENABLED:-true}"
# No SMTP relay configured: mails (verification and reset codes) are written to the log instead.
if [ -z "${QUARKUS_MAILER_HOST:-}" ]; then export QUARKUS_MAILER_MOCK="${QUARKUS_MAILER_MOCK:-true}"; fi
exec java ${JAVA_OPTS:--Xmx512m} -jar bootstrap/target/quarkus-app/quarkus-run.jar "$@"
