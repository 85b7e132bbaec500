import { describe, expect, it } from "vitest";
import { levelTable, machineTable, percentile, stepTable, summarize, type LevelResult } from "./stats";

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([1, 2], 0)).toBe(1);
  });

  it("is NaN without samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts before ranking and reports the maximum", () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40 });
  });
});

describe("tables", () => {
  const level: LevelResult = {
    database: "postgresql",
    latencyMs: 100,
    concurrency: 8,
    checkouts: 48,
    failures: 0,
    seconds: 10,
    checkoutsPerSecond: 4.8,
    requestsPerSecond: 52.4,
    checkout: summarize([900, 1000, 1100]),
    steps: {
      placeOrder: {
        latency: summarize([200]),
        overhead: summarize([90]),
        calls: { "PATCH checkoutSessions": 1 },
      },
      complete: {
        latency: summarize([300]),
        overhead: summarize([12.4]),
        calls: { "POST checkoutSessions/complete": 1, "GET charges": 0.25 },
      },
      addToCart: { latency: summarize([40]), overhead: summarize([40]), calls: {} },
    },
    amazonCallsPerCheckout: 6.25,
    amazonCallsByOperation: {},
    buyerPathCallsPerCheckout: 3.25,
    shopCpuMsPerCheckout: 123.4,
    verifiedOrders: 48,
  };

  it("prints one row per level", () => {
    const table = levelTable([level]).split("\n");
    expect(table).toHaveLength(3);
    expect(table[2]).toBe(
      "| postgresql | 100 ms | 8 | 48 | 0 | 4.8 | 1000 | 1100 | 3.3 (6.3) | 123 | 48/48 |",
    );
  });

  it("prints where the machine's CPU went, for the levels that measured it", () => {
    const measured: LevelResult = {
      ...level,
      machineCpu: {
        busyPercent: 71.6,
        cores: 2,
        msPerCheckout: { shop: 150.4, emulator: 40.2, buyers: 20, rest: 9.6 },
      },
    };
    const table = machineTable([level, measured]).split("\n");
    expect(table.slice(2)).toEqual(["| postgresql | 100 ms | 8 | 72 % of 2 cores | 150 | 40 | 20 | 10 |"]);
  });

  it("prints one row per step asked for, with the calls it made", () => {
    const table = stepTable([level], ["addToCart", "placeOrder", "complete", "missing"]).split("\n");
    expect(table.slice(2)).toEqual([
      "| postgresql | 100 ms | 8 | addToCart | 40 | 40 | 40 | 40 | none |",
      "| postgresql | 100 ms | 8 | placeOrder | 200 | 200 | 90 | 90 | PATCH checkoutSessions |",
      "| postgresql | 100 ms | 8 | complete | 300 | 300 | 12 | 12 | POST checkoutSessions/complete, 0.25 × GET charges |",
    ]);
  });
});
