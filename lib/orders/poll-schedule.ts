// When the reconciler looks again at something pending: bounded exponential backoff
// (15 s, 30 s, 1 min, ... capped at 1 h), so polling slows down but never stops until the
// object reaches a terminal state, and never hammers the API.
export const POLL_BASE_MS = 15_000;
export const POLL_MAX_MS = 60 * 60 * 1000;

export function pollDelayMs(attempts: number, baseMs = POLL_BASE_MS): number {
  return Math.min(POLL_MAX_MS, baseMs * 2 ** Math.min(attempts, 20));
}

export const nextPollAt = (now: Date, attempts: number, baseMs = POLL_BASE_MS) => new Date(now.getTime() + pollDelayMs(attempts, baseMs));
