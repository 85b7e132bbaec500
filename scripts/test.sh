#!/usr/bin/env bash
# `npm test`: every check, in order of cost. Typecheck, lint, schema drift, unit and
# integration tests (SQLite, then PostgreSQL), production build, then the Playwright suite
# against the build on SQLite and again on PostgreSQL. Ends with one line "N passed, N failed".
# PostgreSQL comes from TEST_POSTGRES_URL / E2E_POSTGRES_URL (default: trust auth on
# 127.0.0.1:5432); SKIP_POSTGRES=1 runs SQLite only.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
rm -rf test-reports && mkdir -p test-reports
failed_steps=()

# step NAME [REPORT] -- COMMAND...: REPORT is the JSON report a test step writes, so the
# summary can tell "tests failed" (already counted) from "the runner never ran".
step() {
  local name=$1; shift
  local report=""
  if [ "$1" != "--" ]; then report=$1; shift; fi
  shift
  echo
  echo "=== $name"
  local started=$SECONDS
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - started)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - started)) s)"
    failed_steps+=("$name|$report")
  fi
}

# Typecheck and lint are single-threaded: once the route types exist (both read them), run them
# side by side, each reported as its own step.
step "route types" -- npx next typegen
mkdir -p test-reports/logs
npx tsc --noEmit > test-reports/logs/typecheck.log 2>&1 &
typecheck_pid=$!
step "lint" -- npm run -s lint
step "format" -- npm run -s format:check
step "architecture (import rules)" -- npm run -s check:arrows
wait "$typecheck_pid"
typecheck_status=$?
step "typecheck" -- bash -c 'cat test-reports/logs/typecheck.log; exit "$1"' _ "$typecheck_status"
if [ "${SKIP_POSTGRES:-}" != "1" ]; then
  step "schema drift (sqlite and postgresql)" -- npm run -s db:check
fi
step "unit and integration tests (sqlite)" test-reports/vitest-sqlite.json -- npx vitest run --outputFile.json=test-reports/vitest-sqlite.json
if [ "${SKIP_POSTGRES:-}" != "1" ]; then
  # Only the test files that use a database run again on PostgreSQL.
  mapfile -t db_tests < <(grep -rl --include='*.test.ts' "createTestDatabase" lib scripts tests 2>/dev/null | sort)
  step "integration tests (postgresql)" test-reports/vitest-postgresql.json -- env TEST_DATABASE=postgresql npx vitest run --outputFile.json=test-reports/vitest-postgresql.json "${db_tests[@]}"
fi
step "production build" -- npm run -s build
step "e2e (sqlite)" test-reports/playwright-sqlite.json -- npx playwright test
if [ "${SKIP_POSTGRES:-}" != "1" ]; then
  step "e2e (postgresql)" test-reports/playwright-postgresql.json -- env E2E_DATABASE=postgresql npx playwright test
fi

node scripts/test-summary.mjs "${failed_steps[@]}"
