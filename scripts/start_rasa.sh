#!/usr/bin/env bash
# Starts Rasa in the foreground (make run's supervisor and the systemd unit both run this), with the
# endpoints.yml and credentials.yml that scripts/prepare.sh wrote and the model it trained.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE_DIR=${STATE_DIR:-var}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8000}
CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}
model=$(cat "$STATE_DIR/model" 2>/dev/null) || { echo "!! $STATE_DIR/model ontbreekt: eerst scripts/prepare.sh" >&2; exit 1; }
# Rasa's HTTP API (trackers, /model/parse, …) stays closed unless RASA_API_TOKEN is set; then only with that token.
api_args=()
if [ -n "${RASA_API_TOKEN:-}" ]; then api_args=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
# Through the front door (rasa_runtime): Rasa 3.6.21, the patches, and only channels that redact.
exec .venv/rasa/bin/python -m rasa_runtime run --model "$model" --port "$RASA_PORT" \
  --credentials "$STATE_DIR/credentials.yml" --endpoints "$STATE_DIR/endpoints.yml" \
  --cors $CORS_ORIGINS ${api_args[@]+"${api_args[@]}"}
