#!/usr/bin/env bash
# Starts the chat page in the foreground (make run's supervisor and the systemd unit both run this).
# RASA_URL: Rasa as the browser reaches it (behind nginx: the site's own https address).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bot/bin/python -m bot.web --port "${WEB_PORT:-8000}" --rasa-url "${RASA_URL:-http://localhost:${RASA_PORT:-5005}}"
