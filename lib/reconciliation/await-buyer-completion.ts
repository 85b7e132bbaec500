// When an IPN (or the reconciler) finds an order still Draft while the buyer's own completion is
// under way (it began moments ago), it first gives that completion a moment to land. Completing
// in its place at once is safe (the same idempotency key) but doubles the calls to Amazon; after
// the wait, a buyer's completion that died with its server is finished as before.

/** A completion that began longer ago than this is not waited for. */
export const RECENT_COMPLETION_MS = 30_000;
export const BUYER_COMPLETION_WAIT_MS = 2_000;
const POLL_MS = 100;

interface DraftLike {
  status: string;
  completionStartedAt: Date | null;
}

export async function awaitBuyerCompletion<T extends DraftLike>(
  order: T,
  reread: () => Promise<T>,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; waitMs?: number } = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (order.status !== "Draft" || !order.completionStartedAt) return order;
  if (now() - order.completionStartedAt.getTime() > RECENT_COMPLETION_MS) return order;
  const deadline = now() + (options.waitMs ?? BUYER_COMPLETION_WAIT_MS);
  let current = order;
  while (current.status === "Draft" && now() < deadline) {
    await sleep(POLL_MS);
    current = await reread();
  }
  return current;
}
