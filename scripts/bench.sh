#!/usr/bin/env bash
# Runs the benchmarks on PostgreSQL (a throwaway cluster, as for the tests) and SQLite, and
# writes docs/benchmarks.md (speed, size) and docs/reliability.md (fuzzing) with the command,
# the machine and the date. `yarn bench fuzz` runs one bench file only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
export GOVERNANCE_BENCH_OUTPUT="$PWD/docs/benchmarks.md"
export GOVERNANCE_RELIABILITY_OUTPUT="$PWD/docs/reliability.md"
cd plugins/governance-backend
exec yarn backstage-cli package test --watchAll=false --runInBand \
  --testMatch '**/bench/**/*.bench.ts' --testTimeout 1800000 "$@"
