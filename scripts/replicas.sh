#!/usr/bin/env bash
# Starts three governance backend replicas sharing one PostgreSQL (the throwaway cluster of
# scripts/postgres.sh), with scheduled work every 10 seconds; prints which replica ran what.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
cd packages/backend
exec node --require @backstage/cli-node/config/nodeTransform.cjs src/reliability/startReplicas.ts
