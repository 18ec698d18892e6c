#!/usr/bin/env bash
# Installs everything and runs every test, as CI does: type check, lint, unit and database tests
# on SQLite and PostgreSQL (a throwaway PostgreSQL cluster is started, installed first if
# missing), then the end-to-end tests in Chromium (Debian's chromium, installed if missing), and the
# install check (scripts/verify-install.sh): the packed packages in a brand-new create-app app.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

step() { printf '\n==> %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "Installing dependencies"
yarn install --immutable

step "Starting PostgreSQL"
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(bash scripts/postgres.sh start)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
# Docker is not available here: without this TestDatabases would try it under CI=true.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# Makes the database tests fail, rather than skip, if PostgreSQL is not reachable.
export GOVERNANCE_REQUIRE_POSTGRES=1

step "Type check"
yarn tsc

step "API reports (a change to a package's public API must come with its updated report)"
yarn test:api-reports

step "OpenAPI contract (the router and the client types are generated from it and up to date)"
node scripts/openapi/generate.mjs --check
# repo-tools imports router.ts to compare its spec with the YAML; Backstage's transform loads it.
NODE_OPTIONS="--require @backstage/cli/config/nodeTransform.cjs" yarn backstage-repo-tools repo schema openapi validate
yarn backstage-repo-tools repo schema openapi lint

step "Lint"
yarn lint:all
# Package metadata as Backstage's publishing conventions want it (exports, pluginPackages, ...).
yarn backstage-cli repo fix --publish --check

step "Unit and database tests (SQLite and PostgreSQL)"
CI=true yarn test:all

step "Installing Chromium if missing"
bash scripts/chromium.sh

step "End-to-end tests in Chromium"
yarn test:e2e

step "Install check: the packed packages in a new app made by create-app"
bash scripts/verify-install.sh

step "All tests passed"
