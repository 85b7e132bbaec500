// The retry policy of the transport: which statuses are transient, and the exponential backoff
// with full jitter between attempts.
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** No retry is started when it could not begin before this much time has passed since the first attempt. */
  maxTotalTimeMs: number;
  /** Backoff before retry n (1-based) is uniform in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Timeout of one attempt, response body included; capped by the time left of maxTotalTimeMs. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  maxTotalTimeMs: 45_000,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  attemptTimeoutMs: 20_000,
};

/** 408, 425, 429 and every 5xx are transient; other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
