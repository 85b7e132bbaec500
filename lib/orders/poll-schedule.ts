// When the reconciler looks again at something pending: bounded exponential backoff
// (15 s, 30 s, 1 min, ... capped at 1 h; the base is RECONCILER_POLL_BASE_SECONDS), so polling
// slows down but never stops until the object reaches a terminal state, and never hammers the API.
import { env } from "@/lib/env";

export const POLL_BASE_MS = 15_000;
export const POLL_MAX_MS = 60 * 60 * 1000;

const configuredBaseMs = () => env().RECONCILER_POLL_BASE_SECONDS * 1000;

export function pollDelayMs(attempts: number, baseMs = configuredBaseMs()): number {
  return Math.min(POLL_MAX_MS, baseMs * 2 ** Math.min(attempts, 20));
}

export const nextPollAt = (now: Date, attempts: number, baseMs = configuredBaseMs()) =>
  new Date(now.getTime() + pollDelayMs(attempts, baseMs));
