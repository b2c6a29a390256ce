#!/usr/bin/env bash
# Creates or updates one virtual environment from a pinned requirements file.
# Usage: setup_env.sh NAME  (rasa | bot). Skips all work when the pins did not change.
set -euo pipefail
name=$1
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv/$name"
req="$root/requirements/$name.txt"
stamp="$venv/.installed-$(sha256sum "$req" | cut -c1-16)"
[ -f "$stamp" ] && exit 0
py=$("$root/scripts/find_python.sh")
echo ">> Omgeving '$name' installeren in .venv/$name (eenmalig; rasa duurt enkele minuten)…"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip<25" "setuptools<71" wheel
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
rm -f "$venv"/.installed-*
touch "$stamp"
echo ">> Omgeving '$name' klaar."
