#!/usr/bin/env bash
# End-to-end tests of the desktop app in a real WebKit window: builds the UI and a debug app,
# prepares a library with the test fixtures (imported with the `gutsy` CLI) and a garbage file,
# then drives the app with tauri-driver + WebKitWebDriver under Xvfb, once in the light and once
# in the dark colour scheme. Screenshots go to test-output/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"

bash scripts/app-ui.sh
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --version 2.1.0
fi
# One command, so the app and the bare template (the memory baseline) share tauri's build.
cargo build --locked -p gutsy-app -p bare-tauri
cargo build --locked --bin gutsy

out="$PWD/test-output/e2e"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The app must not read or write the user's settings, window state or library.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
unset DBUS_SESSION_BUS_ADDRESS # single-instance: no bus, no clash with a running Gutsy
export GUTSY_APP="$target/debug/gutsy-app"
export E2E_DB="$work/library.db" E2E_GARBAGE_DB="$work/garbage/garbage.db" E2E_FRESH_DB="$work/fresh/library.db" E2E_OUT="$out"
# xss: markup that must stay text; doomed: deleted mid-test; honey: sugar only on an optional line.
GUTSY_DB="$E2E_DB" "$target/debug/gutsy" recipes import tests/e2e/fixtures/xss.cook tests/e2e/fixtures/doomed.cook tests/e2e/fixtures/honey.cook
# A recipe with a photo beside it (Cooklang's convention: the same name, an image extension).
mkdir -p "$work/photo"
printf -- '---\ntitle: Sunny Beet Salad\nservings: 2\n---\nGrate @beetroot{2} and dress with @lemon juice{1%%tbsp}.\n' >"$work/photo/Sunny Beet Salad.cook"
convert -size 240x180 gradient:'#f6c945-#6a1b4d' "$work/photo/Sunny Beet Salad.png"
GUTSY_DB="$E2E_DB" "$target/debug/gutsy" recipes import "$work/photo/Sunny Beet Salad.cook"
# More recipes matching one search than the app shows at once (its page is 120 cards).
mkdir -p "$work/big"
for i in $(seq 1 130); do
  printf -- '---\ntitle: Paging Porridge %03d\nservings: 2\n---\nSimmer @rolled oats{1%%cup} in @water{2%%cups}.\n' "$i" >"$work/big/p$i.cook"
done
GUTSY_DB="$work/big.db" "$target/debug/gutsy" recipes import "$work/big" >/dev/null
export E2E_BIG_DB="$work/big.db" E2E_BIG_COUNT=130
# A library of 10,000 recipes for the speed and memory checks, and the bare Tauri template.
bash scripts/gen-library.sh 10000 "$work/huge"
started=$SECONDS
GUTSY_DB="$work/huge.db" "$target/debug/gutsy" recipes import "$work/huge" | tail -n 1
echo "imported 10,000 recipes in $((SECONDS - started)) s"
rm -rf "$work/huge"
export E2E_HUGE_DB="$work/huge.db" E2E_BARE_APP="$target/debug/bare-tauri"
export E2E_PLAN_DB="$work/plan/library.db" E2E_GUTSY="$target/debug/gutsy"
# "Save PDF" writes here without the native dialog (GUTSY_SAVE_DIR), so the test can read it.
export E2E_SAVE_DIR="$work/saved"
mkdir -p "$E2E_SAVE_DIR"
# The recipe-gone scenario deletes "Doomed Dish" behind the app's back with the CLI.
export E2E_DELETE_CMD="$target/debug/gutsy recipes delete doomed-dish"
# Importing: a folder with a Cooklang file, a saved web page, one in a subfolder, and a bad file.
export E2E_IMPORT_DIR="$work/import" E2E_IO_DB="$work/io/library.db" E2E_RESTORE_DB="$work/restore/library.db"
mkdir -p "$E2E_IMPORT_DIR/sub"
printf -- '---\ntitle: Imported Carrot Kraut\nservings: 4\n---\nMassage @carrots{500%%g} with @salt{10%%g}.\n' >"$E2E_IMPORT_DIR/sub/carrot.cook"
cp tests/data/jsonld/graph-page.html "$E2E_IMPORT_DIR/leek-soup.html"
printf -- '---\ntitle: Never Closed\nservings: 2\n\nMix @kale{1}.\n' >"$E2E_IMPORT_DIR/unclosed.cook"
export GUTSY_DB="$E2E_DB"

export WEBKIT_DISABLE_DMABUF_RENDERER=1 # no GPU under Xvfb
# E2E_THEMES="light" and E2E_ONLY="a test name pattern" narrow a run while working on one test.
for theme in ${E2E_THEMES:-light dark}; do
  echo "== e2e ($theme)"
  # Each run deletes "Doomed Dish" behind the app's back: put it back first.
  "$target/debug/gutsy" recipes import tests/e2e/fixtures/doomed.cook >/dev/null
  # The editor scenario creates "Tamari spinach": each run starts without it.
  "$target/debug/gutsy" recipes delete tamari-spinach >/dev/null 2>&1 || true
  # The first-start scenario needs a library that does not exist yet; the planner a fresh one.
  # The damaged-library scenario moves the garbage file aside and starts a library in its place.
  rm -rf "$work/garbage" && mkdir -p "$work/garbage"
  # Each run starts with no saved window size or place (the window scenario leaves one).
  rm -rf "$XDG_CONFIG_HOME"
  { yes 'this is not an SQLite database' || true; } | head -c 16384 >"$E2E_GARBAGE_DB"
  rm -rf "$work/fresh" "$work/plan" "$work/io" "$work/restore" "$E2E_SAVE_DIR" && mkdir -p "$work/fresh" "$work/plan" "$work/io" "$work/restore" "$E2E_SAVE_DIR"
  E2E_THEME=$theme timeout 300 xvfb-run -a -s "-screen 0 1280x900x24" \
    node --test --test-reporter=spec --test-concurrency=1 ${E2E_ONLY:+--test-name-pattern="$E2E_ONLY"} tests/e2e/app.test.mjs ||
    { echo "e2e ($theme) failed; the driver's log:" >&2; tail -n 40 "$out/driver-$theme.log" >&2; exit 1; }
done
echo "screenshots: $out"
