#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on $PGHOST:$PGPORT (default 127.0.0.1:5432) and that the
# databases named as arguments exist. Installs and starts Debian's PostgreSQL when it is missing,
# so a fresh machine needs nothing by hand. Prints the password to use when it had to set one.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
log() { echo "[ensure-postgres] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_isready >/dev/null 2>&1; then
  log "PostgreSQL is not installed; installing Debian's package"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    ver=$(ls /etc/postgresql | sort -V | tail -n 1)
    log "starting PostgreSQL cluster $ver/main"
    # setsid: a server started from a CI job must not die with the job's process group.
    as_root setsid pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -q && break; sleep 1; done
  pg_isready -q || { log "PostgreSQL does not answer on $PGHOST:$PGPORT"; exit 1; }
fi

# Debian's default pg_hba asks for a password on 127.0.0.1; this machine kind trusts it. When a
# password is required and none is known, give the postgres role one through the local socket.
if ! psql -w -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
  if [ -z "${PGPASSWORD:-}" ]; then
    export PGPASSWORD=postgres
    log "setting a password for role postgres (local development only)"
    as_root su postgres -c "psql -q -c \"ALTER ROLE postgres PASSWORD 'postgres'\"" >/dev/null
  fi
  psql -w -d postgres -tAc 'SELECT 1' >/dev/null
  echo "PGPASSWORD=$PGPASSWORD"
fi

for db in "$@"; do
  if [ "$(psql -w -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    log "creating database $db"
    psql -w -d postgres -q -c "CREATE DATABASE \"$db\""
  fi
done
