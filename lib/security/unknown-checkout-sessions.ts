// Checkout Session ids Amazon Pay answered "ResourceNotFound" for in the last minute, per
// process: a client that repeats an unknown id (or cycles through a few) is answered from here
// without another call to Amazon. Kept on globalThis because Next.js bundles pages and route
// handlers separately.
import { createExpiringSet, type ExpiringSet } from "./expiring-set";

const UNKNOWN_SESSION_TTL_MS = 60_000;
const MAX_REMEMBERED = 10_000;

const holder = globalThis as unknown as { __storefrontUnknownSessions?: ExpiringSet };

const unknownSessions = (): ExpiringSet =>
  (holder.__storefrontUnknownSessions ??= createExpiringSet({
    ttlMs: UNKNOWN_SESSION_TTL_MS,
    maxEntries: MAX_REMEMBERED,
  }));

export const rememberUnknownCheckoutSession = (sessionId: string): void => unknownSessions().add(sessionId);

export const isKnownUnknownCheckoutSession = (sessionId: string): boolean => unknownSessions().has(sessionId);
