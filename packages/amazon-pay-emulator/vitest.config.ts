// The package's own test run (npm test -w @storefront/amazon-pay-emulator); the repository's root
// config runs the same files alongside the shop's.
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

// The conformance tests drive the emulator with the API client, whose modules import server-only;
// it is resolved from the client package, which depends on it.
const client = createRequire(import.meta.url).resolve("@storefront/amazon-pay/client");
const serverOnly = path.dirname(createRequire(client).resolve("server-only"));

export default defineConfig({
  resolve: {
    // server-only throws outside React Server Components; tests run server code directly.
    alias: { "server-only": path.join(serverOnly, "empty.js") },
  },
  test: {
    root: import.meta.dirname,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
