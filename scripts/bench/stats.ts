// Pure helpers of the checkout benchmark: latency summaries and the results table.
import type { MachineCpuUse } from "./machine-cpu";

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of milliseconds (p in 0..100). */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export interface StepResult {
  latency: LatencySummary;
  /** The step's time minus the time inside Amazon API calls made during it. */
  overhead: LatencySummary;
  /** Amazon API calls per checkout made during this step, by operation. */
  calls: Record<string, number>;
}

export interface LevelResult {
  database: "sqlite" | "postgresql";
  latencyMs: number;
  concurrency: number;
  /** Shop processes on the one database (1 unless --instances says more). */
  instances?: number;
  checkouts: number;
  failures: number;
  seconds: number;
  checkoutsPerSecond: number;
  requestsPerSecond: number;
  checkout: LatencySummary;
  steps: Record<string, StepResult>;
  /** Every Amazon call about the checkout, per checkout, and by operation. */
  amazonCallsPerCheckout: number;
  amazonCallsByOperation: Record<string, number>;
  /** The calls the buyer's requests made (and waited for). */
  buyerPathCallsPerCheckout: number;
  /** CPU time of the shop's processes per completed checkout. */
  shopCpuMsPerCheckout: number;
  /** The buyer's requests to the shop per checkout (Amazon's pages and IPNs not counted). */
  shopRequestsPerCheckout?: number;
  /** Statements the shop sent to its database per checkout, IPNs and background work included. */
  databaseStatementsPerCheckout?: number;
  /** Transactions among those statements, per checkout. */
  databaseTransactionsPerCheckout?: number;
  /** Orders in the database that match a completed checkout, paid and with a charge id. */
  verifiedOrders: number;
  /** The whole machine during the level: how busy, and whose CPU each checkout took. */
  machineCpu?: MachineCpuUse;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "-");

/** The database, and the number of shop processes when more than one. */
export const databaseLabel = (r: { database: string; instances?: number | undefined }) =>
  (r.instances ?? 1) > 1 ? `${r.database}, ${r.instances} processes` : r.database;

/** One row per database, Amazon latency and concurrency. */
export function levelTable(results: readonly LevelResult[]): string {
  const header = [
    "| database | Amazon latency | buyers at once | checkouts | failed | checkouts/s | checkout p50 ms | p95 ms | Amazon calls / checkout: buyer's (all) | shop CPU ms / checkout | orders verified |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = results.map((r) =>
    [
      databaseLabel(r),
      `${r.latencyMs} ms`,
      r.concurrency,
      r.checkouts,
      r.failures,
      r.checkoutsPerSecond.toFixed(1),
      ms(r.checkout.p50),
      ms(r.checkout.p95),
      `${r.buyerPathCallsPerCheckout.toFixed(1)} (${r.amazonCallsPerCheckout.toFixed(1)})`,
      ms(r.shopCpuMsPerCheckout),
      `${r.verifiedOrders}/${r.checkouts}`,
    ].join(" | "),
  );
  return [...header, ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** Where the machine's CPU went per checkout: the shop, the emulator, the buyers and the rest. */
export function machineTable(results: readonly LevelResult[]): string {
  const header = [
    "| database | Amazon latency | buyers at once | machine busy | CPU ms / checkout: shop | emulator | buyers (load generator) | rest (database server, system) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = results.flatMap((r) => {
    const use = r.machineCpu;
    if (!use) return [];
    const busy = Number.isFinite(use.busyPercent)
      ? `${Math.round(use.busyPercent)} % of ${use.cores} cores`
      : "-";
    const { shop, emulator, buyers, rest } = use.msPerCheckout;
    return [
      `| ${[databaseLabel(r), `${r.latencyMs} ms`, r.concurrency, busy, ms(shop), ms(emulator), ms(buyers), ms(rest)].join(" | ")} |`,
    ];
  });
  return [...header, ...rows].join("\n");
}

/** Per step of the shop: latency, overhead (outside Amazon) and the Amazon calls it made. */
export function stepTable(results: readonly LevelResult[], steps: readonly string[]): string {
  const header = [
    "| database | Amazon latency | buyers at once | step | p50 ms | p95 ms | overhead p50 ms | overhead p95 ms | Amazon calls |",
    "|---|---:|---:|---|---:|---:|---:|---:|---|",
  ];
  const rows: string[] = [];
  for (const r of results) {
    for (const step of steps) {
      const s = r.steps[step];
      if (!s) continue;
      const calls =
        Object.entries(s.calls)
          .map(([op, n]) => `${n === 1 ? "" : `${Number(n.toFixed(2))} × `}${op}`)
          .join(", ") || "none";
      rows.push(
        `| ${[databaseLabel(r), `${r.latencyMs} ms`, r.concurrency, step, ms(s.latency.p50), ms(s.latency.p95), ms(s.overhead.p50), ms(s.overhead.p95), calls].join(" | ")} |`,
      );
    }
  }
  return [...header, ...rows].join("\n");
}
