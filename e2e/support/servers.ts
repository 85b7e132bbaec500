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

async function main() {
  const databaseUrl = e2eDatabaseUrl();
  assertLocalDatabase(databaseUrl);
  rmSync(`${E2E_DATA_DIR}/emulator`, { recursive: true, force: true });
  if (databaseUrl.startsWith("postgres")) await ensurePostgresDatabase(databaseUrl);
  await prepareDatabase({ url: databaseUrl, reset: true, quiet: true });

  const merchant = ensureLocalMerchant(E2E_DATA_DIR);
  const emulatorEnv = {
    AMAZON_PAY_EMULATOR_DATA_DIR: `${E2E_DATA_DIR}/emulator`,
    AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS: process.env.AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS ?? "1500",
    AMAZON_PAY_EMULATOR_QUIET: "1",
  };
  const emulator = await startEmulatorProcess({
    url: EMULATOR_URL,
    merchant,
    ipnUrl: `${shopUrl()}/api/amazon-pay/ipn`,
    env: emulatorEnv,
  });
  if (emulator.child) children.push(emulator.child);

  for (const [intent, { port }] of Object.entries(SHOPS) as [ShopIntent, { port: number }][]) {
    const shop = await startShop({ port, intent });
    children.push(shop.child);
  }
  console.log(
    `[e2e] shops ${Object.keys(SHOPS)
      .map((i) => shopUrl(i as ShopIntent))
      .join(", ")} and emulator ${EMULATOR_URL} ready on ${databaseUrl.split("?")[0]}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  stop();
});
