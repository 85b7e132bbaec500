// npm run bench: whole redirect checkouts per second through the production build and the local
// Amazon Pay emulator, on SQLite and PostgreSQL, with the emulator answering at once or after an
// added latency (Amazon's API is a network hop away), for 1, 8 and 32 buyers at once. Each
// buyer is an HTTP client running the no-JavaScript path of the checkout (e2e/support/http-buyer).
// After each level the orders are read back: every completed checkout must be one Paid order
// with a charge id and the captured total. Not a test: figures only. Run `npm run build` first.
//
//   npm run bench -- --database sqlite,postgresql --latency 0,100 --concurrency 1,8,32
//                    [--checkouts N] [--catalog-seconds 5] [--shop-port 3300] [--emulator-port 4310]
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPortFree, startShop } from "@/e2e/support/shop-process";
import { epochNow, type ApiCall } from "@storefront/amazon-pay-emulator/core/api-call-log";
import { ensureLocalMerchant } from "@/lib/payments/local-merchant";
import { createPrismaClient } from "@/lib/prisma/create-client";
import { ensurePostgresDatabase } from "@/scripts/db/ensure-postgres-database";
import { prepareDatabase } from "@/scripts/db/prepare";
import { startEmulatorProcess } from "@/scripts/local-emulator";
import { processTreeCpuMs } from "./process-cpu";
import { attributeCalls } from "./attribute-calls";
import { levelTable, stepTable, summarize, type LatencySummary, type LevelResult } from "./stats";
import { AMAZON_PAGE_STEPS, STEPS, timedCheckout, type Step, type TimedCheckout } from "./timed-checkout";

