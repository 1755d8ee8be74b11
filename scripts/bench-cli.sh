#!/usr/bin/env bash
# Whole-process benchmark of the CLI on a big library, against the bundled library measured in
# the same run: generates N recipes (default 50,000) as .cook files, imports them with
# `gutsy recipes import` (recipes per second), then times the same filtered `recipes list` call
# on both libraries (best and median of R runs, and the ratio), and a week's plan against
# listing the whole big library.
# Usage: bash scripts/bench-cli.sh [N] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
n=${1:-50000}
runs=${2:-7}
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --quiet --locked --release --bin gutsy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${GUTSY_BENCH_KEEP:-}" ] && trap - EXIT && echo "keeping $work"
gutsy="$target/release/gutsy"
GUTSY_BENCH_RECIPES=$n GUTSY_BENCH_WRITE="$work/recipes" cargo bench --quiet --locked --bench library -- --bench
"$gutsy" --db "$work/small.db" recipes list >/dev/null

start=$(date +%s.%N)
"$gutsy" --db "$work/big.db" recipes import "$work/recipes" | tail -n 1
end=$(date +%s.%N)
awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "import: %d recipes in %.1f s = %.0f recipes/s (whole process; a savepoint per file, a commit per 500)\n", n, e - s, n / (e - s) }'

query=(recipes list --search spinach --exclude dairy,gluten,sugar,alcohol --attribute fermented --json)
time_runs() { # prints the sorted wall times (ms) of R runs
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$gutsy" --db "$1" "${query[@]}" >/dev/null; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | sort -n
}
small=$(time_runs "$work/small.db")
big=$(time_runs "$work/big.db")
med() { sed -n "$(( (runs + 1) / 2 ))p" <<<"$1"; }
echo "recipes list (search + 4 exclusions + fermented), whole process, $runs runs:"
echo "  bundled library: best $(head -n1 <<<"$small") ms, median $(med "$small") ms"
echo "  $n recipes:     best $(head -n1 <<<"$big") ms, median $(med "$big") ms"
awk -v a="$(med "$big")" -v b="$(med "$small")" 'BEGIN { printf "  ratio (median) %.2f  (goal <= 3)\n", a / (b > 0 ? b : 1) }'
echo "  hits: $("$gutsy" --db "$work/big.db" "${query[@]}" | grep -c '"slug"') of $n"

# A week's plan (7 days x 4 meals) against listing the whole library as JSON, same library.
time_cmd() { # prints the sorted wall times (ms) of R runs of gutsy ARGS
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$gutsy" "$@" >/dev/null; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | sort -n
}
listed=$(time_cmd --db "$work/big.db" recipes list --json)
planned=$(time_cmd --db "$work/big.db" plan generate --start 2026-11-30 --meals breakfast,lunch,dinner,snack --json)
echo "plan generate (7 x 4) vs recipes list --json, whole process, $n recipes:"
echo "  recipes list --json: median $(med "$listed") ms; plan generate: median $(med "$planned") ms"
awk -v a="$(med "$planned")" -v b="$(med "$listed")" 'BEGIN { printf "  ratio (median) %.2f  (goal <= 2)\n", a / (b > 0 ? b : 1) }'
