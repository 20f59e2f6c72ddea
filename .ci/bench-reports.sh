#!/usr/bin/env bash
# npm run bench:reports [-- sizes…] (issue 8; not part of npm test): times each report on SQLite and,
# in a throwaway PostgreSQL 15 cluster (.ci/postgres.sh, PG_PORT, default 55432 or the next free
# port), on Postgres too. BENCH_DATABASE_URL=postgres://… uses that (empty) database instead;
# BENCH_PG=0 runs SQLite only. The cluster is removed when the run ends, however it ends.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.sh
source "$ROOT/.ci/toolchain.sh"
set +e
cd "$ROOT"
if [ "${BENCH_PG:-1}" != 0 ] && [ -z "${BENCH_DATABASE_URL:-}" ]; then
  # shellcheck source=postgres.sh
  source "$ROOT/.ci/postgres.sh"
  trap pg_stop EXIT
  pg_start
  case $? in
    0) export BENCH_DATABASE_URL="$TEST_DATABASE_URL" ;;
    2) echo "Postgres not available here: SQLite only" ;;
    *) echo "Postgres wouldn't start: SQLite only" ;;
  esac
fi
[ "${BENCH_PG:-1}" = 0 ] && unset BENCH_DATABASE_URL
node .ci/vite-run.mjs tests/bench/reports.bench.ts "$@"
