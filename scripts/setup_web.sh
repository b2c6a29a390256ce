#!/usr/bin/env bash
# Installs the chat page's browser library (socket.io-client) into node_modules with `npm ci`,
# exactly as pinned in package-lock.json. Skips all work when package-lock.json did not change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
[ -f "$stamp" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "!! npm ontbreekt; de chatpagina heeft het nodig voor socket.io-client. Installeer Node.js en npm" >&2
  echo "   (Debian/Ubuntu: apt-get install nodejs npm; macOS: brew install node) en probeer opnieuw." >&2
  exit 1
fi
echo ">> Browserbibliotheek voor de chatpagina installeren (npm ci)…"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
touch "$stamp"
echo ">> Chatpagina klaar."
