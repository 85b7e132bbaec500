// Where the e2e run's servers live, shared by playwright.config.ts, the server script and tests.
// E2E_DATABASE=postgresql runs the suite on PostgreSQL (E2E_POSTGRES_URL, default database
// storefront_e2e on 127.0.0.1:5432); otherwise on a SQLite file under .data/e2e.
// E2E_GROUP=shared or exclusive runs one group of specs (playwright.config.ts) only. Each
// database and group has its own data folder (emulator state, merchant key, SQLite file) and
// PostgreSQL database, so `npm test` runs them side by side, each on its own ports.
import path from "node:path";

const group = process.env.E2E_GROUP ?? "";
if (!["", "shared", "exclusive"].includes(group))
  throw new Error(`E2E_GROUP must be "shared" or "exclusive", not "${group}"`);
export const E2E_GROUP = group as "" | "shared" | "exclusive";
export const E2E_DATABASE = process.env.E2E_DATABASE === "postgresql" ? "postgresql" : "sqlite";
/** sqlite, postgresql, sqlite-exclusive, ...: names the run's folders and report. */
export const E2E_RUN = [E2E_DATABASE, E2E_GROUP].filter(Boolean).join("-");

export const E2E_DATA_DIR = path.resolve(
  [".data/e2e", E2E_DATABASE === "postgresql" && "postgresql", E2E_GROUP].filter(Boolean).join("-"),
);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;

/** One production server per payment intent; tests pick the one they need. */
export const SHOPS = {
  AuthorizeWithCapture: { port: Number(process.env.E2E_PORT ?? 3100) },
  Authorize: { port: Number(process.env.E2E_PORT ?? 3100) + 1 },
  Confirm: { port: Number(process.env.E2E_PORT ?? 3100) + 2 },
} as const;
export type ShopIntent = keyof typeof SHOPS;
export const shopUrl = (intent: ShopIntent = "AuthorizeWithCapture") =>
  `http://127.0.0.1:${SHOPS[intent].port}`;

export function e2eDatabaseUrl(): string {
  if (E2E_DATABASE === "sqlite") return `file:${path.join(E2E_DATA_DIR, "e2e.db")}`;
  const url = new URL(process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/storefront_e2e");
  if (E2E_GROUP) url.pathname += `_${E2E_GROUP}`;
  return url.toString();
}

/** The e2e run resets its database: refuse anything that is not on this machine. */
export function assertLocalDatabase(url: string): void {
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run e2e tests against a non-local database (${host}).`);
  }
}
