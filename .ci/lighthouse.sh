#!/usr/bin/env bash
# npm run lighthouse (issue 10; not part of npm test): builds, then runs tests/bench/lighthouse.ts,
# which runs Lighthouse (mobile) with Debian's chromium against the production build on a signed-in
# child's question page and writes .ci-out/lighthouse.md. BENCH_SKIP_BUILD=1 reuses build/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.sh
source "$ROOT/.ci/toolchain.sh"
cd "$ROOT"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "› vite build"
  npx vite build --logLevel warn
fi
node .ci/vite-run.mjs tests/bench/lighthouse.ts
