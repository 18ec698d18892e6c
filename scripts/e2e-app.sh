#!/usr/bin/env bash
# Starts the app as the end-to-end tests use it (test/e2e/playwright.config.ts runs this): the
# frontend built for production, served with its runtime config by the backend's app plugin on
# http://localhost:7007, and the backend itself without `yarn start`'s watcher.
#
# Why not `yarn start`: its dev server hands Chromium an unminified bundle of several megabytes on
# every page load, and both halves restart whenever a source file is saved, so a test could see the
# app vanish halfway. The backend code is the same; its config still comes from app-config.yaml
# plus the APP_CONFIG_* variables the Playwright config sets, and @backstage/plugin-app-backend
# injects the frontend's share of that config (app.baseUrl, backend.baseUrl, ...) into the page.
set -euo pipefail
cd "$(dirname "$0")/.."

yarn workspace app build

cd packages/backend
# development, as under `yarn start`: the example's guest sign-in is refused in production.
export NODE_ENV=development
# The same TypeScript loader `backstage-cli package start` runs the backend with, minus the watch.
exec node --enable-source-maps \
  --require @backstage/cli/config/nodeTransform.cjs \
  src/index
