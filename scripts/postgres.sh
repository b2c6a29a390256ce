#!/usr/bin/env bash
# Test PostgreSQL: installs Debian's server if missing, starts a private cluster on a free
# port under var/, and prints its SQLAlchemy URL. `postgres.sh stop` stops it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${TEST_PG_PORT:-55432}
data=/tmp/armoede-assistent-pg-$port
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_pg() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = stop ]; then
  [ -n "$bin" ] && [ -d "$data" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

if [ -z "$bin" ]; then
  echo ">> PostgreSQL installeren (Debian-pakket postgresql)…" >&2
  if [ "$(id -u)" != 0 ]; then echo "!! PostgreSQL ontbreekt en installeren vraagt root: sudo apt-get install postgresql" >&2; exit 1; fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"; mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
fi
if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
