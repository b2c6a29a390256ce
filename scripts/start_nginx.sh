#!/usr/bin/env bash
# Starts nginx in the foreground in front of the cluster (make run-cluster's supervisor runs this): the
# site deploy/nginx/armoede-assistent-cluster.conf with its ports moved to NGINX_PORT, WEB_PORT and the
# RASA_INSTANCES Rasa ports from RASA_PORT on (bot/deploy/nginx_site.py). On a server, Debian's own nginx
# runs the same site (docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
STATE_DIR=${STATE_DIR:-var}
nginx=$(scripts/setup_nginx.sh)
config=$(STATE_DIR="$STATE_DIR" .venv/bot/bin/python -m bot.deploy.nginx_site "$STATE_DIR/nginx")
dir=$(dirname "$config")
"$nginx" -t -q -p "$dir" -e "$dir/error.log" -c "$config"
exec "$nginx" -p "$dir" -e "$dir/error.log" -c "$config"
