#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests if the machine has none (as root, or with sudo).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium (Debian package chromium)" >&2
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
fi
