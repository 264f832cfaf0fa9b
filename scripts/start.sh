#!/usr/bin/env bash
# One command from a fresh clone to a running dashboard on the embedded database:
# installs pnpm and the dependencies if needed, builds the web app, starts the server.
# Settings come from the environment (PORT, DATABASE_URL, DATA_DIR, ...: see README).
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "marsad: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
command -v pnpm >/dev/null || npm install -g pnpm >/dev/null
pnpm install --frozen-lockfile --reporter=silent
pnpm --filter @marsad/web build >/dev/null
exec pnpm --silent --filter @marsad/api start
