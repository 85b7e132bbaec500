// The shop as its lib/ code sees it, without Next.js: a test database (createTestDatabase), the
// Amazon Pay emulator in-process on a free port, and the shop's local merchant key registered
// with it. The shop's configuration (env()), Prisma client (db()) and Amazon Pay connection
// (amazonPay()) are process-wide caches: start points them at this database and emulator, and
// close() forgets them and drops the database.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "@storefront/amazon-pay-emulator";
import { amazonPay } from "@/lib/amazon-pay/connection";
import {
  ensureLocalMerchant,
  localMerchantFile,
  readLocalMerchant,
  type LocalMerchant,
} from "@/lib/amazon-pay/local-merchant";
import { db } from "@/lib/db";
import { env, resetEnv, type PaymentIntent } from "@/lib/env";
import type { PrismaClient } from "@/lib/prisma/types";
import type { TestDatabase } from "./database";

/** Where Amazon (the emulator) sends the buyer back; nothing listens there, tests never follow it. */
export const SHOP_URL = "http://shop.test";

export interface ShopHarness {
  prisma: PrismaClient;
  database: TestDatabase;
  emulator: RunningEmulator;
  merchant: LocalMerchant;
  close(): Promise<void>;
}

export interface ShopHarnessOptions {
  intent?: PaymentIntent;
  /** Pending authorizations, async captures and refunds settle after this (default 100 ms). */
  asyncDelayMs?: number;
  /** More of the shop's environment, e.g. another market (AMAZON_PAY_REGION, SHOP_CURRENCY). */
  environment?: Record<string, string>;
}

// The caches lib/db.ts and lib/amazon-pay/connection.ts keep on globalThis (they survive
// Next.js dev reloads). start() checks that db() and amazonPay() really use what it put there.
const caches = globalThis as unknown as {
  __storefrontPrisma?: PrismaClient;
  __storefrontAmazonPay?: unknown;
};

function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

function forgetShopCaches(): void {
  resetEnv();
  delete caches.__storefrontPrisma;
  delete caches.__storefrontAmazonPay;
}

export async function startShopHarness(
  database: TestDatabase,
  options: ShopHarnessOptions = {},
): Promise<ShopHarness> {
  const dataDir = sharedMerchantDir();
  const merchant = ensureLocalMerchant(dataDir);
  let emulator: RunningEmulator | undefined;
  let restoreEnvironment = () => {};
  try {
    emulator = await startEmulator({
      port: 0,
      dataDir: null,
      quiet: true,
      log: () => {},
      config: { asyncDelayMs: options.asyncDelayMs ?? 100, ipn: { enabled: false } },
    });
    // No credentials: the shop talks to the emulator at AMAZON_PAY_EMULATOR_HOST:PORT.
    restoreEnvironment = setEnvironment(shopEnvironment(database, dataDir, emulator, options));
    forgetShopCaches();
    // In the market's region: the emulator, like Amazon, only knows a key in its own region.
    emulator.registerMerchant({
      publicKeyId: merchant.publicKeyId,
      publicKey: merchant.publicKeyPem,
      merchantId: merchant.merchantId,
      storeId: merchant.storeId,
      region: env().AMAZON_PAY_REGION,
      ledgerCurrency: env().SHOP_CURRENCY,
    });
    caches.__storefrontPrisma = database.prisma;
    if (db() !== database.prisma || amazonPay().settings.emulatorUrl !== emulator.url) {
      throw new Error("the shop's db() or amazonPay() cache moved: update tests/helpers/shop-harness.ts");
    }
  } catch (error) {
    forgetShopCaches();
    restoreEnvironment();
    await emulator?.close();
    await database.drop();
    throw error;
  }
  const silenced = silenceCheckoutLog();
  const running = emulator;
  return {
    prisma: database.prisma,
    database,
    emulator: running,
    merchant,
    close: async () => {
      silenced();
      forgetShopCaches();
      restoreEnvironment();
      await running.close();
      await database.drop();
    },
  };
}

function shopEnvironment(
  database: TestDatabase,
  dataDir: string,
  emulator: RunningEmulator,
  options: ShopHarnessOptions,
): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SHOP_URL,
    AMAZON_PAY_EMULATOR_HOST: "127.0.0.1",
    AMAZON_PAY_EMULATOR_PORT: String(emulator.port),
    AMAZON_PAY_PAYMENT_INTENT: options.intent ?? "AuthorizeWithCapture",
    AMAZON_PAY_CAN_HANDLE_PENDING_AUTHORIZATION: "",
    AMAZON_PAY_MERCHANT_ID: "",
    AMAZON_PAY_STORE_ID: "",
    AMAZON_PAY_PUBLIC_KEY_ID: "",
    AMAZON_PAY_PRIVATE_KEY: "",
    AMAZON_PAY_PRIVATE_KEY_PATH: "",
    AMAZON_PAY_API_BASE_URL: "",
    // Few, short retries: a test of Amazon not answering should not wait for long.
    AMAZON_PAY_MAX_ATTEMPTS: "2",
    AMAZON_PAY_ATTEMPT_TIMEOUT_MS: "2000",
    AMAZON_PAY_MAX_TOTAL_MS: "4000",
    STOREFRONT_CRASH_POINT: "",
    LOG_LEVEL: "silent",
    ...options.environment,
  };
}

/**
 * The shop's data folder, holding only its local merchant key. RSA keys are slow to make, so
 * one is made per user and machine and kept in the temp folder; a rename publishes it whole
 * for test files running in parallel.
 */
function sharedMerchantDir(): string {
  const dir = path.join(tmpdir(), `storefront-test-merchant-${process.getuid?.() ?? "user"}`);
  if (readLocalMerchant(dir)) return dir;
  const scratch = mkdtempSync(path.join(tmpdir(), "storefront-test-merchant-new-"));
  ensureLocalMerchant(scratch);
  mkdirSync(dir, { recursive: true });
  renameSync(localMerchantFile(scratch), localMerchantFile(dir));
  rmSync(scratch, { recursive: true, force: true });
  return dir;
}

/** The shop logs each placed order with console.log; tests keep their output to failures. */
function silenceCheckoutLog(): () => void {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[checkout]")) return;
    log(...args);
  };
  return () => {
    console.log = log;
  };
}