const { values: args } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite,postgresql" },
    latency: { type: "string", default: "0,100" },
    concurrency: { type: "string", default: "1,8,32" },
    checkouts: { type: "string" },
    "catalog-seconds": { type: "string", default: "5" },
    "shop-port": { type: "string", default: "3300" },
    "emulator-port": { type: "string", default: "4310" },
    "postgres-url": {
      type: "string",
      default: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/storefront_bench",
    },
    out: { type: "string", default: "bench-results" },
  },
});

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const numbers = (text: string, name: string) =>
  list(text).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: "${s}" is not a whole number`);
    return n;
  });
const databases = list(args.database).map((d) => {
  if (d !== "sqlite" && d !== "postgresql")
    throw new Error(`--database: "${d}" is neither sqlite nor postgresql`);
  return d;
});
const latencies = numbers(args.latency, "latency");
const concurrencies = numbers(args.concurrency, "concurrency").filter((c) => c > 0);
const fixedCheckouts = args.checkouts === undefined ? undefined : numbers(args.checkouts, "checkouts")[0];
const catalogSeconds = Number(args["catalog-seconds"]);
const SHOP_PORT = Number(args["shop-port"]);
const EMULATOR_PORT = Number(args["emulator-port"]);
const SLUG = "wool-camp-blanket";

const root = path.join(import.meta.dirname, "../..");
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const running: ChildProcess[] = [];
const stopAll = () => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

interface Environment {
  shopUrl: string;
  emulatorUrl: string;
  dataDir: string;
  databaseUrl: string;
  shopPid: number;
  close(): Promise<void>;
}

async function startEnvironment(database: "sqlite" | "postgresql", latencyMs: number): Promise<Environment> {
  await assertPortFree(EMULATOR_PORT);
  const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-bench-"));
  const databaseUrl = database === "sqlite" ? `file:${path.join(dataDir, "bench.db")}` : args["postgres-url"];
  if (database === "postgresql") await ensurePostgresDatabase(databaseUrl);
  await prepareDatabase({ url: databaseUrl, reset: true, quiet: true });

  const shopUrl = `http://127.0.0.1:${SHOP_PORT}`;
  const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
  const merchant = ensureLocalMerchant(dataDir);
  const emulator = await startEmulatorProcess({
    url: emulatorUrl,
    merchant,
    ipnUrl: `${shopUrl}/api/amazon-pay/ipn`,
    quiet: true,
    env: {
      AMAZON_PAY_EMULATOR_DATA_DIR: path.join(dataDir, "emulator"),
      AMAZON_PAY_EMULATOR_LATENCY_MS: String(latencyMs),
      AMAZON_PAY_EMULATOR_QUIET: "1",
    },
  });
  if (emulator.child) running.push(emulator.child);

  // The production defaults of the reconciler, not the e2e run's one-second cadence.
  const shop = await startShop({
    port: SHOP_PORT,
    quiet: true,
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AMAZON_PAY_EMULATOR_HOST: "127.0.0.1",
      AMAZON_PAY_EMULATOR_PORT: String(EMULATOR_PORT),
      RECONCILER_INTERVAL_SECONDS: "30",
      RECONCILER_POLL_BASE_SECONDS: "15",
      RECONCILER_DRAFT_GRACE_SECONDS: "120",
    },
  });
  running.push(shop.child);
  return {
    shopUrl,
    emulatorUrl,
    dataDir,
    databaseUrl,
    shopPid: shop.child.pid!,
    close: async () => {
      await shop.stop();
      if (emulator.child) await stop(emulator.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `total` checkouts by `concurrency` buyers at once; failures are counted, not thrown. */
async function runCheckouts(env: Environment, concurrency: number, total: number) {
  const done: TimedCheckout[] = [];
  const errors: string[] = [];
  let started = 0;
  const amazon = { emulatorUrl: env.emulatorUrl, dataDir: env.dataDir };
  async function worker() {
    while (started < total) {
      started += 1;
      try {
        done.push(await timedCheckout(env.shopUrl, amazon, SLUG));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { done, errors };
}

/**
 * Every completed checkout must be exactly one Paid order with a charge id and its total
 * captured. Returns how many are, and the Amazon object ids of each checkout.
 */
async function verifyOrders(
  env: Environment,
  sessionIds: string[],
): Promise<{ verified: number; idsOf: Map<string, string[]> }> {
  const db = createPrismaClient(env.databaseUrl, { poolSize: 1 });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const orders = await db.order.findMany({
        where: { checkoutSessionId: { in: sessionIds } },
        include: { charges: true },
      });
      const good = orders.filter(
        (o) =>
          o.status === "Paid" &&
          o.chargeId &&
          o.chargePermissionId &&
          o.capturedMinor === o.totalMinor &&
          o.totalMinor > 0,
      );
      if (good.length === sessionIds.length || Date.now() > deadline) {
        const idsOf = new Map(
          orders.map((o) => [
            o.checkoutSessionId,
            [o.checkoutSessionId, o.chargePermissionId ?? "", ...o.charges.map((c) => c.id)].filter(Boolean),
          ]),
        );
        return { verified: good.length, idsOf };
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await db.$disconnect();
  }
}

async function apiCallsSince(env: Environment, since: number): Promise<ApiCall[]> {
  const response = await fetch(`${env.emulatorUrl}/__emulator/api-calls?since=${since}`);
  if (!response.ok) throw new Error(`the emulator's API call log answered ${response.status}`);
  return ((await response.json()) as { calls: ApiCall[] }).calls;
}

/** Catalog reads (home and product page) for a few seconds: requests per second and latency. */
async function catalogLoad(
  env: Environment,
  concurrency: number,
  seconds: number,
): Promise<{ requestsPerSecond: number; latency: LatencySummary; failures: number }> {
  const targets = ["/", `/products/${SLUG}`];
  const samples: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  async function worker(offset: number) {
    for (let i = offset; performance.now() < until; i++) {
      const at = performance.now();
      const response = await fetch(new URL(targets[i % targets.length]!, env.shopUrl));
      await response.arrayBuffer();
      if (response.status === 200) samples.push(performance.now() - at);
      else failures += 1;
    }
  }
  const at = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  return {
    requestsPerSecond: samples.length / ((performance.now() - at) / 1000),
    latency: summarize(samples),
    failures,
  };
}

async function main() {
  const results: LevelResult[] = [];
  const catalog: {
    database: string;
    concurrency: number;
    requestsPerSecond: number;
    latency: LatencySummary;
    failures: number;
  }[] = [];
  const failureSamples: string[] = [];
  for (const database of databases) {
    for (const latencyMs of latencies) {
      console.log(
        `\n[bench] ${database}, Amazon latency ${latencyMs} ms: starting the emulator and the shop`,
      );
      const env = await startEnvironment(database, latencyMs);
      try {
        // Warm-up: the first requests of a fresh server compile and cache.
        const warm = await runCheckouts(env, 2, 4);
        if (warm.errors.length) throw new Error(`warm-up checkouts failed: ${warm.errors[0]}`);
        for (const concurrency of concurrencies) {
          const total = fixedCheckouts ?? Math.max(24, concurrency * 3);
          const cpuBefore = processTreeCpuMs(env.shopPid);
          const since = epochNow();
          const at = performance.now();
          const { done, errors } = await runCheckouts(env, concurrency, total);
          const seconds = (performance.now() - at) / 1000;
          const cpuMs = processTreeCpuMs(env.shopPid) - cpuBefore;
          failureSamples.push(...errors.slice(0, 3));
          const { verified, idsOf } = await verifyOrders(
            env,
            done.map((d) => d.sessionId),
          );
          const attribution = attributeCalls(
            done,
            await apiCallsSince(env, since),
            (sessionId) => idsOf.get(sessionId) ?? [],
          );
          const steps = Object.fromEntries(
            STEPS.map((s: Step) => [
              s,
              {
                latency: summarize(done.map((d) => d.steps[s].endedAt - d.steps[s].startedAt)),
                overhead: summarize(attribution.overheadMs[s]),
                calls: attribution.callsByStep[s] ?? {},
              },
            ]),
          );
          const level: LevelResult = {
            database,
            latencyMs,
            concurrency,
            checkouts: total,
            failures: errors.length,
            seconds,
            checkoutsPerSecond: done.length / seconds,
            requestsPerSecond: done.reduce((sum, d) => sum + d.requests, 0) / seconds,
            checkout: summarize(done.map((d) => d.totalMs)),
            steps,
            amazonCallsPerCheckout: attribution.callsPerCheckout,
            amazonCallsByOperation: attribution.callsByOperation,
            buyerPathCallsPerCheckout: attribution.buyerPathCallsPerCheckout,
            shopCpuMsPerCheckout: done.length ? cpuMs / done.length : Number.NaN,
            verifiedOrders: verified,
          };
          results.push(level);
          console.log(
            `[bench]   ${concurrency} at once: ${level.checkoutsPerSecond.toFixed(1)} checkouts/s, p50 ${Math.round(level.checkout.p50)} ms, p95 ${Math.round(level.checkout.p95)} ms, ${level.buyerPathCallsPerCheckout.toFixed(1)} Amazon calls in the buyer's path (${level.amazonCallsPerCheckout.toFixed(1)} in all: ${Object.entries(
              attribution.callsByOperation,
            )
              .map(([op, n]) => `${Number(n.toFixed(2))} × ${op}`)
              .join(", ")}), ${errors.length} failed, ${level.verifiedOrders}/${total} orders verified`,
          );
        }
        if (latencyMs === latencies[0] && catalogSeconds > 0) {
          const reads = await catalogLoad(env, 32, catalogSeconds);
          catalog.push({ database, concurrency: 32, ...reads });
          console.log(
            `[bench]   catalog pages, 32 at once: ${reads.requestsPerSecond.toFixed(0)} requests/s, p50 ${Math.round(reads.latency.p50)} ms, p95 ${Math.round(reads.latency.p95)} ms`,
          );
        }
      } finally {
        await env.close();
      }
    }
  }

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  mkdirSync(path.join(root, args.out), { recursive: true });
  const file = path.join(root, args.out, `checkout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine, results, catalog, failureSamples }, null, 2));

  const shopSteps = STEPS.filter((s) => !AMAZON_PAGE_STEPS.has(s));
  console.log(`\n${levelTable(results)}\n\n${stepTable(results, shopSteps)}\n`);
  for (const c of catalog) {
    console.log(
      `catalog (${c.database}, ${c.concurrency} at once): ${c.requestsPerSecond.toFixed(0)} requests/s, p50 ${Math.round(c.latency.p50)} ms, p95 ${Math.round(c.latency.p95)} ms, p99 ${Math.round(c.latency.p99)} ms, ${c.failures} failed`,
    );
  }
  if (failureSamples.length)
    console.log(`\nfailures (first few):\n  ${failureSamples.slice(0, 5).join("\n  ")}`);
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; results in ${path.relative(root, file)}`,
  );
  const bad = results.some((r) => r.failures > 0 || r.verifiedOrders !== r.checkouts);
  process.exitCode = bad ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(stopAll);
