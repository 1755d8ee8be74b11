#!/usr/bin/env bash
# Makes sure node (>= 18.19) and npm are there for the UI build: installs Debian/Ubuntu's nodejs
# and npm packages only when no node is on PATH (an existing install, e.g. NodeSource, is kept).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>18||(a===18&&b>=19)?0:1)'; then
  echo "node $(node --version) is too old for the UI build: install node 18.19 or newer" >&2
  exit 1
fi
