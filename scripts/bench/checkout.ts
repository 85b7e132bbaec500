// npm run bench: whole redirect checkouts per second through the production build and the local
// Amazon Pay emulator, on SQLite and PostgreSQL, with the emulator answering at once or after an
// added latency (Amazon's API is a network hop away), for 1, 8 and 32 buyers at once. Each
// buyer is an HTTP client running the no-JavaScript path of the checkout (e2e/support/http-buyer).
// After each level the orders are read back: every completed checkout must be one Paid order
// with a charge id and the captured total. Not a test: figures only. Run `npm run build` first.
//
// Each database's run also measures the floor (GET /api/health) and the catalog pages, 32
// clients for --catalog-seconds each; --catalog-only measures those alone.
//
//   npm run bench -- --database sqlite,postgresql --latency 0,100 --concurrency 1,8,32
//                    [--checkouts N] [--catalog-seconds 5] [--catalog-only]
//                    [--instances 1] [--shop-port 3300] [--emulator-port 4310] [--past-orders 0]
//
// --past-orders N writes N paid orders (cart, line, charge, events, IPN record) into the fresh
// database first, so the checkouts run against a shop with a history, not an empty one.
// --instances N starts N shop processes on one database (ports from --shop-port up), as a
// machine with N cores would run them behind a load balancer; each buyer stays with one.
import { existsSync } from "node:fs";
import path from "node:path";
import { epochNow } from "@storefront/amazon-pay-emulator/core/api-call-log";
import { attributeCalls } from "./attribute-calls";
import { apiCallsSince, startEnvironment, stopAll, type BenchEnvironment } from "./environment";
import { databaseWorkBetween, databaseWorkSoFar, type ReadResult } from "./floor";
import { CATALOG_PATHS, FLOOR_PATHS, readLoad, runCheckouts } from "./load";
import { parseBenchOptions, type BenchDatabase } from "./options";
import { machineCpuUse, readCpuCounters } from "./machine-cpu";
import { levelLine, readLine, report } from "./report";
import { summarize, type LevelResult } from "./stats";
import { STEPS } from "./timed-checkout";
import { verifyOrders } from "./verify-orders";

const options = parseBenchOptions();
const root = path.join(import.meta.dirname, "../..");
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

/** One level: `concurrency` buyers at once, timed, verified and laid over Amazon's call log. */
async function measureLevel(
  env: BenchEnvironment,
  database: BenchDatabase,
  latencyMs: number,
  concurrency: number,
): Promise<{ level: LevelResult; errors: string[] }> {
  const total = options.fixedCheckouts ?? Math.max(24, concurrency * 3);
  const databaseBefore = await databaseWorkSoFar(env.shopUrls);
  const cpuBefore = readCpuCounters(env.shopPids, env.emulatorPid);
  const since = epochNow();
  const at = performance.now();
  const { done, errors } = await runCheckouts(env, concurrency, total);
  const seconds = (performance.now() - at) / 1000;
  const machineCpu = machineCpuUse(cpuBefore, readCpuCounters(env.shopPids, env.emulatorPid), done.length);
  const databaseWork = databaseWorkBetween(databaseBefore, await databaseWorkSoFar(env.shopUrls));
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
    STEPS.map((s) => [
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
    instances: env.shopUrls.length,
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
    shopCpuMsPerCheckout: machineCpu.msPerCheckout.shop,
    machineCpu,
    shopRequestsPerCheckout: done.length
      ? done.reduce((sum, d) => sum + d.shopRequests, 0) / done.length
      : Number.NaN,
    databaseStatementsPerCheckout: done.length ? databaseWork.statements / done.length : Number.NaN,
    databaseTransactionsPerCheckout: done.length ? databaseWork.transactions / done.length : Number.NaN,
    verifiedOrders: verified,
  };
  return { level, errors };
}

/** The floor and the catalog pages, 32 clients each, in the environment of the levels just run. */
async function measureReads(env: BenchEnvironment, database: BenchDatabase) {
  const instances = env.shopUrls.length;
  const floor: ReadResult = {
    database,
    concurrency: 32,
    instances,
    ...(await readLoad(env, FLOOR_PATHS, 32, options.catalogSeconds)),
  };
  console.log(readLine("floor (/api/health)", floor));
  const catalog: ReadResult = {
    database,
    concurrency: 32,
    instances,
    ...(await readLoad(env, CATALOG_PATHS, 32, options.catalogSeconds)),
  };
  console.log(readLine("catalog pages", catalog));
  return { floor, catalog };
}

async function main() {
  const results: LevelResult[] = [];
  const catalog: ReadResult[] = [];
  const floor: ReadResult[] = [];
  const failureSamples: string[] = [];
  const latencies = options.catalogOnly ? options.latencies.slice(0, 1) : options.latencies;
  for (const database of options.databases) {
    for (const latencyMs of latencies) {
      console.log(
        `\n[bench] ${database}, Amazon latency ${latencyMs} ms: starting the emulator and ${options.instances === 1 ? "the shop" : `${options.instances} shop processes`}`,
      );
      const env = await startEnvironment(options, database, latencyMs);
      try {
        if (!options.catalogOnly) {
          // Warm-up: the first requests of a fresh server compile and cache.
          const warm = await runCheckouts(env, 2, 4);
          if (warm.errors.length) throw new Error(`warm-up checkouts failed: ${warm.errors[0]}`);
          for (const concurrency of options.concurrencies) {
            const { level, errors } = await measureLevel(env, database, latencyMs, concurrency);
            failureSamples.push(...errors.slice(0, 3));
            results.push(level);
            console.log(levelLine(level));
          }
        }
        if (latencyMs === latencies[0] && options.catalogSeconds > 0) {
          const reads = await measureReads(env, database);
          floor.push(reads.floor);
          catalog.push(reads.catalog);
        }
      } finally {
        await env.close();
      }
    }
  }
  report(root, options.out, { results, catalog, floor }, failureSamples);
  const bad = results.some((r) => r.failures > 0 || r.verifiedOrders !== r.checkouts);
  process.exitCode = bad ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(stopAll);
