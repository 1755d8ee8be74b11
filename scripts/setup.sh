#!/usr/bin/env bash
# Installs what Gutsy needs to build, run and test on Debian/Ubuntu: system packages and the
# Rust toolchain if missing. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Core build + tests, and the tools used to look at output (PDF → PNG, screenshots).
PACKAGES=(build-essential pkg-config curl ca-certificates git)
# Extra package sets are added by the parts that need them (see scripts/packages-*.txt).
for list in scripts/packages-*.txt; do
  [ -f "$list" ] || continue
  while read -r pkg _; do
    case "$pkg" in ''|\#*) continue ;; esac
    PACKAGES+=("$pkg")
  done < "$list"
done

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: installing the Rust toolchain (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
# The test command's gates need rustfmt and clippy (a minimal toolchain lacks them).
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  if command -v rustup >/dev/null 2>&1; then
    echo "setup: adding the rustfmt and clippy components"
    rustup component add rustfmt clippy
  fi
fi
echo "setup: ok ($(cargo --version))"
