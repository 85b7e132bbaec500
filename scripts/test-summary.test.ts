import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "test-summary.mjs");

/** Runs the summary in a folder holding the given reports; returns its output and exit code. */
function summarize(reports: Record<string, unknown>, failedSteps: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), "test-summary-"));
  mkdirSync(path.join(dir, "test-reports"));
  for (const [name, report] of Object.entries(reports))
    writeFileSync(path.join(dir, "test-reports", name), JSON.stringify(report));
  const run = spawnSync(process.execPath, [script, ...failedSteps], { cwd: dir, encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  return { lines: run.stdout.trim().split("\n"), status: run.status };
}

const playwrightTest = (title: string, status: string, errors: string[] = []) => ({
  title,
  file: "checkout.spec.ts",
  line: 12,
  tests: [{ status, results: errors.map((message) => ({ error: { message } })) }],
});

describe("the test summary", () => {
  it("names each failed test and each that passed only on a retry, before the totals", () => {
    const { lines, status } = summarize({
      "playwright-sqlite-shared.json": {
        suites: [
          {
            specs: [
              playwrightTest("the buyer pays", "expected"),
              playwrightTest("the buyer retries", "flaky", [
                "\u001b[31mTimeout 10000ms exceeded.\u001b[39m\nCall log:",
              ]),
            ],
            suites: [
              {
                specs: [
                  playwrightTest("the merchant refunds", "unexpected", ["Test timeout of 60000ms exceeded."]),
                ],
              },
            ],
          },
        ],
      },
      "vitest-sqlite.json": {
        numTotalTests: 3,
        numPassedTests: 2,
        numFailedTests: 1,
        numTotalTestSuites: 2,
        numPendingTests: 0,
        numTodoTests: 0,
        success: false,
        testResults: [
          {
            name: path.join(tmpdir(), "lib/money.test.ts"),
            status: "failed",
            assertionResults: [
              { status: "passed", fullName: "money adds" },
              {
                status: "failed",
                fullName: "money rounds",
                duration: 61234,
                failureMessages: ["\nAssertionError: expected 1 to be 2\n    at ..."],
              },
            ],
          },
        ],
      },
    });
    expect(status).toBe(1);
    expect(lines.slice(-6)).toEqual([
      "passed on retry (playwright-sqlite-shared.json) checkout.spec.ts:12 the buyer retries: Timeout 10000ms exceeded.",
      "FAILED (playwright-sqlite-shared.json) checkout.spec.ts:12 the merchant refunds: Test timeout of 60000ms exceeded.",
      expect.stringMatching(
        /^FAILED \(vitest-sqlite\.json\) \S*lib\/money\.test\.ts money rounds: AssertionError: expected 1 to be 2 \(after 61\.2 s\)$/,
      ),
      "playwright-sqlite-shared.json: 2 passed, 1 failed",
      "vitest-sqlite.json: 2 passed, 1 failed",
      "4 passed, 2 failed",
    ]);
  });

  it("adds an expectation's Expected and Received lines to its first line, which may be only a label", () => {
    const message = [
      "\u001b[31mError: /products/harbor-ceramic-mug\u001b[39m",
      "",
      "expect(received).toContain(expected) // indexOf",
      "",
      'Expected value: "MISS"',
      'Received array: ["HIT", "STALE"]',
      "    at e2e/security-headers.spec.ts:98:40",
    ].join("\n");
    const { lines } = summarize({
      "playwright-sqlite-shared.json": {
        suites: [
          { specs: [playwrightTest("the catalog pages come from the cache", "unexpected", [message])] },
        ],
      },
    });
    expect(lines).toContain(
      'FAILED (playwright-sqlite-shared.json) checkout.spec.ts:12 the catalog pages come from the cache: Error: /products/harbor-ceramic-mug Expected value: "MISS" Received array: ["HIT", "STALE"]',
    );
  });

  it("counts a failed step without a report as one failure, and an empty run as a failure", () => {
    expect(summarize({}, ["lint|"]).lines.slice(-2)).toEqual(["step failed: lint", "0 passed, 1 failed"]);
    const empty = summarize({});
    expect(empty.lines.at(-1)).toBe("0 passed, 1 failed");
    expect(empty.status).toBe(1);
  });

  it("ends green with only passing tests", () => {
    const { lines, status } = summarize({
      "playwright-sqlite-shared.json": {
        suites: [{ specs: [playwrightTest("the buyer pays", "expected")] }],
      },
    });
    expect(lines.slice(-2)).toEqual([
      "playwright-sqlite-shared.json: 1 passed, 0 failed",
      "1 passed, 0 failed",
    ]);
    expect(status).toBe(0);
  });
});
