#!/usr/bin/env bash
# Starts the action server in the foreground (make run's supervisor and the systemd unit both run this).
# exec: the process that is started, watched and killed is the server itself.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bot/bin/python -m bot.deploy.action_server --actions actions --port "${ACTIONS_PORT:-5055}"
