import { describe, expect, it } from "vitest";
import { createExpiringSet } from "./expiring-set";
import { createRateLimiter } from "./rate-limit";

function clock(start = 1_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe("token bucket rate limit", () => {
  it("lets a burst of `capacity` through, then refuses with the wait until the next token", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: time.now });
    expect([1, 2, 3].map(() => limiter.take("203.0.113.1"))).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(limiter.take("203.0.113.1")).toEqual({ ok: false, retryAfterSeconds: 2 });
    time.advance(1000);
    expect(limiter.take("203.0.113.1")).toEqual({ ok: false, retryAfterSeconds: 1 });
    time.advance(1000);
    expect(limiter.take("203.0.113.1")).toEqual({ ok: true });
    expect(limiter.take("203.0.113.1")).toMatchObject({ ok: false });
  });

  it("keeps one bucket per client", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 / 60, now: time.now });
    expect(limiter.take("a")).toEqual({ ok: true });
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.take("b")).toEqual({ ok: true });
  });

  it("refills no further than its capacity, however long the client was away", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: time.now });
    limiter.take("a");
    time.advance(3_600_000);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")].map((v) => v.ok)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("remembers a bounded number of clients, forgetting the least recently seen", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: time.now });
    limiter.take("a");
    limiter.take("b");
    limiter.take("a"); // refused, and now the most recent
    limiter.take("c"); // b is forgotten
    expect(limiter.size()).toBe(2);
    expect(limiter.take("a")).toMatchObject({ ok: false });
    expect(limiter.take("b")).toEqual({ ok: true });
  });
});

describe("expiring set", () => {
  it("forgets members after their time and keeps at most maxEntries", () => {
    const time = clock();
    const set = createExpiringSet({ ttlMs: 1000, maxEntries: 2, now: time.now });
    set.add("x");
    time.advance(999);
    expect(set.has("x")).toBe(true);
    time.advance(1);
    expect(set.has("x")).toBe(false);
    set.add("a");
    set.add("b");
    set.add("c");
    expect([set.has("a"), set.has("b"), set.has("c"), set.size()]).toEqual([false, true, true, 2]);
  });
});
