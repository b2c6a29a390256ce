#!/usr/bin/env bash
# Creates or updates one virtual environment from a pinned requirements file.
# Usage: setup_env.sh NAME  (rasa | bot). Skips all work when the pins (and, for bot, its Python) did not change.
# rasa: Python 3.10 (scripts/find_python.sh); bot: the newest supported Python (scripts/find_python_bot.sh).
set -euo pipefail
name=$1
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv/$name"
req="$root/requirements/$name.txt"
# Packages of which only data files are read, installed without their dependencies (see the file).
data_req="$root/requirements/$name-data.txt"
if [ "$name" = bot ]; then
  py=$("$root/scripts/find_python_bot.sh")
  version=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
  # Keyed on the interpreter's version too, so that a newer Python on the machine rebuilds the environment.
  key_files=("$req")
  [ -f "$data_req" ] && key_files+=("$data_req")
  stamp="$venv/.installed-$(cat "${key_files[@]}" <(echo "python $version") | sha256sum | cut -c1-16)"
else
  stamp="$venv/.installed-$(sha256sum "$req" | cut -c1-16)"
fi
[ -f "$stamp" ] && exit 0
[ -n "${py:-}" ] || py=$("$root/scripts/find_python.sh")
minor() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }
if [ -e "$venv" ] && [ "$(minor "$venv/bin/python")" != "$(minor "$py")" ]; then
  # A venv cannot move to another Python version: build it anew.
  echo ">> .venv/$name gebruikt Python $(minor "$venv/bin/python"), nu $(minor "$py"): omgeving opnieuw opbouwen…"
  rm -rf "$venv"
fi
echo ">> Omgeving '$name' installeren in .venv/$name met Python $(minor "$py") (eenmalig; rasa duurt enkele minuten)…"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
bootstrap=("pip<25" wheel)
# Rasa 3.6 imports pkg_resources (rasa/shared/utils/validation.py); bot.txt pins its own setuptools.
[ "$name" = rasa ] && bootstrap+=("setuptools<71")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "${bootstrap[@]}"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
if [ -f "$data_req" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$data_req"
fi
rm -f "$venv"/.installed-*
touch "$stamp"
echo ">> Omgeving '$name' klaar."
