#!/usr/bin/env bash
# Builds and starts Proxima with the embedded default: the local PostgreSQL (database
# `proxima`, created when missing) and the built-in PVE simulator, on port 8080.
# Any PROXIMA_* / QUARKUS_* variable set in the environment overrides the defaults.
set -euo pipefail
cd "$(dirname "$0")"

pw=$(bash scripts/ensure-postgres.sh proxima | sed -n 's/^PGPASSWORD=//p')
if [ -n "$pw" ] && [ -z "${QUARKUS_DATASOURCE_PASSWORD:-}" ]; then export QUARKUS_DATASOURCE_PASSWORD="$pw"; fi

if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -B -q -DskipTests package
fi

export PROXIMA_PVE_SIMULATOR_ENABLED="${PROXIMA_PVE_SIMULATOR_ENABLED:-true}"
# No SMTP relay configured: mails (verification and reset codes) are written to the log instead.
if [ -z "${QUARKUS_MAILER_HOST:-}" ]; then export QUARKUS_MAILER_MOCK="${QUARKUS_MAILER_MOCK:-true}"; fi
exec java ${JAVA_OPTS:--Xmx512m} -jar bootstrap/target/quarkus-app/quarkus-run.jar "$@"
