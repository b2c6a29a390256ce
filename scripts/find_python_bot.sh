#!/usr/bin/env bash
# Prints the path of the Python for the action server's environment (.venv/bot): the newest supported one
# on this machine (3.13, then 3.12, then 3.11), found as PYTHON_BOT, as python3.X on PATH or in pyenv.
# Without one it falls back to Rasa's Python 3.10 (scripts/find_python.sh), so that a machine with only
# 3.10 still works, and says on stderr that 3.10 gets no security fixes any more.
# requirements/bot.txt installs on 3.10 up to 3.13 (checked with pip for each version).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SUPPORTED="3.13 3.12 3.11"

# Prints the interpreter's real path (not a pyenv shim) when $1 runs, is version $2 and can create a venv.
real_path() {
  local out
  [ -x "$1" ] && out=$("$1" -c "import sys, venv, ensurepip
print(sys.executable) if '%d.%d' % sys.version_info[:2] == '$2' else sys.exit(1)" 2>/dev/null) \
    && [ -x "$out" ] && echo "$out"
}

warn_310() {
  cat >&2 <<'MSG'
Let op: de action server (.venv/bot) gebruikt Python 3.10, dat sinds oktober 2026 geen beveiligingsupdates
meer krijgt. Installeer python3.13 of python3.12 (of wijs het pad aan met PYTHON_BOT=/pad/naar/python3.13)
en start opnieuw: .venv/bot wordt dan vanzelf opnieuw gebouwd.
MSG
}

if [ -n "${PYTHON_BOT:-}" ]; then
  for minor in $SUPPORTED; do
    real_path "$PYTHON_BOT" "$minor" && exit 0
  done
  if real_path "$PYTHON_BOT" 3.10; then warn_310; exit 0; fi
  echo "PYTHON_BOT=$PYTHON_BOT is geen bruikbare Python 3.10 t/m 3.13 (met venv en ensurepip)." >&2
  exit 1
fi

pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for minor in $SUPPORTED; do
  candidates=()
  command -v "python$minor" >/dev/null 2>&1 && candidates+=("$(command -v "python$minor")")
  # Plain releases only (3.13.1, not 3.13.1t: the free-threaded build has no wheels for most pins).
  for d in $(ls -d "$pyenv_root/versions/$minor".* 2>/dev/null | grep -E '/[0-9.]+$' | sort -rV); do
    candidates+=("$d/bin/python")
  done
  for py in ${candidates[@]+"${candidates[@]}"}; do
    real_path "$py" "$minor" && exit 0
  done
done

echo "Geen Python 3.13, 3.12 of 3.11 gevonden." >&2
"$root/scripts/find_python.sh"
warn_310
