// The budget of the unauthenticated requests that make the shop call Amazon Pay (the review
// page, the mobile Finalize route): CHECKOUT_RATE_LIMIT_PER_MINUTE per client address, with
// bursts up to the same number. One limiter per process, kept on globalThis because Next.js
// bundles pages and route handlers separately; in memory, so each instance limits on its own.
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";
import { createRateLimiter, type RateLimiter, type RateLimitVerdict } from "./rate-limit";

const holder = globalThis as unknown as {
  __storefrontCheckoutLimiter?: { perMinute: number; limiter: RateLimiter };
};

export function takeCheckoutRequest(headers: Headers): RateLimitVerdict {
  const e = env();
  const perMinute = e.CHECKOUT_RATE_LIMIT_PER_MINUTE;
  if (perMinute === 0) return { ok: true };
  if (holder.__storefrontCheckoutLimiter?.perMinute !== perMinute) {
    holder.__storefrontCheckoutLimiter = {
      perMinute,
      limiter: createRateLimiter({ capacity: perMinute, refillPerSecond: perMinute / 60 }),
    };
  }
  return holder.__storefrontCheckoutLimiter.limiter.take(clientAddress(headers, e.TRUSTED_PROXY_HOPS));
}

/** The route handlers' answer once a client is over its budget. */
export function tooManyRequests(verdict: { retryAfterSeconds: number }): Response {
  return Response.json(
    { error: `Too many requests from your network. Try again in ${verdict.retryAfterSeconds} seconds.` },
    {
      status: 429,
      headers: { "retry-after": String(verdict.retryAfterSeconds), "cache-control": "no-store" },
    },
  );
}
