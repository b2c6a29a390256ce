#!/usr/bin/env bash
# Trains the Rasa model unless a model for exactly this data and config exists. Prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
model="models/model-$(scripts/model_hash.sh).tar.gz"
if [ -f "$model" ]; then
  echo ">> Model is actueel: $model" >&2
else
  echo ">> Model trainen (data of config veranderd; duurt een paar minuten)…" >&2
  start=$(date +%s)
  .venv/rasa/bin/python -m rasa_runtime train --fixed-model-name "$(basename "$model" .tar.gz)" --out models >&2 \
    || { echo "!! Trainen mislukt; zie de meldingen hierboven." >&2; exit 1; }
  echo ">> Getraind in $(( $(date +%s) - start )) s: $model" >&2
  # Keep only the newest three models.
  ls -1t models/model-*.tar.gz | tail -n +4 | xargs -r rm -f
fi
echo "$model"
