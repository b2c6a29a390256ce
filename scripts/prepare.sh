#!/usr/bin/env bash
# Everything before the three parts start (make run, and the systemd unit armoede-assistent-prepare):
# this instance's endpoints.yml and credentials.yml, the knowledge base, the lookup tables, the model.
# Writes the model's path to $STATE_DIR/model (scripts/start_rasa.sh reads it) and prints the
# channel lines of the start message on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE_DIR=${STATE_DIR:-var}
RASA_PORT=${RASA_PORT:-5005}
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
mkdir -p "$STATE_DIR/log"
# This instance's endpoints.yml: action server port and where conversations are kept (TRACKER_STORE_URL).
# Stops here, before the long steps, when the tracker store cannot be used.
STATE_DIR="$STATE_DIR" .venv/bot/bin/python -m bot.deploy.endpoints "$STATE_DIR/endpoints.yml" >&2
.venv/bot/bin/python -m bot kb load --if-changed >&2
.venv/bot/bin/python -m bot nlu lookups >&2
# This instance's credentials.yml: credentials.yml plus Teams/Slack when their variables are set
# (secrets stay in the environment). Stops here when a channel is half configured.
.venv/bot/bin/python -m bot.deploy.credentials --base credentials.yml \
  --out "$STATE_DIR/credentials.yml" --rasa-url "http://localhost:$RASA_PORT"
scripts/train.sh >"$STATE_DIR/model"
