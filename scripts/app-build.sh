#!/usr/bin/env bash
# Release build of the desktop app, optimised for size (the workspace's release profile is shared
# with the CLI, so the app's settings are passed here). `--deb` also makes the .deb bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_PANIC=abort CARGO_PROFILE_RELEASE_STRIP=true CARGO_PROFILE_RELEASE_OPT_LEVEL=s
bash scripts/app-ui.sh
if [ "${1:-}" = "--deb" ]; then
  # tauri's CLI runs beforeBuildCommand (the UI build, quick now) and bundles only the .deb
  # (the AppImage step would download tooling).
  CI=true ui/node_modules/.bin/tauri build --bundles deb
  ls -l "${CARGO_TARGET_DIR:-target}"/release/bundle/deb/*.deb
else
  cargo build --locked --release -p gutsy-app --bin gutsy-app
fi
