import { describe, expect, it } from "vitest";
import {
  catalogTimesFloor,
  databaseWorkBetween,
  levelFloorMultiples,
  perCheckoutTable,
  readTable,
  type ReadResult,
} from "./floor";
import type { LevelResult } from "./stats";

const latency = { count: 10, p50: 20, p95: 40, p99: 50, max: 60 };
const reads = (database: string, requestsPerSecond: number, cpuMsPerRequest: number): ReadResult => ({
  database,
  concurrency: 32,
  requestsPerSecond,
  latency,
  failures: 0,
  cpuMsPerRequest,
});
const level = {
  database: "sqlite",
  latencyMs: 0,
  concurrency: 8,
  checkouts: 24,
  failures: 0,
  seconds: 8,
  checkoutsPerSecond: 3,
  requestsPerSecond: 30,
  checkout: latency,
  steps: {},
  amazonCallsPerCheckout: 6,
  amazonCallsByOperation: {},
  buyerPathCallsPerCheckout: 3,
  shopCpuMsPerCheckout: 400,
  shopRequestsPerCheckout: 9,
  databaseStatementsPerCheckout: 61.5,
  databaseTransactionsPerCheckout: 9.5,
  verifiedOrders: 24,
} satisfies LevelResult;

describe("figures relative to the floor", () => {
  const floor = [reads("sqlite", 1000, 1.6), reads("postgresql", 800, 2)];

  it("gives catalog throughput as a multiple of the floor's, of the same database", () => {
    expect(catalogTimesFloor(reads("sqlite", 900, 1.8), floor[0])).toBeCloseTo(0.9);
    expect(catalogTimesFloor(reads("sqlite", 900, 1.8), undefined)).toBeNaN();
  });

  it("counts the database work between two readings of /api/health, the second's own query left out", () => {
    expect(
      databaseWorkBetween({ statements: 100, transactions: 10 }, { statements: 171, transactions: 19 }),
    ).toEqual({ statements: 70, transactions: 9 });
    // Two shop processes: two readings, each with its own query.
    expect(
      databaseWorkBetween(
        { statements: 100, transactions: 10, readings: 2 },
        { statements: 172, transactions: 19, readings: 2 },
      ),
    ).toEqual({ statements: 70, transactions: 9 });
  });

  it("gives a checkout's CPU in floor requests", () => {
    expect(levelFloorMultiples(level, floor[0]).cpuInFloorRequests).toBe(250);
    expect(levelFloorMultiples(level, undefined).cpuInFloorRequests).toBeNaN();
  });

  it("prints the floor beside the catalog, and the per-checkout counts", () => {
    expect(readTable(floor, [reads("postgresql", 400, 4)]).split("\n")[2]).toBe(
      "| postgresql | 32 | 800 | 2.00 | 400 | 0.50 | 20 | 40 | 4.00 |",
    );
    expect(perCheckoutTable([level], floor).split("\n")[2]).toBe(
      "| sqlite | 0 ms | 8 | 9.0 | 61.5 (9.5) | 3.0 (6.0) | 400 | 250 |",
    );
  });
});
