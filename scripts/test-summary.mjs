// Prints the totals of every suite that wrote a JSON report to test-reports/ (Vitest and
// Playwright), then one plain line "N passed, N failed". A step that failed without running
// its tests (typecheck, lint, build, a crashed runner) counts as one failure, so a run that
// tested nothing can never look green. Each failed test (and each that passed only on a retry)
// is named with the first line of its error, so the end of a long log says what broke.
// Arguments: "step name|report file" for each step that failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = "test-reports";
const failedSteps = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];
const notes = [];

// The first line of an error, with its Expected and Received lines when it has them: an
// expectation's first line is often only its label.
const firstLine = (text) => {
  const lines = String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const values = lines.filter((line) => /^(Expected|Received)\b[^:]*:/.test(line)).slice(0, 2);
  return [(lines[0] ?? "").slice(0, 160), ...values.map((line) => line.slice(0, 120))].join(" ");
};

// Vitest's report keeps a timeout as a bare stack ("Error: STACK_TRACE_ERROR"): the time says it.
const took = (test) =>
  typeof test.duration === "number" ? ` (after ${(test.duration / 1000).toFixed(1)} s)` : "";

function countPlaywright(suites, acc, file) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const status = t.status; // expected | unexpected | flaky | skipped
        if (status === "expected" || status === "flaky") acc.passed++;
        else if (status === "skipped") acc.skipped++;
        else acc.failed++;
        if (status === "unexpected" || status === "flaky") {
          const error = (t.results ?? []).map((r) => r.error?.message).find(Boolean);
          notes.push(
            `${status === "flaky" ? "passed on retry" : "FAILED"} (${file}) ${spec.file}:${spec.line} ${spec.title}: ${firstLine(error)}`,
          );
        }
      }
    }
    countPlaywright(suite.suites, acc, file);
  }
  return acc;
}

for (const file of existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : []) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  let result;
  if (typeof report.numTotalTests === "number") {
    result = {
      passed: report.numPassedTests,
      failed:
        report.numFailedTests +
        (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
    for (const testFile of report.testResults ?? []) {
      const name = path.relative(process.cwd(), testFile.name ?? "");
      const failures = (testFile.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of failures)
        notes.push(`FAILED (${file}) ${name} ${t.fullName}: ${firstLine(t.failureMessages?.[0])}${took(t)}`);
      if (failures.length === 0 && testFile.status === "failed")
        notes.push(
          `FAILED (${file}) ${name}: ${firstLine(testFile.message) || "a hook failed (see the suite's log)"}`,
        );
    }
  } else if (report.suites) {
    result = countPlaywright(report.suites, { passed: 0, failed: 0, skipped: 0 }, file);
    if ((report.errors ?? []).length > 0 && result.failed === 0) result.failed = report.errors.length;
    for (const error of report.errors ?? []) notes.push(`ERROR (${file}) ${firstLine(error.message)}`);
  } else continue;
  passed += result.passed;
  failed += result.failed;
  lines.push(
    `${file}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}`,
  );
}

const failedCounts = new Map(lines.map((line) => [line.split(":")[0], /, ([1-9]\d*) failed/.test(line)]));
for (const entry of failedSteps) {
  const [step, report] = entry.split("|");
  // A test step whose report shows failing tests is already counted; any other failed step
  // (typecheck, lint, build, a runner that crashed before reporting) counts as one failure.
  if (!(report && failedCounts.get(path.basename(report)))) failed++;
  lines.push(`step failed: ${step}`);
}

console.log("\n=== summary");
for (const note of notes) console.log(note);
for (const line of lines) console.log(line);
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
