import { describe, expect, it } from "vitest";
import { ApiCallLog, epochNow } from "./api-call-log";

const call = (startedAt: number) => ({
  method: "GET",
  path: `/v2/checkoutSessions/${startedAt}`,
  status: 200,
  startedAt,
  durationMs: 1,
});

describe("ApiCallLog", () => {
  it("lists calls since a time, oldest first", () => {
    const log = new ApiCallLog();
    [10, 20, 30].forEach((t) => log.record(call(t)));
    expect(log.list(20).map((c) => c.startedAt)).toEqual([20, 30]);
    expect(log.list().length).toBe(3);
  });

  it("keeps only the newest calls up to its capacity", () => {
    const log = new ApiCallLog(2);
    [1, 2, 3].forEach((t) => log.record(call(t)));
    expect(log.list().map((c) => c.startedAt)).toEqual([2, 3]);
    log.clear();
    expect(log.list()).toEqual([]);
  });

  it("tells wall-clock time", () => {
    expect(Math.abs(epochNow() - Date.now())).toBeLessThan(50);
  });
});
