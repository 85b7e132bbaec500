import { describe, expect, it } from "vitest";
import { backoffDelay, isRetryableStatus } from "./retry-policy";

describe("retry policy", () => {
  it("classifies statuses: 408, 425, 429 and 5xx are transient", () => {
    expect([408, 425, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409, 422, 426].some(isRetryableStatus)).toBe(false);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});
