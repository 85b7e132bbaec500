#!/usr/bin/env bash
# `npm test`: every check, in order of cost. Typecheck, lint, schema drift, unit and
# integration tests on SQLite, production build, then the Playwright suite against the build on
# SQLite and PostgreSQL, and beside it the integration tests on PostgreSQL. Ends with one line
# "N passed, N failed".
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

# logged LOG -- COMMAND...: runs COMMAND with its output in test-reports/logs/LOG.log and its
# status and seconds in LOG.result, for a run in the background that report_logged prints later.
logged() {
  local log=$1 started=$SECONDS
  shift 2
  "$@" > "test-reports/logs/$log.log" 2>&1
  echo "$? $((SECONDS - started))" > "test-reports/logs/$log.result"
}
# report_logged NAME LOG WHERE [REPORT]: a logged run's output and outcome, as a step prints them
# (WHERE says what it ran beside; REPORT is its JSON report, as for step).
report_logged() {
  local name=$1 log=$2 where=$3 report=${4:-} status=1 seconds="?"
  [ -f "test-reports/logs/$log.result" ] && read -r status seconds < "test-reports/logs/$log.result"
  echo
  echo "=== $name"
  cat "test-reports/logs/$log.log" 2>/dev/null
  if [ "$status" = 0 ]; then
    echo "=== $name: ok ($seconds s, $where)"
  else
    echo "=== $name: FAILED ($seconds s, $where)"
    failed_steps+=("$name|$report")
  fi
}

# The static checks are single-threaded. Once the route types exist (lint and typecheck read
# them), lint runs on one core while the others run one after another on the second: the
# typecheck takes about half as long as lint, format, import rules and schema drift fill the rest.
# Each is reported as its own step, in this order, with its own log.
step "route types" -- npx next typegen
mkdir -p test-reports/logs
(
  logged typecheck -- npx tsc --noEmit
  logged format -- npm run -s format:check
  logged arrows -- npm run -s check:arrows
  [ "${SKIP_POSTGRES:-}" != "1" ] && logged drift -- npm run -s db:check
) &
checks_pid=$!
step "lint" -- npm run -s lint
wait "$checks_pid"
report_logged "typecheck" typecheck "beside lint"
report_logged "format" format "beside lint"
report_logged "architecture (import rules)" arrows "beside lint"
[ "${SKIP_POSTGRES:-}" != "1" ] && report_logged "schema drift (sqlite and postgresql)" drift "beside lint"
step "unit and integration tests (sqlite)" test-reports/vitest-sqlite.json -- npx vitest run --outputFile.json=test-reports/vitest-sqlite.json
# The typecheck step above already checked what `next build` would check again.
step "production build" -- env BUILD_TYPECHECK=false npm run -s build
# Playwright: each database's specs in two groups (playwright.config.ts), each group a run of
# its own with its own servers, data folder and database, on ports E2E_PORT/E2E_EMULATOR_PORT
# plus an offset. The runs share only the build and spend much of their time waiting on settle
# delays and reconcilers, so they go side by side: each database's exclusive group (one spec at
# a time, the longest), and the two shared groups one after the other; the PostgreSQL
# integration tests run meanwhile, in the foreground. The SQLite Vitest suite runs before the
# build, alone: some of its tests measure time (timeouts, retries) and fail on a starved CPU.
# Logs follow in order.
e2e_run() { # NAME PORT_OFFSET VAR=VALUE...: one run, logged to test-reports/logs/e2e-NAME.log
  local name=$1 offset=$2
  shift 2
  logged "e2e-$name" -- env "$@" E2E_PORT=$((${E2E_PORT:-3100} + offset)) \
    E2E_EMULATOR_PORT=$((${E2E_EMULATOR_PORT:-4110} + offset)) npx playwright test
}
e2e_started=$SECONDS
if [ "${SKIP_POSTGRES:-}" != "1" ]; then
  e2e_runs=(sqlite-shared postgresql-shared sqlite-exclusive postgresql-exclusive)
  e2e_run postgresql-exclusive 800 E2E_DATABASE=postgresql E2E_GROUP=exclusive &
  {
    e2e_run sqlite-shared 0 E2E_DATABASE=sqlite E2E_GROUP=shared
    e2e_run postgresql-shared 700 E2E_DATABASE=postgresql E2E_GROUP=shared
  } &
else
  e2e_runs=(sqlite-shared sqlite-exclusive)
  e2e_run sqlite-shared 0 E2E_DATABASE=sqlite E2E_GROUP=shared &
fi
e2e_run sqlite-exclusive 600 E2E_DATABASE=sqlite E2E_GROUP=exclusive &
if [ "${SKIP_POSTGRES:-}" != "1" ]; then
  # Only the test files that use a database run again on PostgreSQL.
  mapfile -t db_tests < <(grep -rl --include='*.test.ts' "createTestDatabase" lib scripts tests 2>/dev/null | sort)
  step "integration tests (postgresql)" test-reports/vitest-postgresql.json -- env TEST_DATABASE=postgresql npx vitest run --outputFile.json=test-reports/vitest-postgresql.json "${db_tests[@]}"
fi
wait
for name in "${e2e_runs[@]}"; do
  report_logged "e2e ($name)" "e2e-$name" "side by side" "test-reports/playwright-$name.json"
done
echo
echo "=== e2e, all runs: $((SECONDS - e2e_started)) s"

node scripts/test-summary.mjs "${failed_steps[@]}"
