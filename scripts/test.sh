#!/usr/bin/env bash
# `make test`: set up both environments, start the test PostgreSQL, run every test in one pytest run
# (knowledge base, answers, actions, Rasa data validation, conversation tests, NLU gate, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

# The two environments install in parallel; each is skipped when its pins did not change.
scripts/setup_env.sh rasa > var-setup-rasa.log 2>&1 & rasa_pid=$!
scripts/setup_env.sh bot
if ! wait "$rasa_pid"; then cat var-setup-rasa.log >&2; rm -f var-setup-rasa.log; exit 1; fi
cat var-setup-rasa.log; rm -f var-setup-rasa.log
scripts/setup_web.sh
scripts/setup_browser.sh

TEST_POSTGRES_URL=$(scripts/postgres.sh)
export TEST_POSTGRES_URL
trap 'scripts/postgres.sh stop' EXIT

echo ">> Kennisbank controleren…"
.venv/bot/bin/python -m bot kb validate
echo ">> Alle tests…"
# The slowest tests at the end of the run: CI has 90 minutes, and the e2e corpora grow with every writer.
.venv/bot/bin/python -m pytest --durations=20 "$@"
