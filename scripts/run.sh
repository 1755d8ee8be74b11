#!/usr/bin/env bash
# Installs everything (scripts/setup.sh: system packages incl. scripts/packages-app.txt, Rust;
# scripts/app-node.sh: node and npm), builds the Gutsy desktop app and starts it on your library
# (created with the bundled recipes on first start, shared with the CLI).
# With arguments, runs the `gutsy` command-line tool instead: scripts/run.sh recipes list
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
if [ $# -gt 0 ]; then
  cargo build --locked --release --bin gutsy
  exec "$target/release/gutsy" "$@"
fi
bash scripts/app-node.sh
bash scripts/app-build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display (DISPLAY/WAYLAND_DISPLAY unset): start Gutsy from a desktop session," >&2
  echo "     or headless with: xvfb-run -a $target/release/gutsy-app" >&2
  exit 1
fi
exec "$target/release/gutsy-app"
