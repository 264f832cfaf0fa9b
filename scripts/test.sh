#!/usr/bin/env bash
# One command from a fresh clone to the whole test suite, on Debian: installs what the tests need
# and is missing (Debian packages when run as root, else it says what to run; pnpm; the
# dependencies), builds the web app, then runs vitest with any arguments given, e.g.
#   bash scripts/test.sh                                  every test, on the embedded database
#   bash scripts/test.sh tests/api/projects.test.ts       one file
#   DATABASE_URL=postgres://… bash scripts/test.sh        every test on a PostgreSQL + PostGIS server
# `pnpm test` runs this too.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'marsad test: %s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

# What the browser tests (Chromium, with Arabic fonts), the desktop-GIS test (GDAL's ogr2ogr) and
# the printed-brief tests (poppler) need.
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if command -v dpkg-query >/dev/null; then
  dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-core)
fi
command -v ogr2ogr >/dev/null || missing+=(gdal-bin)
# The brief's PDF tests read the printed PDF with poppler (pdftotext, pdffonts, pdfimages, pdftoppm).
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# With DATABASE_URL and a Debian PostgreSQL server on this machine: PostGIS for its version.
if [ -n "${DATABASE_URL:-}" ] && command -v pg_lsclusters >/dev/null; then
  for version in $(pg_lsclusters -h | awk '{print $1}' | sort -u); do
    dpkg-query -W -f='${Status}' "postgresql-$version-postgis-3" 2>/dev/null | grep -q 'ok installed' || missing+=("postgresql-$version-postgis-3")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "the tests need these Debian packages: ${missing[*]}. Install them with"
    say "  sudo apt-get install --no-install-recommends ${missing[*]}"
    say "(or run this script as root, which installs them), then run it again."
    exit 1
  fi
fi

command -v pnpm >/dev/null || npm install -g pnpm >/dev/null
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
pnpm --filter @marsad/web build >/dev/null
exec pnpm exec vitest run "$@"
