// What the checkout benchmark prints and writes: a line per level while it runs, then the
// tables, the catalog figures, the machine, and every figure as JSON under the results folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import type { CatalogLoad } from "./load";
import { levelTable, stepTable, type LevelResult } from "./stats";
import { AMAZON_PAGE_STEPS, STEPS } from "./timed-checkout";

export interface CatalogResult extends CatalogLoad {
  database: string;
  concurrency: number;
}

export function levelLine(level: LevelResult): string {
  const operations = Object.entries(level.amazonCallsByOperation)
    .map(([op, n]) => `${Number(n.toFixed(2))} × ${op}`)
    .join(", ");
  return `[bench]   ${level.concurrency} at once: ${level.checkoutsPerSecond.toFixed(1)} checkouts/s, p50 ${Math.round(level.checkout.p50)} ms, p95 ${Math.round(level.checkout.p95)} ms, ${level.buyerPathCallsPerCheckout.toFixed(1)} Amazon calls in the buyer's path (${level.amazonCallsPerCheckout.toFixed(1)} in all: ${operations}), ${level.failures} failed, ${level.verifiedOrders}/${level.checkouts} orders verified`;
}

export function catalogLine(reads: CatalogResult): string {
  return `catalog (${reads.database}, ${reads.concurrency} at once): ${reads.requestsPerSecond.toFixed(0)} requests/s, p50 ${Math.round(reads.latency.p50)} ms, p95 ${Math.round(reads.latency.p95)} ms, p99 ${Math.round(reads.latency.p99)} ms, ${reads.failures} failed`;
}

/** Writes the JSON results and prints the summary. */
export function report(
  root: string,
  out: string,
  results: LevelResult[],
  catalog: CatalogResult[],
  failureSamples: string[],
): void {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  mkdirSync(path.join(root, out), { recursive: true });
  const file = path.join(root, out, `checkout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine, results, catalog, failureSamples }, null, 2));

  const shopSteps = STEPS.filter((s) => !AMAZON_PAGE_STEPS.has(s));
  console.log(`\n${levelTable(results)}\n\n${stepTable(results, shopSteps)}\n`);
  for (const c of catalog) console.log(catalogLine(c));
  if (failureSamples.length)
    console.log(`\nfailures (first few):\n  ${failureSamples.slice(0, 5).join("\n  ")}`);
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; results in ${path.relative(root, file)}`,
  );
}
