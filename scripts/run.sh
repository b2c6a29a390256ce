#!/usr/bin/env bash
# `make run`: set up, load the knowledge base, train if needed, start the action server and Rasa,
# and tell where to chat. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8000}
CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}
mkdir -p var/log

scripts/setup_env.sh rasa
scripts/setup_env.sh bot
scripts/setup_web.sh
.venv/bot/bin/python -m bot kb load --if-changed
.venv/bot/bin/python -m bot nlu lookups
model=$(scripts/train.sh)
sed "s/127.0.0.1:5055/127.0.0.1:$ACTIONS_PORT/" endpoints.yml > var/endpoints.yml

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
    kill -0 "$4" 2>/dev/null || { echo "!! $3 is gestopt; zie var/log/$3.log" >&2; exit 1; }
    sleep 1
  done
  echo "!! $3 niet bereikbaar na $2 s; zie var/log/$3.log" >&2; exit 1
}

echo ">> Action server starten op poort $ACTIONS_PORT…"
.venv/bot/bin/python -m rasa_sdk --actions actions --port "$ACTIONS_PORT" >var/log/actions.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ACTIONS_PORT/health" 60 actions "${pids[-1]}"

echo ">> Rasa starten op poort $RASA_PORT (duurt ongeveer een minuut)…"
.venv/rasa/bin/rasa run --model "$model" --port "$RASA_PORT" --credentials credentials.yml \
  --endpoints var/endpoints.yml --cors $CORS_ORIGINS >var/log/rasa.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$RASA_PORT/" 300 rasa "${pids[-1]}"

echo ">> Chatpagina starten op poort $WEB_PORT…"
.venv/bot/bin/python -m bot.web --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT" >var/log/web.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" 60 web "${pids[-1]}"

cat <<MSG

De assistent draait.
  Chatten:   http://localhost:$WEB_PORT
  REST:      curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"test","message":"welk fonds betaalt een fiets voor een kind van 10?"}'
  Terminal:  make shell   (in een tweede venster)
  Logboeken: var/log/rasa.log, var/log/actions.log
Stoppen met Ctrl-C.
MSG
echo "READY rasa=$RASA_PORT actions=$ACTIONS_PORT"
wait -n "${pids[@]}"
