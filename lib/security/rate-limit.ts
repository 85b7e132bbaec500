// A token bucket per key (a client address): each request takes one token, tokens come back at a
// steady rate up to the bucket's capacity. Kept in this process's memory, so with several
// instances each one limits on its own (docs/configuration.md says so). The number of keys is
// bounded: when full, the bucket that was used longest ago is forgotten (it is the one closest
// to being full again anyway).

export interface RateLimiterOptions {
  /** Requests a client may make at once (the bucket's size). */
  capacity: number;
  /** Tokens returned per second. */
  refillPerSecond: number;
  /** Keys remembered at most (default 10 000). */
  maxKeys?: number;
  now?: () => number;
}

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimiter {
  /** Takes one token for `key`, or says how long until one is back. */
  take(key: string): RateLimitVerdict;
  /** Keys currently remembered (tests, diagnostics). */
  size(): number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0))
    throw new Error("A rate limit needs a capacity and a rate.");
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on every use keeps the least recent first.
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const at = now();
      const previous = buckets.get(key);
      const elapsedSeconds = previous ? Math.max(0, at - previous.updatedAt) / 1000 : 0;
      const tokens = previous
        ? Math.min(capacity, previous.tokens + elapsedSeconds * refillPerSecond)
        : capacity;
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, updatedAt: at });
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, updatedAt: at });
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest === undefined) break;
        buckets.delete(oldest);
      }
      return { ok: true };
    },
    size: () => buckets.size,
  };
}
