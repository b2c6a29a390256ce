#!/usr/bin/env bash
# nginx for the test of deploy/nginx/: installs Debian's package when it is missing (as root, the way
# scripts/postgres.sh installs PostgreSQL) and prints the path of the nginx binary.
set -euo pipefail
nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
if [ -z "$nginx" ]; then
  echo ">> nginx installeren (Debian-pakket nginx)…" >&2
  if [ "$(id -u)" != 0 ]; then echo "!! nginx ontbreekt en installeren vraagt root: sudo apt-get install nginx" >&2; exit 1; fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >&2
  nginx=/usr/sbin/nginx
fi
echo "$nginx"
