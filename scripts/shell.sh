#!/usr/bin/env bash
# `make shell`: chat in the terminal. Every typed message goes through normalise → redact → always-answer
# like the other channels (the front door, rasa_runtime, serves Rasa's command-line chat with
# channels/cmdline.py) and lands in the same conversation store as `make run`, redacted.
# Uses the action server of a running `make run`, or starts one.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
# The shell's own Rasa server, reachable from this machine only; not RASA_PORT, where `make run` may listen.
SHELL_PORT=${SHELL_PORT:-5006}
export STATE_DIR=${STATE_DIR:-var}
mkdir -p "$STATE_DIR/log"
# Same endpoints as `make run`: action server port and tracker store (TRACKER_STORE_URL); stops when unusable.
.venv/bot/bin/python -m bot.deploy.endpoints "$STATE_DIR/endpoints.yml"
.venv/bot/bin/python -m bot kb load --if-changed
.venv/bot/bin/python -m bot nlu lookups
model=$(scripts/train.sh)
if ! curl -fsS -o /dev/null "http://127.0.0.1:$ACTIONS_PORT/health" 2>/dev/null; then
  .venv/bot/bin/python -m bot.deploy.action_server --actions actions --port "$ACTIONS_PORT" >"$STATE_DIR/log/actions-shell.log" 2>&1 &
  actions_pid=$!
  trap 'kill $actions_pid 2>/dev/null || true' EXIT
fi
.venv/rasa/bin/python -m rasa_runtime shell --model "$model" --endpoints "$STATE_DIR/endpoints.yml" \
  --port "$SHELL_PORT" --interface 127.0.0.1
