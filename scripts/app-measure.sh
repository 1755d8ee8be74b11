#!/usr/bin/env bash
# Measures a Tauri app binary headless: time from launch to first paint of web content, and memory
# (PSS summed over the app and its WebKit processes, from /proc/PID/smaps_rollup) after it settles.
# Usage: scripts/app-measure.sh BINARY [RUNS]   (env is passed through, e.g. GUTSY_DB=…)
# First paint = the first root-window capture with more than 40 distinct colours (a bare GTK
# window is one flat colour until WebKit paints the page); captures take ~50–100 ms each.
set -euo pipefail
bin=$(realpath "$1")
runs=${2:-5}
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export WEBKIT_DISABLE_DMABUF_RENDERER=1
unset DBUS_SESSION_BUS_ADDRESS
disp=:$((90 + RANDOM % 50))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=$disp
sleep 1

pss_tree() { # sum of Pss (kB) over a pid and all its descendants
  local pids=("$1") all=() p
  while [ ${#pids[@]} -gt 0 ]; do
    p=${pids[0]}; pids=("${pids[@]:1}"); all+=("$p")
    for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do pids+=("$c"); done
  done
  for p in "${all[@]}"; do awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null; done | awk '{s+=$1} END {print s}'
}

for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$bin" >/dev/null 2>&1 &
  app=$!
  painted=""
  for _ in $(seq 200); do
    colours=$(import -silent -window root -format '%k' info:- 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 40 ]; then painted=$(date +%s.%N); break; fi
  done
  sleep 3
  pss=$(pss_tree "$app")
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  if [ -n "$painted" ]; then
    printf 'run %d: first paint %.0f ms, PSS %.1f MiB\n' "$i" "$(awk "BEGIN{print ($painted - $start) * 1000}")" "$(awk "BEGIN{print $pss / 1024}")"
  else
    printf 'run %d: no paint seen, PSS %.1f MiB\n' "$i" "$(awk "BEGIN{print $pss / 1024}")"
  fi
  sleep 0.5
done
