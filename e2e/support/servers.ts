// Started by Playwright's webServer: resets the e2e database, starts the local Amazon Pay
// emulator (short settle delay) and one production server per payment intent, then waits.
// Run `npm run build` first. SIGTERM (Playwright's teardown) stops everything.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureLocalMerchant } from "@/lib/amazon-pay/local-merchant";
import { ensurePostgresDatabase } from "@/scripts/db/ensure-postgres-database";
import { prepareDatabase } from "@/scripts/db/prepare";
import { startEmulatorProcess } from "@/scripts/local-emulator";
import {
  assertLocalDatabase,
  E2E_DATA_DIR,
  e2eDatabaseUrl,
  EMULATOR_URL,
  shopUrl,
  SHOPS,
  type ShopIntent,
} from "./environment";
import { startShop } from "./shop-process";

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

/** Waits for every start; children that did start are kept for stop() even when another failed. */
async function startAll<T>(starts: Promise<T>[], childOf: (started: T) => ChildProcess | null): Promise<T[]> {
  const outcomes = await Promise.allSettled(starts);
  for (const outcome of outcomes) {
    const child = outcome.status === "fulfilled" ? childOf(outcome.value) : null;
    if (child) children.push(child);
  }
  const failure = outcomes.find((outcome) => outcome.status === "rejected");
  if (failure) throw failure.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

async function main() {
  const databaseUrl = e2eDatabaseUrl();
  assertLocalDatabase(databaseUrl);
  rmSync(`${E2E_DATA_DIR}/emulator`, { recursive: true, force: true });
  const merchant = ensureLocalMerchant(E2E_DATA_DIR);
  const emulatorEnv = {
    AMAZON_PAY_EMULATOR_DATA_DIR: `${E2E_DATA_DIR}/emulator`,
    AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS: process.env.AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS ?? "1500",
    AMAZON_PAY_EMULATOR_QUIET: "1",
  };
  // The database and the emulator do not depend on each other; the shops need both. Each group
  // starts at once, so their waits overlap.
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const prepared = (async () => {
    if (databaseUrl.startsWith("postgres")) await ensurePostgresDatabase(databaseUrl);
    await prepareDatabase({ url: databaseUrl, reset: true, quiet: true });
    console.log(`[e2e] database reset and seeded after ${seconds()}`);
    return null;
  })();
  await startAll<{ child: ChildProcess | null } | null>(
    [
      startEmulatorProcess({
        url: EMULATOR_URL,
        merchant,
        ipnUrl: `${shopUrl()}/api/amazon-pay/ipn`,
        env: emulatorEnv,
      }),
      prepared,
    ],
    (started) => started?.child ?? null,
  );
  console.log(`[e2e] emulator and database ready after ${seconds()}; starting the shops`);
  await startAll(
    (Object.entries(SHOPS) as [ShopIntent, { port: number }][]).map(([intent, { port }]) =>
      startShop({ port, intent }),
    ),
    (shop) => shop.child,
  );
  // playwright.config.ts waits for this line: every shop is up, not only the first to answer.
  console.log(
    `[e2e] shops ${Object.keys(SHOPS)
      .map((i) => shopUrl(i as ShopIntent))
      .join(", ")} and emulator ${EMULATOR_URL} ready on ${databaseUrl.split("?")[0]} after ${seconds()}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  stop();
});
