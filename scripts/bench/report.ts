// What the checkout benchmark prints and writes: a line per level while it runs, then the
// tables, the floor and catalog figures, the machine, and every figure as JSON under the
// results folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import {
  catalogTimesFloor,
  floorOf,
  levelFloorMultiples,
  perCheckoutTable,
  readTable,
  type ReadResult,
} from "./floor";
import { levelTable, machineTable, stepTable, type LevelResult } from "./stats";
import { AMAZON_PAGE_STEPS, STEPS } from "./timed-checkout";

/** The catalog figures of the results file (`catalog[].database`, `requestsPerSecond`, ...). */
export type CatalogResult = ReadResult;

export interface BenchResults {
  results: LevelResult[];
  catalog: ReadResult[];
  /** GET /api/health at the same concurrency: the floor the other figures are multiples of. */
  floor: ReadResult[];
}

export function levelLine(level: LevelResult): string {
  const operations = Object.entries(level.amazonCallsByOperation)
    .map(([op, n]) => `${Number(n.toFixed(2))} × ${op}`)
    .join(", ");
  return `[bench]   ${level.concurrency} at once: ${level.checkoutsPerSecond.toFixed(1)} checkouts/s, p50 ${Math.round(level.checkout.p50)} ms, p95 ${Math.round(level.checkout.p95)} ms, ${level.buyerPathCallsPerCheckout.toFixed(1)} Amazon calls in the buyer's path (${level.amazonCallsPerCheckout.toFixed(1)} in all: ${operations}), ${level.shopRequestsPerCheckout?.toFixed(1)} shop requests and ${level.databaseStatementsPerCheckout?.toFixed(1)} database statements per checkout, ${level.failures} failed, ${level.verifiedOrders}/${level.checkouts} orders verified`;
}

export function readLine(label: string, reads: ReadResult): string {
  return `[bench]   ${label}, ${reads.concurrency} at once: ${reads.requestsPerSecond.toFixed(0)} requests/s, p50 ${Math.round(reads.latency.p50)} ms, p95 ${Math.round(reads.latency.p95)} ms, p99 ${Math.round(reads.latency.p99)} ms, ${reads.cpuMsPerRequest.toFixed(2)} ms shop CPU per request, ${reads.failures} failed`;
}

/** Writes the JSON results and prints the summary. */
export function report(root: string, out: string, bench: BenchResults, failureSamples: string[]): void {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const results = bench.results.map((level) => ({
    ...level,
    floorMultiples: levelFloorMultiples(level, floorOf(bench.floor, level.database)),
  }));
  const catalog = bench.catalog.map((reads) => ({
    ...reads,
    timesFloor: catalogTimesFloor(reads, floorOf(bench.floor, reads.database)),
  }));
  mkdirSync(path.join(root, out), { recursive: true });
  const file = path.join(root, out, `checkout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify({ machine, results, catalog, floor: bench.floor, failureSamples }, null, 2),
  );

  if (results.length > 0) {
    const shopSteps = STEPS.filter((s) => !AMAZON_PAGE_STEPS.has(s));
    console.log(`\n${levelTable(results)}\n\n${perCheckoutTable(results, bench.floor)}`);
    console.log(`\n${stepTable(results, shopSteps)}`);
    console.log(`\n${machineTable(results)}`);
  }
  if (catalog.length > 0) console.log(`\n${readTable(bench.floor, catalog)}`);
  if (failureSamples.length)
    console.log(`\nfailures (first few):\n  ${failureSamples.slice(0, 5).join("\n  ")}`);
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; results in ${path.relative(root, file)}`,
  );
}
