#!/usr/bin/env bash
# Installs everything (scripts/setup.sh) and runs every test: core unit and integration tests,
# the CLI end to end, and the TypeScript bindings freshness check.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "== core: unit, integration and CLI tests"
cargo test --locked --all-targets

echo "== TypeScript bindings are up to date"
tmp=$(mktemp -d)
TS_RS_EXPORT_DIR="$tmp" cargo test --locked --lib export_bindings -q >/dev/null
if ! diff -r "$tmp" ui/src/bindings >/dev/null; then
  diff -r "$tmp" ui/src/bindings || true
  echo "ui/src/bindings is stale: run 'cargo test' and commit the regenerated files" >&2
  exit 1
fi
rm -rf "$tmp"
echo "== all tests passed"
