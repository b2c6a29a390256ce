#!/usr/bin/env bash
# `make check`: everything that needs no trained model, for quick feedback after an edit:
# the knowledge base (with thesaurus and schoolfasen), the lookup tables, Rasa's own check of data/,
# domain.yml and config.yml, the question bank's form and independence, the documented commands, lint.
set -euo pipefail
cd "$(dirname "$0")/.."
echo ">> Kennisbank (knowledge/)…"
.venv/bot/bin/python -m bot kb validate
echo ">> Lookup-tabellen (data/nlu/lookups/) gelijk aan de kennisbank…"
.venv/bot/bin/python -m bot nlu lookups --check
echo ">> Trainingsdata, domain.yml en config.yml (rasa data validate)…"
.venv/rasa/bin/python -m rasa_runtime data validate --fail-on-warnings --quiet 2>&1 \
  | grep -E "WARNING|ERROR|UserWarning" || true
.venv/rasa/bin/python -m rasa_runtime data validate --fail-on-warnings --quiet >/dev/null 2>&1 \
  || { echo "!! rasa data validate vond problemen (zie hierboven)" >&2; exit 1; }
echo ">> Vragenbank, documentatie en lint…"
.venv/bot/bin/python -m pytest -q -p no:cacheprovider -m "not e2e and not rasa" \
  tests/vragenbank tests/test_docs.py tests/test_lint.py
echo ">> Alles in orde. Voor alles, met training en de draaiende assistent: make test"
