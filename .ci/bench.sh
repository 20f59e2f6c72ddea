#!/usr/bin/env bash
# npm run bench (issue 10; not part of npm test): builds, then runs tests/bench/http.bench.ts, which
# benchmarks the production build against a bare node:http baseline and writes .ci-out/bench.md.
# BENCH_SKIP_BUILD=1 reuses an existing build/. See the header of tests/bench/http.bench.ts for options.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.sh
source "$ROOT/.ci/toolchain.sh"
cd "$ROOT"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "› vite build"
  npx vite build --logLevel warn
fi
node .ci/vite-run.mjs tests/bench/http.bench.ts
