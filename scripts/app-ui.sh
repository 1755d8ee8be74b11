#!/usr/bin/env bash
# Installs the UI's npm dependencies (from package-lock.json) when they changed, and builds ui/dist,
# which the app binary embeds. Needs node >= 18.19 and npm (scripts/app-node.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../ui"
stamp=node_modules/.gutsy-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-fund --no-audit --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent build -- --logLevel warn
