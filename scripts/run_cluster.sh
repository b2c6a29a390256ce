#!/usr/bin/env bash
# `make run-cluster`: the assistant with RASA_INSTANCES (default 2) Rasa instances behind nginx, the way
# Rasa documents scaling out: conversations in one PostgreSQL (TRACKER_STORE_URL; default the project's
# own from scripts/postgres.sh), Rasa's lock store and the Slack retries in one Redis (REDIS_URL; default
# scripts/redis.sh), one action server, the chat page, and nginx in front (deploy/nginx/armoede-assistent-cluster.conf).
# Prints the one address to chat on. Ctrl-C stops what this script started (PostgreSQL and Redis keep running).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_PORT=${RASA_PORT:-5005}
export RASA_INSTANCES=${RASA_INSTANCES:-2}
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
export WEB_PORT=${WEB_PORT:-8000}
export NGINX_PORT=${NGINX_PORT:-8080}
export STATE_DIR=${STATE_DIR:-var/cluster}
# The browser reaches the page and Rasa's socket.io through nginx only.
export RASA_URL=${RASA_URL:-http://localhost:$NGINX_PORT}
export CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$NGINX_PORT http://127.0.0.1:$NGINX_PORT}
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"

scripts/setup_env.sh rasa
scripts/setup_env.sh bot
scripts/setup_web.sh
export TRACKER_STORE_URL=${TRACKER_STORE_URL:-$(scripts/postgres.sh)}
export REDIS_URL=${REDIS_URL:-$(scripts/redis.sh)}
# One endpoints.yml, credentials.yml and socket.io session secret in STATE_DIR for all instances: the secret
# is made here, before the instances start side by side (on more machines: SOCKETIO_SESSION_SECRET, docs/deploy.md).
channel_lines=$(scripts/prepare.sh)
.venv/bot/bin/python -c "from channels.session_ids import load_secret; load_secret()"

last=$((RASA_PORT + RASA_INSTANCES - 1))
ready_message=$(cat <<MSG

De assistent draait met $RASA_INSTANCES Rasa-instanties (poort $RASA_PORT–$last) achter nginx.
  Chatten:   http://localhost:$NGINX_PORT
  REST:      curl -s localhost:$NGINX_PORT/webhooks/rest/webhook -d '{"sender":"test","message":"welk fonds betaalt een fiets voor een kind van 10?"}'
  Webhooks:  http://localhost:$NGINX_PORT/webhooks/slack/webhook en /webhooks/botframework/webhook
  Logboeken: $LOG_DIR/ (rasa-<poort>.log, actions.log, web.log, nginx.log)
Kanalen (Teams, Slack):
$channel_lines
Stoppen met Ctrl-C.
READY nginx=$NGINX_PORT rasa=$RASA_PORT-$last actions=$ACTIONS_PORT
MSG
)
exec .venv/bot/bin/python -m bot.deploy.cluster --log-dir "$LOG_DIR" --ready-message "$ready_message"
