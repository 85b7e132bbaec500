// The benchmark's load: whole checkouts by N buyers at once, and catalog page reads.
import type { BenchEnvironment } from "./environment";
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

export interface CatalogLoad {
  requestsPerSecond: number;
  latency: LatencySummary;
  failures: number;
}

/** Catalog reads (home and product page) for a few seconds: requests per second and latency. */
export async function catalogLoad(
  env: BenchEnvironment,
  concurrency: number,
  seconds: number,
): Promise<CatalogLoad> {
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
