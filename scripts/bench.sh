#!/usr/bin/env bash
# `make bench`: every benchmark under bench/, each printing its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Kennisbank (bench/kb_bench.py)"
.venv/bot/bin/python bench/kb_bench.py
echo
echo "== Assistent over REST (bench/rest_bench.py)"
.venv/bot/bin/python bench/rest_bench.py
echo
echo "== Belasting: 20 gesprekken tegelijk over REST en socketio (bench/load.py)"
.venv/rasa/bin/python bench/load.py
