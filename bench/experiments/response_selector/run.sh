#!/usr/bin/env bash
# Het hele experiment op het afstemdeel: trainingsdata, drie modellen (één tegelijk, nice), parsen, scoren.
# Het vastgehouden deel pas aan het eind, eenmaal: ./run.sh vastgehouden (alleen totaalcijfers).
set -euo pipefail
cd "$(dirname "$0")/../../.."
HERE=bench/experiments/response_selector
OUT=${RS_OUT:-/tmp/rs}
HALF=${1:-afstemmen}
# Het getrainde model van het project (een worktree heeft er geen: PROJECT_MODEL=/work/main/models/…).
PROJECT_MODEL=${PROJECT_MODEL:-$(ls -t models/*.tar.gz 2>/dev/null | head -1 || true)}
[ -n "$PROJECT_MODEL" ] || { echo "Geen projectmodel in models/: zet PROJECT_MODEL=<pad naar model.tar.gz>" >&2; exit 1; }

if [ "$HALF" = afstemmen ]; then
  .venv/bot/bin/python $HERE/prepare.py
  for name in diet rs rs_text; do
    if [ ! -f "$OUT/models/$name.tar.gz" ]; then
      start=$(date +%s)
      (cd "$OUT/$name" && nice -n 10 "$OLDPWD/.venv/rasa/bin/rasa" train nlu -c config.yml -u nlu.yml -d domain.yml \
        --out "$OUT/models" --fixed-model-name "$name" >train.log 2>&1)
      echo "$name: $(($(date +%s) - start)) s trainen, $(du -h "$OUT/models/$name.tar.gz" | cut -f1)"
    fi
  done
fi
nice -n 10 .venv/rasa/bin/python $HERE/parse.py "$PROJECT_MODEL" project "$HALF"
.venv/bot/bin/python $HERE/lexical.py "$HALF"
for name in diet rs rs_text; do
  nice -n 10 .venv/rasa/bin/python $HERE/parse.py "$OUT/models/$name.tar.gz" "$name" "$HALF"
done
.venv/bot/bin/python $HERE/score.py "$HALF"
