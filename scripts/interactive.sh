#!/usr/bin/env bash
# `make interactive`: Rasa's interactive learning (`rasa interactive`) with this project's action server,
# knowledge base and redaction. Prepares like `make run` (endpoints.yml, knowledge base, model), starts
# the action server, then hands the terminal to Rasa: you type a question, confirm or correct what the
# assistant recognised and did, and save the conversation as a story (data/stories/…). What you type is
# normalised and redacted before it reaches Rasa (rasa_runtime/interactive.py). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
export STATE_DIR=${STATE_DIR:-var/interactief}
export ACTIONS_PORT=${ACTIONS_PORT:-5056}
export RASA_PORT=${RASA_PORT:-5007}
mkdir -p "$STATE_DIR/log"
# A port that already answers would make another program's action server (or Rasa) count as ours.
for port in "$ACTIONS_PORT" "$RASA_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "!! poort $port is al in gebruik (draait de assistent al?); stop dat eerst of kies ACTIONS_PORT/RASA_PORT." >&2
    exit 1
  fi
done
scripts/setup_env.sh rasa
scripts/setup_env.sh bot
scripts/prepare.sh >/dev/null
model=$(cat "$STATE_DIR/model")

echo ">> Action server starten op poort $ACTIONS_PORT…"
scripts/start_actions.sh >"$STATE_DIR/log/actions.log" 2>&1 &
actions=$!
trap 'kill "$actions" 2>/dev/null || true' EXIT INT TERM
ready=no
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$ACTIONS_PORT/health" 2>/dev/null && { ready=yes; break; }
  kill -0 "$actions" 2>/dev/null || { echo "!! action server gestopt; zie $STATE_DIR/log/actions.log" >&2; exit 1; }
  sleep 1
done
[ "$ready" = yes ] || { echo "!! action server niet bereikbaar na 120 s; zie $STATE_DIR/log/actions.log" >&2; exit 1; }

echo ">> Interactief leren (Rasa) met $model. Bewaren: kies 'Export & Quit' en geef als bestand"
echo "   data/stories/interactief.yml (en desgewenst tests/test_stories.yml voor een testvariant)."
.venv/rasa/bin/python -m rasa_runtime interactive --model "$model" --endpoints "$STATE_DIR/endpoints.yml" \
  --port "$RASA_PORT" --skip-visualization
