#!/usr/bin/env bash
# npm test (and .ci/run): type check, unit tests on SQLite and on Postgres, build, e2e in Chromium,
# then ONE closing line `N passed, N failed` from .ci/summarise.mjs (STYLE §6).
# Every step runs even when an earlier one fails; each is recorded in .ci-out/steps.tsv.
set -uo pipefail
START="$(date +%s)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/.ci-out"
SUMMARISED=0

# Whatever happens (toolchain failure included), stop Postgres and end with a closing line.
on_exit() {
  local rc=$?
  declare -F pg_stop >/dev/null && pg_stop
  if [ "$SUMMARISED" = 0 ]; then
    echo "✗ npm test stopped early (exit $rc) before the summary"
    echo "0 passed, 1 failed"
    exit 1
  fi
}
trap on_exit EXIT

cd "$ROOT"
rm -rf "$OUT" && mkdir -p "$OUT"
: >"$OUT/steps.tsv"

# shellcheck source=toolchain.sh
source "$ROOT/.ci/toolchain.sh"   # Node 24 + npm ci; it turns on `set -e`, which the steps don't want
set +e
source "$ROOT/.ci/postgres.sh"

# record <step> <exit code> <json file or -> <seconds> [note]
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" >>"$OUT/steps.tsv"; }
banner() { printf '\n━━ %s ━━\n' "$1"; }
# run <step> <json or -> <command…>: times it and records its exit code.
run() {
  local step="$1" json="$2"; shift 2
  local t0=$SECONDS
  "$@"
  local rc=$?
  record "$step" "$rc" "$json" "$((SECONDS - t0))"
  return "$rc"
}

# ── Chromium (Debian's; never `npx playwright install`) ──
CHROMIUM_OK=1
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    banner "Installing Chromium (apt-get install -y chromium)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || CHROMIUM_OK=0
  else
    CHROMIUM_OK=0
  fi
  if [ "$CHROMIUM_OK" = 0 ] || ! command -v chromium >/dev/null; then
    CHROMIUM_OK=0
    echo "✗ Chromium is missing. Install Debian's as root: apt-get update && apt-get install -y chromium"
    echo "  (or set CHROMIUM_PATH to a Chromium binary). The e2e step counts as failed."
  fi
fi

# ── (a) Types ──
banner "svelte-check"
run svelte-check - bash -c 'npx svelte-kit sync && npx svelte-check --tsconfig ./tsconfig.json --threshold error' \
  2>&1 | tee "$OUT/svelte-check.log"

# ── (b) Unit and integration tests on SQLite ──
banner "Vitest (SQLite)"
( unset TEST_DATABASE_URL
  run vitest-sqlite "$OUT/unit.json" \
    npx vitest run --reporter=default --reporter=json --outputFile="$OUT/unit.json" )

# ── (c) The same suite on Postgres ──
banner "Vitest (Postgres)"
pg_start
case $? in
  0) run vitest-postgres "$OUT/unit-pg.json" \
       npx vitest run --reporter=default --reporter=json --outputFile="$OUT/unit-pg.json"
     pg_stop ;;
  2) record vitest-postgres skip - 0 "Postgres not available" ;;
  *) record vitest-postgres 1 - 0 "the throwaway cluster didn't start" ;;
esac

# ── (d) Build ──
banner "vite build"
run build - npx vite build --logLevel warn
BUILD_RC=$(awk -F'\t' '$1=="build"{print $2}' "$OUT/steps.tsv")

# ── (d2) Scale-out (issue 10): two built instances against one Postgres database ──
banner "Scale-out: two instances, one Postgres"
if [ "$BUILD_RC" != 0 ]; then
  record scale-out 1 - 0 "not run: the build failed"
else
  pg_start
  case $? in
    0) run scale-out "$OUT/scale-out.json" node .ci/vite-run.mjs tests/scale/two-instances.ts "$OUT/scale-out.json"
       pg_stop ;;
    2) record scale-out skip - 0 "Postgres not available" ;;
    *) record scale-out 1 - 0 "the throwaway cluster didn't start" ;;
  esac
fi

# ── (e) End to end, against the build ──
banner "Playwright"
if [ "$CHROMIUM_OK" = 0 ]; then
  record e2e 1 - 0 "Chromium is missing (apt-get install -y chromium)"
elif [ "$BUILD_RC" != 0 ]; then
  record e2e 1 - 0 "not run: the build failed"
else
  PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" \
    run e2e "$OUT/e2e.json" npx playwright test -c tests/playwright.config.ts --reporter=list,json
fi

banner "Summary"
SUMMARISED=1
node "$ROOT/.ci/summarise.mjs" "$OUT/steps.tsv" "$START"
