import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // server-only throws outside React Server Components; tests run server code directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/**/*.test.ts",
      "e2e/support/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
    ],
    environment: "node",
    reporters: ["default", "json"],
    outputFile: { json: "test-reports/vitest.json" },
    testTimeout: 60_000,
    // Suites start their servers in beforeAll; `npm test` runs them beside the Playwright runs,
    // where a start can take far longer than the default 10 s on a slow machine.
    hookTimeout: 90_000,
    // Vitest leaves one core free by default: a single worker on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
