// The package's own test run (npm test -w @storefront/amazon-pay); the repository's root config
// runs the same files alongside the shop's.
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

const serverOnly = path.dirname(createRequire(import.meta.url).resolve("server-only"));

export default defineConfig({
  resolve: {
    // server-only throws outside React Server Components; tests run server code directly.
    alias: { "server-only": path.join(serverOnly, "empty.js") },
  },
  test: {
    root: import.meta.dirname,
    include: ["src/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
