#!/usr/bin/env bash
# The install check: proves that a platform team can add the suite to its own Backstage app by
# following docs/install.md, and nothing else.
#   1. builds and packs every publishable package (backstage-cli package build, yarn pack);
#   2. serves the tarballs from a registry on loopback for our scope only (scripts/verify-install/
#      registry.mjs): everything else still comes from the machine's npm registry;
#   3. creates a brand-new app with `npx @backstage/create-app@latest`, outside the workspace;
#   4. applies docs/install.md's install-check blocks to it, as written (apply-install-doc.mjs);
#   5. starts that app on SQLite and, in Chromium, signs in as guest and opens the annotated
#      entity's Governance tab (test/install);
#   6. runs the packed CLI with npx in an empty folder on a file with a bad annotation.
# It cleans up what it started and reports its time. INSTALL_CHECK_KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
source scripts/toolchain.sh
# The new app is changed as a user changes it on a workstation: with CI set, Yarn would refuse
# every lockfile change (yarn up, yarn add).
export YARN_ENABLE_IMMUTABLE_INSTALLS=false

started_at=$(date +%s)
step() { printf '\n==> install check: %s (%ss)\n' "$1" "$(($(date +%s) - started_at))"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/governance-install-check-XXXXXX")"
REGISTRY_PORT="${INSTALL_CHECK_REGISTRY_PORT:-4873}"
REGISTRY="http://127.0.0.1:$REGISTRY_PORT"
# Ports of their own, so the check never meets the example app or the e2e tests on 3000/7007.
# They are set through the environment (APP_CONFIG_*), not by editing the new app's config.
APP_PORT="${INSTALL_CHECK_APP_PORT:-3100}"
BACKEND_PORT="${INSTALL_CHECK_BACKEND_PORT:-7107}"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do
    # Each background job leads its own process group (set -m below): stop the whole tree.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ "${INSTALL_CHECK_KEEP:-}" = "1" ]; then
    echo "install check: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  printf '==> install check: %s in %ss\n' \
    "$([ "$status" = 0 ] && echo passed || echo FAILED)" "$(($(date +%s) - started_at))"
  exit "$status"
}
trap cleanup EXIT
set -m

