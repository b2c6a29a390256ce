#!/usr/bin/env bash
# `make shell`: chat in the terminal. Uses the action server of a running `make run`, or starts one.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
mkdir -p var
# Same endpoints as `make run`: action server port and tracker store (TRACKER_STORE_URL); stops when unusable.
STATE_DIR=var .venv/bot/bin/python -m bot.deploy.endpoints var/endpoints.yml
.venv/bot/bin/python -m bot kb load --if-changed
.venv/bot/bin/python -m bot nlu lookups
model=$(scripts/train.sh)
if ! curl -fsS -o /dev/null "http://127.0.0.1:$ACTIONS_PORT/health" 2>/dev/null; then
  mkdir -p var/log
  .venv/bot/bin/python -m rasa_sdk --actions actions --port "$ACTIONS_PORT" >var/log/actions-shell.log 2>&1 &
  actions_pid=$!
  trap 'kill $actions_pid 2>/dev/null || true' EXIT
fi
.venv/rasa/bin/rasa shell --model "$model" --endpoints var/endpoints.yml
