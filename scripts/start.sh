#!/usr/bin/env bash
# Installs everything (Node 22 if the machine's Node is older, Yarn 4 from the repository,
# dependencies) and starts the app on http://localhost:3000 with the backend on :7007.
# Data lives in SQLite files under data/sqlite, so a restart loses nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

yarn install --immutable
mkdir -p data/sqlite
exec yarn start
