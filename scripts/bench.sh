#!/usr/bin/env bash
# Runs the benchmarks on PostgreSQL (a throwaway cluster, as for the tests) and SQLite, and
# writes docs/benchmarks.md (speed, size) and docs/reliability.md (fuzzing) with the command,
# the machine and the date: the governance backend's benches, then the Tech Insights comparison
# (packages/tech-insights-comparison). Benches live in each package's bench/ folder, outside src/.
# `yarn bench fuzz` or `yarn bench techInsights` runs the bench files whose path matches, in
# whichever package holds them. `yarn bench realCatalog` (governance on Backstage's real catalog
# backend, 10,000 and 100,000 entities: an hour or more) runs only when named.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
export GOVERNANCE_BENCH_OUTPUT="$PWD/docs/benchmarks.md"
export GOVERNANCE_RELIABILITY_OUTPUT="$PWD/docs/reliability.md"

# Arguments not starting with '-' are jest path patterns (case-insensitive regular expressions).
patterns=()
for arg in "$@"; do
  [[ "$arg" == -* ]] || patterns+=("$arg")
done

# Whether a package has a bench file the patterns select (all of them when there are none).
selected() {
  local files
  files="$(cd "$1" && find bench -name '*.bench.ts')"
  [ "${#patterns[@]}" -eq 0 ] && return 0
  for pattern in "${patterns[@]}"; do
    grep -qiE -- "$pattern" <<<"$files" && return 0
  done
  return 1
}

# The real-catalog bench ingests up to 100,000 entities into the catalog backend first: not part
# of a plain `yarn bench`.
ignored=()
if [ "${#patterns[@]}" -eq 0 ]; then
  ignored=(--testPathIgnorePatterns 'realCatalog')
fi

# The package's jest config looks in src/ only: --roots points it at bench/ instead. Each bench
# gets 30 minutes (the real-catalog bench sets its own, longer, timeout).
run() {
  (cd "$1" && yarn backstage-cli package test --watchAll=false --runInBand \
    --roots "$PWD/bench" --testMatch '**/bench/**/*.bench.ts' \
    --testTimeout 1800000 "${ignored[@]}" "${@:2}")
}

ran=0
if selected plugins/governance-backend; then
  run plugins/governance-backend "$@"
  ran=1
fi
if selected packages/tech-insights-comparison; then
  run packages/tech-insights-comparison "$@"
  ran=1
fi
# Nothing matched: let jest say so, as before.
if [ "$ran" -eq 0 ]; then
  run plugins/governance-backend "$@"
fi
