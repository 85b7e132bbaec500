// The benchmark's load: whole checkouts by N buyers at once, and reads (the health endpoint, the
// floor; the catalog pages).
import http from "node:http";
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
  // Each buyer stays with one shop process, as a load balancer's sticky sessions would keep it.
  async function worker(buyer: number) {
    const shopUrl = env.shopUrls[buyer % env.shopUrls.length]!;
    while (started < total) {
      started += 1;
      try {
        done.push(await timedCheckout(shopUrl, amazon, SLUG));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, buyer) => worker(buyer)));
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

/**
 * One GET on a kept-alive connection, the body read and dropped; resolves with the status. The
 * reads use node:http rather than fetch: fetch costs the client about as much CPU per request
 * as the shop spends answering it, and on a shared 2-core machine that would be measured too.
 */
function get(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** GETs of `paths` (in turn) by `concurrency` clients for a few seconds: requests per second, latency, CPU. */
export async function readLoad(
  env: BenchEnvironment,
  paths: readonly string[],
  concurrency: number,
  seconds: number,
): Promise<ReadLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  // Client i reads from shop process i mod N.
  const urlsOf = (client: number) => {
    const shopUrl = env.shopUrls[client % env.shopUrls.length]!;
    return paths.map((path) => new URL(path, shopUrl));
  };
  const samples: number[] = [];
  let failures = 0;
  let until = 0;
  async function worker(offset: number, record: boolean) {
    const urls = urlsOf(offset);
    for (let i = offset; performance.now() < until; i++) {
      const at = performance.now();
      const status = await get(agent, urls[i % urls.length]!).catch(() => 0);
      if (!record) continue;
      if (status === 200) samples.push(performance.now() - at);
      else failures += 1;
    }
  }
  const clients = (record: boolean) =>
    Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i, record)));
  // One second of the same load first, not counted: pages rendered and cached, code warmed up.
  until = performance.now() + 1_000;
  await clients(false);
  until = performance.now() + seconds * 1000;
  const cpuBefore = processTreeCpuMs(env.shopPids);
  const at = performance.now();
  await clients(true);
  const elapsed = (performance.now() - at) / 1000;
  const cpuMs = processTreeCpuMs(env.shopPids) - cpuBefore;
  agent.destroy();
  return {
    requestsPerSecond: samples.length / elapsed,
    latency: summarize(samples),
    failures,
    cpuMsPerRequest: samples.length ? cpuMs / samples.length : Number.NaN,
  };
}
