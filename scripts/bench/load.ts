// The benchmark's load: whole checkouts by N buyers at once, and reads (the health endpoint, the
// floor; the catalog pages).
import type { BenchEnvironment } from "./environment";
import { processTreeCpuMs } from "./process-cpu";
import { summarize, type LatencySummary } from "./stats";
import { timedCheckout, type TimedCheckout } from "./timed-checkout";

export const SLUG = "wool-camp-blanket";

/** `total` checkouts by `concurrency` buyers at once; failures are counted, not thrown. */
export async function runCheckouts(env: BenchEnvironment, concurrency: number, total: number) {
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

export interface ReadLoad {
  requestsPerSecond: number;
  latency: LatencySummary;
  failures: number;
  /** CPU time of the shop's processes per answered request. */
  cpuMsPerRequest: number;
}
/** Kept under its old name: the catalog figures of the results file. */
export type CatalogLoad = ReadLoad;

/** The cheapest request through the whole shop (proxy, route, one database query): the floor. */
export const FLOOR_PATHS = ["/api/health"];
/** Catalog reads: the home page and a product page, alternately. */
export const CATALOG_PATHS = ["/", `/products/${SLUG}`];

/** GETs of `paths` (in turn) by `concurrency` clients for a few seconds: requests per second, latency, CPU. */
export async function readLoad(
  env: BenchEnvironment,
  paths: readonly string[],
  concurrency: number,
  seconds: number,
): Promise<ReadLoad> {
  for (const path of paths) await (await fetch(new URL(path, env.shopUrl))).arrayBuffer(); // rendered, cached
  const samples: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  async function worker(offset: number) {
    for (let i = offset; performance.now() < until; i++) {
      const at = performance.now();
      const response = await fetch(new URL(paths[i % paths.length]!, env.shopUrl));
      await response.arrayBuffer();
      if (response.status === 200) samples.push(performance.now() - at);
      else failures += 1;
    }
  }
  const cpuBefore = processTreeCpuMs(env.shopPid);
  const at = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const elapsed = (performance.now() - at) / 1000;
  return {
    requestsPerSecond: samples.length / elapsed,
    latency: summarize(samples),
    failures,
    cpuMsPerRequest: samples.length
      ? (processTreeCpuMs(env.shopPid) - cpuBefore) / samples.length
      : Number.NaN,
  };
}
