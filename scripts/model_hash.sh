#!/usr/bin/env bash
# Prints a short hash of everything training depends on: a model is retrained only when it changes.
set -euo pipefail
cd "$(dirname "$0")/.."
{ cat config.yml domain.yml requirements/rasa.txt; find data -type f -name '*.yml' | sort | xargs cat; } | sha256sum | cut -c1-12
