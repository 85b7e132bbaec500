import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE, E2E_GROUP, E2E_RUN, shopUrl } from "./e2e/support/environment";

// e2e runs against the production build (`npm run build` first), the local Amazon Pay emulator
// and a freshly reset local database. Debian's Chromium, never a downloaded browser.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// Specs that change state every other test sees (the emulator's clock and faults, the reconciler
// lease) or that compare database snapshots run alone, after the others; the rest run two at a
// time (files in parallel, the tests of one file in order). E2E_GROUP=shared or exclusive runs
// one group only, on servers of its own (e2e/support/environment.ts).
const EXCLUSIVE = [
  "after-checkout.spec.ts",
  "checkout.spec.ts",
  "crash-safety.spec.ts",
  "hostile-input-actions.spec.ts",
  "hostile-input-requests.spec.ts",
  "hostile-input-routes.spec.ts",
  "hostile-input-tampering.spec.ts",
  "merchant-guard.spec.ts",
  "multi-instance.spec.ts",
  "other-buyers.spec.ts",
  "emulator-faults.spec.ts",
  "unfinished-checkout.spec.ts",
];
// On PostgreSQL (E2E_DATABASE=postgresql, the second run of `npm test`) the specs whose subject
// never reaches the database are not run again: they test headers, bundles, accessibility and
// input refused before any query, the same on both databases.
const DATABASE_INDEPENDENT = [
  "accessibility.spec.ts",
  "build-output.spec.ts",
  "hostile-input-actions.spec.ts",
  "hostile-input-requests.spec.ts",
  "hostile-input-routes.spec.ts",
  "hostile-input-tampering.spec.ts",
  "security-headers.spec.ts",
  "server-only-boundary.spec.ts",
];
const files = (names: string[]) =>
  new RegExp(`(^|/)(${names.map((f) => f.replaceAll(".", "\\.")).join("|")})$`);
const exclusive = files(EXCLUSIVE);
const skipped = E2E_DATABASE === "postgresql" ? [files(DATABASE_INDEPENDENT)] : [];

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
};

export default defineConfig({
  testDir: "e2e",
  // Playwright specs only: e2e/support/*.test.ts are Vitest tests of the support code.
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // `npm test` runs four of these side by side on two cores, beside the PostgreSQL integration
  // tests; on a slow machine a checkout's test can take a minute. Time limits only catch hangs:
  // what is fast enough is the benchmark's to say.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: `test-reports/playwright-${E2E_RUN}.json` }]],
  // One folder per run: `npm test` runs the groups of both databases side by side.
  outputDir: `test-results/${E2E_RUN}`,
  use: { baseURL: shopUrl(), trace: "on-first-retry", screenshot: "only-on-failure" },
  projects: [
    ...(E2E_GROUP === "exclusive"
      ? []
      : [{ name: "shared", testIgnore: [exclusive, ...skipped], use: browser }]),
    ...(E2E_GROUP === "shared"
      ? []
      : [
          {
            name: "exclusive",
            testMatch: exclusive,
            testIgnore: skipped,
            workers: 1,
            // Alone on its own servers (E2E_GROUP=exclusive), it need not wait for the others.
            dependencies: E2E_GROUP === "exclusive" ? [] : ["shared"],
            use: browser,
          },
        ]),
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx e2e/support/servers.ts",
    // Ready when the script says every shop answers (e2e/support/servers.ts). Each of its steps
    // has a deadline of its own and names what failed; this one only catches a hang.
    wait: { stdout: /\[e2e\] shops .* ready on / },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
