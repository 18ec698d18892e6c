#!/usr/bin/env bash
# Issue 15's "bench figures no worse than before", measured in one run: the scorecard bench of
# <base-rev> (a git worktree under /tmp, reused when present) against this tree's scorecard bench
# doing the base's workload (BENCH_WORKLOAD=base: no approved-stack, delivery facts or standards,
# which issue 19 added after the base), alternating base, current, base, current, each run on
# PostgreSQL and SQLite with the same BENCH_ENTITIES, BENCH_DAYS and BENCH_LOAD_SECONDS. Writes
# the section "Before and after the restructuring (issue 15)" (scripts/bench-compare.mjs) into
# GOVERNANCE_BENCH_OUTPUT (docs/benchmarks.md by default).
#   scripts/bench-compare.sh 7463bfe
set -euo pipefail
# Named from where the script is called, before it moves to the repository's root.
output="$(realpath -m "${GOVERNANCE_BENCH_OUTPUT:-$(dirname "$0")/../docs/benchmarks.md}")"
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

base_rev="${1:?usage: scripts/bench-compare.sh <base-rev>}"
base_commit="$(git rev-parse --verify --quiet "$base_rev^{commit}")" ||
  { echo "bench-compare: $base_rev is not a commit of this repository" >&2; exit 2; }
base_short="$(git rev-parse --short "$base_commit")"
current_short="$(git rev-parse --short HEAD)"
# The figures files are what the benches write, not changes to what they measure.
git diff --quiet HEAD -- . ':(exclude)docs/benchmarks.md' ':(exclude)docs/reliability.md' ||
  current_short="$current_short (with uncommitted changes)"
worktree="/tmp/bench-compare-$base_short"
runs="$(mktemp -d /tmp/governance-bench-compare.XXXXXX)"

if [ ! -e "$worktree/.git" ]; then
  echo "==> Worktree of $base_short in $worktree" >&2
  git worktree add --detach "$worktree" "$base_commit" >&2
elif [ "$(git -C "$worktree" rev-parse HEAD)" != "$base_commit" ]; then
  echo "bench-compare: $worktree holds $(git -C "$worktree" rev-parse --short HEAD), not $base_short; remove it with 'git worktree remove $worktree'" >&2
  exit 2
fi
# The marker is written once an install ran to its end, so an interrupted one is redone.
installed="$worktree/node_modules/.bench-compare-installed"
if [ ! -e "$installed" ]; then
  echo "==> Installing $base_short's dependencies (the same Yarn and Node)" >&2
  # Optional native builds may fail on a machine without their system libraries (keytar needs
  # libsecret), as in the main checkout: a module the bench needs fails its run, with the log.
  (cd "$worktree" && yarn install --immutable) >"$runs/install.log" 2>&1 ||
    echo "bench-compare: yarn install reported errors in $worktree (see $runs/install.log); going on" >&2
  touch "$installed"
fi

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
fi
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
export BENCH_ENTITIES="${BENCH_ENTITIES:-10000}" BENCH_DAYS="${BENCH_DAYS:-365}" \
  BENCH_LOAD_SECONDS="${BENCH_LOAD_SECONDS:-5}"

# Runs the scorecard bench of the tree at $1 (wherever that tree keeps it: src/bench before the
# restructuring, bench/ after), its report going to $2; the rest are extra environment settings.
run_bench() {
  local tree="$1" report="$2" bench started
  shift 2
  bench=""
  for candidate in bench/scorecards.bench.ts src/bench/scorecards.bench.ts; do
    [ -e "$tree/plugins/governance-backend/$candidate" ] && bench="$candidate" && break
  done
  [ -n "$bench" ] || { echo "bench-compare: no scorecards.bench.ts in $tree" >&2; exit 1; }
  echo "==> $(basename "$report" .md): $tree ($(date -u +%H:%M:%S))" >&2
  started="$(date +%s)"
  (cd "$tree/plugins/governance-backend" &&
    env "$@" GOVERNANCE_BENCH_OUTPUT="$report" \
      GOVERNANCE_RELIABILITY_OUTPUT="${report%.md}-reliability.md" \
      yarn backstage-cli package test --watchAll=false --runInBand \
      --roots "$PWD/$(dirname "$bench")" --testMatch '**/scorecards.bench.ts' \
      --testTimeout 1800000) >"${report%.md}.log" 2>&1 ||
    { echo "bench-compare: the run failed, see ${report%.md}.log" >&2; exit 1; }
  echo "    $(($(date +%s) - started)) s" >&2
}

# Alternating, so a machine that gets busier or quieter during the run weighs on both trees.
for round in 1 2; do
  run_bench "$worktree" "$runs/base-$round.md"
  run_bench "$PWD" "$runs/current-$round.md" BENCH_WORKLOAD=base
done

node scripts/bench-compare.mjs \
  --output "$output" --base "$base_short" --current "$current_short" \
  --command "scripts/bench-compare.sh $base_rev" \
  "$runs/base-1.md" "$runs/current-1.md" "$runs/base-2.md" "$runs/current-2.md"
echo "==> Section written to $output; each run's report and log in $runs" >&2
