#!/usr/bin/env bash
# npm run demo: build, seed the demo data into an empty database, and serve it on localhost.
#   DATABASE_PATH (default data/my-review.sqlite) or DATABASE_URL=postgres://…; PORT (default 3000).
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"   # sets -euo pipefail and cds to the repo root

PORT="${PORT:-3000}"
export DATABASE_PATH="${DATABASE_PATH:-data/my-review.sqlite}"
if [ -z "${DATABASE_URL:-}" ]; then mkdir -p "$(dirname "$DATABASE_PATH")"; fi

echo "› Building"
npx vite build --logLevel warn

echo "› Seeding (only an empty database gets the demo data)"
node .ci/vite-run.mjs src/lib/server/demo/seed.ts

echo
echo "My Review is running at http://localhost:$PORT — demo sign-ins are listed in README.md (section 'Demo sign-ins')"
echo
ORIGIN="http://localhost:$PORT" PORT="$PORT" exec node build
