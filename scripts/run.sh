#!/usr/bin/env bash
# `make run`: set up, load the knowledge base, train if needed, start the action server and Rasa,
# and tell where to chat. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8000}
CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}
# Generated configuration and logs of this instance; tests and benchmarks give each stack its own.
STATE_DIR=${STATE_DIR:-var}
LOG_DIR=$STATE_DIR/log
mkdir -p "$LOG_DIR"

scripts/setup_env.sh rasa
scripts/setup_env.sh bot
scripts/setup_web.sh
# This instance's endpoints.yml: action server port and where conversations are kept (TRACKER_STORE_URL).
# Stops here, before the long steps, when the tracker store cannot be used.
STATE_DIR="$STATE_DIR" .venv/bot/bin/python -m bot.deploy.endpoints "$STATE_DIR/endpoints.yml"
.venv/bot/bin/python -m bot kb load --if-changed
.venv/bot/bin/python -m bot nlu lookups
# This instance's credentials.yml: credentials.yml plus Teams/Slack when their variables are set
# (secrets stay in the environment). Stops here when a channel is half configured.
channel_lines=$(.venv/bot/bin/python -m bot.deploy.credentials --base credentials.yml \
  --out "$STATE_DIR/credentials.yml" --rasa-url "http://localhost:$RASA_PORT")
model=$(scripts/train.sh)

pids=()
stop() {
  trap - INT TERM EXIT
  echo ">> Stoppen…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() {  # url seconds name pid
  for _ in $(seq 1 "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    kill -0 "$4" 2>/dev/null || { echo "!! $3 is gestopt; laatste regels van $LOG_DIR/$3.log:" >&2
                                   tail -n 15 "$LOG_DIR/$3.log" >&2; exit 1; }
    sleep 1
  done
  echo "!! $3 niet bereikbaar na $2 s; zie $LOG_DIR/$3.log" >&2; exit 1
}

echo ">> Action server starten op poort $ACTIONS_PORT…"
.venv/bot/bin/python -m rasa_sdk --actions actions --port "$ACTIONS_PORT" >"$LOG_DIR/actions.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ACTIONS_PORT/health" 60 actions "${pids[-1]}"

# Rasa's HTTP API (trackers, /model/parse, …) stays closed unless RASA_API_TOKEN is set; then only with that token.
api_args=()
if [ -n "${RASA_API_TOKEN:-}" ]; then api_args=(--enable-api --auth-token "$RASA_API_TOKEN"); fi

echo ">> Rasa starten op poort $RASA_PORT (duurt ongeveer een minuut)…"
# Through the front door (rasa_runtime): Rasa 3.6.21, the patches, and only channels that redact.
.venv/rasa/bin/python -m rasa_runtime run --model "$model" --port "$RASA_PORT" --credentials "$STATE_DIR/credentials.yml" \
  --endpoints "$STATE_DIR/endpoints.yml" --cors $CORS_ORIGINS ${api_args[@]+"${api_args[@]}"} >"$LOG_DIR/rasa.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$RASA_PORT/" 300 rasa "${pids[-1]}"

echo ">> Chatpagina starten op poort $WEB_PORT…"
.venv/bot/bin/python -m bot.web --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT" >"$LOG_DIR/web.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" 60 web "${pids[-1]}"

cat <<MSG

De assistent draait.
  Chatten:   http://localhost:$WEB_PORT
  REST:      curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"test","message":"welk fonds betaalt een fiets voor een kind van 10?"}'
  Terminal:  make shell   (in een tweede venster)
  Logboeken: $LOG_DIR/rasa.log, $LOG_DIR/actions.log, $LOG_DIR/web.log
Kanalen (Teams, Slack):
$channel_lines
Stoppen met Ctrl-C.
MSG
echo "READY rasa=$RASA_PORT actions=$ACTIONS_PORT"
wait -n "${pids[@]}"
