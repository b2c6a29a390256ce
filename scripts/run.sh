#!/usr/bin/env bash
# `make run`: set up, load the knowledge base, train if needed, start the action server, Rasa and the
# chat page, tell where to chat, and keep them running: a part that crashes or is killed is started
# again (bot/deploy/supervisor.py). Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
export RASA_PORT=${RASA_PORT:-5005}
export WEB_PORT=${WEB_PORT:-8000}
export CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}
# Generated configuration and logs of this instance; tests and benchmarks give each stack its own.
export STATE_DIR=${STATE_DIR:-var}
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"

scripts/setup_env.sh rasa
scripts/setup_env.sh bot
scripts/setup_web.sh
# endpoints.yml, knowledge base, lookup tables, credentials.yml and the model (the same steps as the
# systemd unit armoede-assistent-prepare); prints the channel lines of the message below.
channel_lines=$(scripts/prepare.sh)

ready_message=$(cat <<MSG

De assistent draait.
  Chatten:   http://localhost:$WEB_PORT
  REST:      curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"test","message":"welk fonds betaalt een fiets voor een kind van 10?"}'
  Terminal:  make shell   (in een tweede venster)
  Logboeken: $LOG_DIR/rasa.log, $LOG_DIR/actions.log, $LOG_DIR/web.log
Kanalen (Teams, Slack):
$channel_lines
Stoppen met Ctrl-C.
READY rasa=$RASA_PORT actions=$ACTIONS_PORT
MSG
)
# Starts scripts/start_actions.sh, start_rasa.sh and start_web.sh in that order (the systemd units in
# deploy/ run the same scripts) and restarts a part that stops; see the module for the rules.
exec .venv/bot/bin/python -m bot.deploy.supervisor --log-dir "$LOG_DIR" --ready-message "$ready_message"
