import { describe, expect, it } from "vitest";
import type { LighthouseRun } from "./audit";
import { median, summarizePage, summaryTable } from "./summary";

const run = (score: number, totalBlockingTimeMs: number): LighthouseRun => ({
  score,
  totalBlockingTimeMs,
  firstContentfulPaintMs: 900,
  largestContentfulPaintMs: 1200,
  speedIndexMs: 1000,
  cumulativeLayoutShift: 0,
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones, whatever the order", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNaN();
  });
});

describe("summarizePage", () => {
  it("compares the medians, so one slow round on a busy machine does not decide", () => {
    const summary = summarizePage("home", [
      { bare: run(100, 50), ours: run(99, 55) },
      { bare: run(98, 60), ours: run(60, 900) }, // the machine was busy for this one
      { bare: run(99, 40), ours: run(98, 45) },
    ]);
    expect(summary).toMatchObject({ page: "home", rounds: 3, scoreGap: 1, meetsAim: true });
    expect(summary.ours.totalBlockingTimeMs).toBe(55);
    expect(summary.blockingRatio).toBeCloseTo(55 / 50);
  });

  it("misses the aim at more than 3 points below the bare page", () => {
    expect(summarizePage("cart", [{ bare: run(100, 50), ours: run(96, 50) }]).meetsAim).toBe(false);
    expect(summarizePage("cart", [{ bare: run(100, 50), ours: run(97, 50) }]).meetsAim).toBe(true);
  });

  it("misses the aim at more than 1.2 × the bare page's blocking time, and has no ratio against 0", () => {
    expect(summarizePage("review", [{ bare: run(100, 100), ours: run(100, 121) }]).meetsAim).toBe(false);
    expect(summarizePage("review", [{ bare: run(100, 100), ours: run(100, 120) }]).meetsAim).toBe(true);
    const againstZero = summarizePage("review", [{ bare: run(100, 0), ours: run(100, 10) }]);
    expect(againstZero).toMatchObject({ blockingRatio: null, meetsAim: false });
  });
});

describe("summaryTable", () => {
  it("has a row per page with ours beside the bare page", () => {
    const table = summaryTable([summarizePage("product", [{ bare: run(100, 40), ours: run(99, 44) }])]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      "| product | 1 | 99 / 100 | 44 / 40 | 1.10 | 900 / 900 | 1200 / 1200 | 0.000 / 0.000 | yes |",
    );
  });
});
