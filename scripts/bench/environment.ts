// The processes one benchmark level runs against: a fresh database, the emulator with the chosen
// latency, and the production shop with the reconciler's production defaults. Every child is
// tracked so Ctrl-C or a failure stops them all.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRoundRobinProxy, type RoundRobinProxy } from "@/e2e/support/round-robin-proxy";
import { assertPortFree, startShop } from "@/e2e/support/shop-process";
import type { ApiCall } from "@storefront/amazon-pay-emulator/core/api-call-log";
import { ensureLocalMerchant } from "@/lib/amazon-pay/local-merchant";
import { ensurePostgresDatabase } from "@/scripts/db/ensure-postgres-database";
import { prepareDatabase } from "@/scripts/db/prepare";
import { startEmulatorProcess } from "@/scripts/local-emulator";
import type { BenchDatabase, BenchOptions } from "./options";
import { writePastOrders } from "./past-orders";

export interface BenchEnvironment {
  /** The first shop process. */
  shopUrl: string;
  /** Every shop process (--instances), on one database; a buyer stays with one of them. */
  shopUrls: string[];
  emulatorUrl: string;
  dataDir: string;
  databaseUrl: string;
  shopPid: number;
  shopPids: number[];
  /** The emulator's process, when this run started one. */
  emulatorPid: number | null;
  close(): Promise<void>;
}

const running: ChildProcess[] = [];

export function stopAll(): void {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export async function startEnvironment(
  options: BenchOptions,
  database: BenchDatabase,
  latencyMs: number,
): Promise<BenchEnvironment> {
  await assertPortFree(options.emulatorPort);
  const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-bench-"));
  const databaseUrl = database === "sqlite" ? `file:${path.join(dataDir, "bench.db")}` : options.postgresUrl;
  if (database === "postgresql") await ensurePostgresDatabase(databaseUrl);
  await prepareDatabase({ url: databaseUrl, reset: true, quiet: true });
  await writePastOrders(databaseUrl, options.pastOrders);

  const shopUrls = Array.from(
    { length: options.instances },
    (_, i) => `http://127.0.0.1:${options.shopPort + i}`,
  );
  // Amazon sends IPNs to one address; with several processes a load balancer spreads them.
  let ipnBalancer: RoundRobinProxy | null = null;
  if (shopUrls.length > 1) {
    const balancerPort = options.shopPort + shopUrls.length;
    await assertPortFree(balancerPort);
    ipnBalancer = await startRoundRobinProxy(balancerPort, shopUrls);
  }
  try {
    return await startProcesses(options, { dataDir, databaseUrl, shopUrls, ipnBalancer }, latencyMs);
  } catch (error) {
    await ipnBalancer?.close(); // the processes that did start are stopped by stopAll()
    throw error;
  }
}

async function startProcesses(
  options: BenchOptions,
  where: { dataDir: string; databaseUrl: string; shopUrls: string[]; ipnBalancer: RoundRobinProxy | null },
  latencyMs: number,
): Promise<BenchEnvironment> {
  const { dataDir, databaseUrl, shopUrls, ipnBalancer } = where;
  const shopUrl = shopUrls[0]!;
  const emulatorUrl = `http://127.0.0.1:${options.emulatorPort}`;
  const merchant = ensureLocalMerchant(dataDir);
  const emulator = await startEmulatorProcess({
    url: emulatorUrl,
    merchant,
    ipnUrl: `${ipnBalancer?.url ?? shopUrl}/api/amazon-pay/ipn`,
    quiet: true,
    env: {
      AMAZON_PAY_EMULATOR_DATA_DIR: path.join(dataDir, "emulator"),
      AMAZON_PAY_EMULATOR_LATENCY_MS: String(latencyMs),
      AMAZON_PAY_EMULATOR_QUIET: "1",
    },
  });
  if (emulator.child) running.push(emulator.child);

  // The production defaults of the reconciler, not the e2e run's one-second cadence. Several
  // instances start together and share the database, as behind a load balancer.
  const started = await Promise.allSettled(
    shopUrls.map((url) =>
      startShop({
        port: Number(new URL(url).port),
        quiet: true,
        env: {
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          AMAZON_PAY_EMULATOR_HOST: "127.0.0.1",
          AMAZON_PAY_EMULATOR_PORT: String(options.emulatorPort),
          RECONCILER_INTERVAL_SECONDS: "30",
          RECONCILER_POLL_BASE_SECONDS: "15",
          RECONCILER_DRAFT_GRACE_SECONDS: "120",
          // A production server on the emulator, by choice; every simulated buyer comes from 127.0.0.1.
          ALLOW_EMULATOR_IN_PRODUCTION: "true",
          CHECKOUT_RATE_LIMIT_PER_MINUTE: "0",
        },
      }),
    ),
  );
  const shops = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  running.push(...shops.map((shop) => shop.child));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return {
    shopUrl,
    shopUrls,
    emulatorUrl,
    dataDir,
    databaseUrl,
    shopPid: shops[0]!.child.pid!,
    shopPids: shops.map((shop) => shop.child.pid!),
    emulatorPid: emulator.child?.pid ?? null,
    close: async () => {
      await Promise.all(shops.map((shop) => shop.stop()));
      await ipnBalancer?.close();
      if (emulator.child) await stop(emulator.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Amazon Pay API calls the emulator answered since `since` (epoch milliseconds). */
export async function apiCallsSince(env: BenchEnvironment, since: number): Promise<ApiCall[]> {
  const response = await fetch(`${env.emulatorUrl}/__emulator/api-calls?since=${since}`);
  if (!response.ok) throw new Error(`the emulator's API call log answered ${response.status}`);
  return ((await response.json()) as { calls: ApiCall[] }).calls;
}
