#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.10, not 3.11), or explains and fails.
set -euo pipefail
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -rV); do
    candidates+=("$(pyenv root)/versions/$v/bin/python")
  done
fi
for d in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*; do [ -x "$d/bin/python" ] && candidates+=("$d/bin/python"); done
for py in "${candidates[@]}"; do
  if [ -x "$py" ] && "$py" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
    echo "$py"; exit 0
  fi
done
cat >&2 <<'MSG'
Python 3.10 niet gevonden. Rasa 3.6 werkt alleen met Python 3.10 (niet 3.11 of nieuwer).
Installeer het, bijvoorbeeld:
  - Debian/Ubuntu: sudo apt-get install python3.10 python3.10-venv   (of via pyenv: pyenv install 3.10)
  - macOS: brew install python@3.10
en start opnieuw, of wijs het pad aan met: make run PYTHON310=/pad/naar/python3.10
MSG
exit 1