step "building and packing the publishable packages"
mkdir -p "$WORK/tarballs"
for dir in plugins/*/; do
  [ -f "$dir/package.json" ] || continue
  if node -e 'const p=require(process.argv[1]); process.exit(p.private || !p.publishConfig ? 1 : 0)' "$REPO/$dir/package.json"; then
    name="$(basename "$dir")"
    (cd "$dir" && yarn build >"$WORK/build-$name.log" 2>&1) || {
      cat "$WORK/build-$name.log"
      exit 1
    }
    (cd "$dir" && yarn pack --out "$WORK/tarballs/$name.tgz" >"$WORK/pack-$name.log" 2>&1) || {
      cat "$WORK/pack-$name.log"
      exit 1
    }
    # A tarball carries what runs and what documents it, never tests, fixtures, benches or sources.
    if tar tzf "$WORK/tarballs/$name.tgz" | grep -E '(\.test\.|__fixtures__|__testUtils__|/bench/|^package/src/|\.tsx?$)' | grep -v '\.d\.ts$'; then
      echo "install check: $name.tgz contains the files above, which must not be published" >&2
      exit 1
    fi
    echo "  packed $name ($(tar tzf "$WORK/tarballs/$name.tgz" | wc -l) files)"
  fi
done

step "serving the tarballs on $REGISTRY"
node scripts/verify-install/registry.mjs "$WORK/tarballs" "$REGISTRY_PORT" >"$WORK/registry.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q ready "$WORK/registry.log" && break; sleep 0.2; done
grep -q ready "$WORK/registry.log" || { cat "$WORK/registry.log"; exit 1; }

step "creating a new app with @backstage/create-app@latest"
# create-app asks for the app's name; BACKSTAGE_APP_NAME answers it. It cannot fetch its lockfile
# seed here (no internet but the registry), which it reports and which is harmless.
(cd "$WORK" && BACKSTAGE_APP_NAME=install-check npx -y @backstage/create-app@latest \
  --path "$WORK/app" --skip-install) >"$WORK/create-app.log" 2>&1 || {
  cat "$WORK/create-app.log"
  exit 1
}
grep -E '"version"' "$WORK/app/backstage.json"

# The registry stand-in: our scope resolves from loopback. Yarn's age gate (npmMinimalAgeGate in
# create-app's .yarnrc.yml) would hold back packages published minutes ago, so our scope is
# pre-approved, as @backstage/* already is.
cat >>"$WORK/app/.yarnrc.yml" <<YARNRC

npmScopes:
  catalog-governance:
    npmRegistryServer: "$REGISTRY"
unsafeHttpWhitelist:
  - 127.0.0.1
YARNRC
sed -i "s#^  - '@backstage/\*'#  - '@backstage/*'\n  - '@catalog-governance/*'#" "$WORK/app/.yarnrc.yml"

step "bringing the new app's Backstage packages onto one release"
# create-app seeds the new app's yarn.lock from the release's lockfile, which it fetches from
# GitHub; without internet it cannot, and a fresh resolution of the template's ranges mixes
# releases (the signals backend then fails with "httpRouter.addWebSocketHandler is not a
# function"). `backstage-cli versions:bump` fetches the release manifest from the web too, so the
# stand-in for the seed is to take every @backstage package at its latest version.
(cd "$WORK/app" && yarn up '@backstage/*') >"$WORK/yarn-up.log" 2>&1 || {
  tail -n 40 "$WORK/yarn-up.log"
  exit 1
}

step "applying docs/install.md"
node scripts/verify-install/apply-install-doc.mjs docs/install.md "$WORK/app" 2>&1 | tail -n 40

step "starting the app on SQLite"
(
  cd "$WORK/app"
  export GOVERNANCE_CI_TOKEN="install-check-$(date +%s%N)"
  export APP_CONFIG_app_baseUrl="http://localhost:$APP_PORT"
  export APP_CONFIG_backend_baseUrl="http://localhost:$BACKEND_PORT"
  export APP_CONFIG_backend_listen_port="$BACKEND_PORT"
  export APP_CONFIG_backend_cors_origin="http://localhost:$APP_PORT"
  exec yarn start
) >"$WORK/app.log" 2>&1 &
pids+=($!)
ready=""
for _ in $(seq 300); do
  if curl -sf -o /dev/null "http://localhost:$APP_PORT" &&
    curl -sf -o /dev/null "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness"; then
    ready=1
    break
  fi
  sleep 2
done
[ -n "$ready" ] || { tail -n 80 "$WORK/app.log"; exit 1; }

step "opening the Governance tab in Chromium"
bash scripts/chromium.sh
INSTALL_CHECK_APP_URL="http://localhost:$APP_PORT" \
  yarn playwright test --config test/install/playwright.config.ts || {
  tail -n 80 "$WORK/app.log"
  exit 1
}

step "linting with the packed CLI through npx, in an empty folder"
mkdir -p "$WORK/cli"
cat >"$WORK/cli/catalog-info.yaml" <<'YAML'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken-service
  annotations:
    governance/tier: platinum
spec:
  type: service
  lifecycle: production
  owner: guests
YAML
set +e
(cd "$WORK/cli" && npm_config_cache="$WORK/npm-cache" npx --yes \
  "--@catalog-governance:registry=$REGISTRY" @catalog-governance/governance-cli \
  lint catalog-info.yaml) >"$WORK/cli.log" 2>&1
cli_status=$?
set -e
cat "$WORK/cli.log"
if [ "$cli_status" != 1 ] || ! grep -q 'governance/tier=platinum' "$WORK/cli.log"; then
  echo "install check: expected the CLI to exit 1 naming governance/tier, it exited $cli_status" >&2
  exit 1
fi
