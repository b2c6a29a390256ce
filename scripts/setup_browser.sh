#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver for the browser tests of the chat page (tests/web).
# Debian/Ubuntu: apt-get install chromium chromium-driver, as root. Does nothing when both are there.
# Elsewhere: point CHROMIUM and CHROMEDRIVER at your own binaries.
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
driver=${CHROMEDRIVER:-/usr/bin/chromedriver}
[ -x "$chromium" ] && [ -x "$driver" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "!! Chromium ontbreekt ($chromium, $driver) en apt-get is er niet. Installeer Chromium en" >&2
  echo "   chromedriver zelf en zet CHROMIUM=… en CHROMEDRIVER=… op hun paden." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "!! Chromium ontbreekt voor de browsertests. Installeer het als root:" >&2
  echo "   sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo ">> Chromium en chromium-driver installeren (eenmalig, voor de browsertests)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo ">> Chromium klaar: $("$chromium" --version 2>/dev/null || echo "$chromium")"
