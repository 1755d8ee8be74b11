#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), builds Gutsy and starts it on the bundled library.
# Until the desktop app lands this opens the CLI's library view; arguments are passed to `gutsy`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --locked --release --bin gutsy
if [ $# -eq 0 ]; then
  set -- recipes list
fi
exec ./target/release/gutsy "$@"
