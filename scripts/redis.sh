#!/usr/bin/env bash
# Redis for more than one Rasa instance (make run-cluster, tests/cluster): Rasa's lock store and the
# shared Slack deduplication. Installs Debian's redis-server if missing, starts a private server on
# REDIS_PORT (default 7379, beside a system Redis on 6379) with its data under /tmp, and prints its URL.
# Idempotent: a running server is reused. `redis.sh stop` stops it.
set -euo pipefail
port=${REDIS_PORT:-7379}
data=/tmp/armoede-assistent-redis-$port
url="redis://127.0.0.1:$port/0"

as_redis() {  # run unprivileged: as the redis user when we are root
  if [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1; then runuser -u redis -- "$@"; else "$@"; fi
}
running() { redis-cli -p "$port" ping 2>/dev/null | grep -qx PONG; }

if [ "${1:-start}" = stop ]; then
  if command -v redis-cli >/dev/null && running; then redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; fi
  exit 0
fi

if ! command -v redis-server >/dev/null; then
  echo ">> Redis installeren (Debian-pakket redis-server)…" >&2
  if [ "$(id -u)" != 0 ]; then echo "!! Redis ontbreekt en installeren vraagt root: sudo apt-get install redis-server" >&2; exit 1; fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
fi
if ! running; then
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1 && chown redis "$data"
  # Only loopback; locks and seen Slack events are short-lived, so an append-only file once a second suffices.
  as_redis redis-server --port "$port" --bind 127.0.0.1 --dir "$data" --daemonize yes \
    --pidfile "$data/redis.pid" --logfile "$data/redis.log" --appendonly yes --appendfsync everysec \
    --save "" >/dev/null
  for _ in $(seq 50); do running && break; sleep 0.1; done
  running || { echo "!! Redis startte niet op poort $port; zie $data/redis.log" >&2; exit 1; }
fi
echo "$url"
