#!/usr/bin/env bash
# One command from a fresh clone to a running dashboard on the embedded database:
# installs pnpm and the dependencies if needed, builds the web app, starts the server.
# Briefs (PDF) are printed with headless Chromium and the Noto fonts: run as root on Debian, this
# installs them when missing; otherwise it says how, and everything but the PDF briefs works.
# Settings come from the environment (PORT, DATABASE_URL, DATA_DIR, ...: see README).
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "marsad: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
# What printing briefs needs (Debian's chromium and fonts-noto-core), unless CHROMIUM_PATH names another.
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null; then missing+=(chromium); fi
if command -v dpkg-query >/dev/null; then
  dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-core)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "marsad: installing ${missing[*]} (to print briefs as PDF)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      echo "marsad: could not install ${missing[*]}: PDF briefs will answer 503 until they are installed." >&2
  else
    echo "marsad: PDF briefs need ${missing[*]}: sudo apt-get install --no-install-recommends ${missing[*]} (or set CHROMIUM_PATH). Everything else works without." >&2
  fi
fi

command -v pnpm >/dev/null || npm install -g pnpm >/dev/null
pnpm install --frozen-lockfile --reporter=silent
pnpm --filter @marsad/web build >/dev/null
exec pnpm --silent --filter @marsad/api start
