// Generates one Prisma client per provider (lib/generated/sqlite and lib/generated/postgresql),
// so one build serves either database: lib/prisma/create-client.ts picks by DATABASE_URL.
// The CLI needs a DATABASE_URL of the matching provider to select the schema folder and
// adapter; generate never connects, so the PostgreSQL URL need not be reachable.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DEFAULT_POSTGRES_URL, DEFAULT_SQLITE_URL } from "./providers.mjs";

const cli = path.resolve("node_modules/prisma/build/index.js");
const preload = path.resolve("scripts/unref-long-timers.cjs");
for (const url of [DEFAULT_SQLITE_URL, DEFAULT_POSTGRES_URL]) {
  try {
    execFileSync(process.execPath, [`--require=${preload}`, cli, "generate"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`);
    process.exit(1);
  }
}
console.log("[db] Prisma clients generated for sqlite and postgresql");
