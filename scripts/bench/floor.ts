// The floor of the benchmark: /api/health, the cheapest request through the whole shop (the
// proxy, a route, one database query), measured in the same run as everything else. The catalog
// and checkout figures are also given as multiples of it, which says more than raw figures from
// a machine shared with other work: a catalog page close to 1 × the floor costs no more than
// the shop's minimum; a checkout costs as much CPU as N floor requests.
import { z } from "zod";
import type { ReadLoad } from "./load";
import { databaseLabel, type LevelResult } from "./stats";

export interface ReadResult extends ReadLoad {
  database: string;
  concurrency: number;
  /** Shop processes the clients were spread over (1 when unset). */
  instances?: number;
}

/** What the report adds to a level: its cost in floor requests. */
export interface FloorMultiples {
  /** Shop CPU per checkout ÷ shop CPU per floor request. */
  cpuInFloorRequests: number;
}

const healthSchema = z.looseObject({
  databaseStatements: z.number().int().nonnegative(),
  databaseTransactions: z.number().int().nonnegative(),
});

export interface DatabaseWork {
  statements: number;
  transactions: number;
  /** How many processes were read (each reading sends one statement); 1 when unset. */
  readings?: number;
}

/**
 * The statements and transactions the shop's processes have sent to their database so far (each
 * one's /api/health counts its own), the readings' own queries included.
 */
export async function databaseWorkSoFar(shopUrls: readonly string[]): Promise<DatabaseWork> {
  const readings = await Promise.all(
    shopUrls.map(async (shopUrl) => {
      const response = await fetch(new URL("/api/health", shopUrl));
      if (!response.ok) throw new Error(`/api/health of ${shopUrl} answered ${response.status}`);
      return healthSchema.parse(await response.json());
    }),
  );
  return {
    statements: readings.reduce((sum, health) => sum + health.databaseStatements, 0),
    transactions: readings.reduce((sum, health) => sum + health.databaseTransactions, 0),
    readings: readings.length,
  };
}

/** The work between two readings, the second reading's own statements left out. */
export const databaseWorkBetween = (before: DatabaseWork, after: DatabaseWork): DatabaseWork => ({
  statements: after.statements - before.statements - (after.readings ?? 1),
  transactions: after.transactions - before.transactions,
});

export const floorOf = (floor: readonly ReadResult[], database: string) =>
  floor.find((f) => f.database === database);

/** Catalog requests per second as a multiple of the floor's (1 = as cheap as a health check). */
export function catalogTimesFloor(catalog: ReadResult, floor: ReadResult | undefined): number {
  return floor ? catalog.requestsPerSecond / floor.requestsPerSecond : Number.NaN;
}

export function levelFloorMultiples(level: LevelResult, floor: ReadResult | undefined): FloorMultiples {
  return { cpuInFloorRequests: floor ? level.shopCpuMsPerCheckout / floor.cpuMsPerRequest : Number.NaN };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

/** The floor and the catalog, side by side per database. */
export function readTable(floor: readonly ReadResult[], catalog: readonly ReadResult[]): string {
  const header = [
    "| database | clients | floor (/api/health) req/s | floor CPU ms / req | catalog req/s | catalog × floor | catalog p50 ms | p95 ms | catalog CPU ms / req |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = catalog.map((c) => {
    const f = floorOf(floor, c.database);
    return `| ${[
      databaseLabel(c),
      c.concurrency,
      fixed(f?.requestsPerSecond ?? Number.NaN, 0),
      fixed(f?.cpuMsPerRequest ?? Number.NaN, 2),
      fixed(c.requestsPerSecond, 0),
      fixed(catalogTimesFloor(c, f), 2),
      fixed(c.latency.p50, 0),
      fixed(c.latency.p95, 0),
      fixed(c.cpuMsPerRequest, 2),
    ].join(" | ")} |`;
  });
  return [...header, ...rows].join("\n");
}

/** Per checkout: requests, database statements, Amazon calls, CPU, and that CPU in floor requests. */
export function perCheckoutTable(results: readonly LevelResult[], floor: readonly ReadResult[]): string {
  const header = [
    "| database | Amazon latency | buyers at once | shop requests / checkout | database statements (transactions) / checkout | Amazon calls / checkout: buyer's (all) | shop CPU ms / checkout | CPU in floor requests |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = results.map(
    (r) =>
      `| ${[
        databaseLabel(r),
        `${r.latencyMs} ms`,
        r.concurrency,
        fixed(r.shopRequestsPerCheckout ?? Number.NaN, 1),
        `${fixed(r.databaseStatementsPerCheckout ?? Number.NaN, 1)} (${fixed(r.databaseTransactionsPerCheckout ?? Number.NaN, 1)})`,
        `${r.buyerPathCallsPerCheckout.toFixed(1)} (${r.amazonCallsPerCheckout.toFixed(1)})`,
        fixed(r.shopCpuMsPerCheckout, 0),
        fixed(levelFloorMultiples(r, floorOf(floor, r.database)).cpuInFloorRequests, 0),
      ].join(" | ")} |`,
  );
  return [...header, ...rows].join("\n");
}
