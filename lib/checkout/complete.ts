import "server-only";
// Completing a redirect checkout: the buyer's return to the result page (with or without the
// cart cookie) and the reconciler both end here. One Complete at a time, from anyone: the caller
// takes the order's completion claim (lib/orders/completion-claim.ts) and makes the attempt, or
// waits for whoever holds it and answers from the order that attempt recorded.
import { db } from "@/lib/db";
import { DRAFT_ORDER_COLUMNS } from "@/lib/orders/draft-order";
import { claimHolder, completionWaitMs, withCompletionClaim } from "@/lib/orders/completion-claim";
import type { EventSource } from "@/lib/payment-events";
import { attemptCompletion } from "./complete-attempt";
import { outcomeOf, type CompleteResult } from "./complete-result";

/**
 * Completes the checkout of the order for this session. `cartId` null completes by the session
 * id alone (the amount is frozen on the server); otherwise only that cart's order is found.
 */
export async function completeCheckout(
  sessionId: string,
  cartId: string | null,
  source: EventSource = "return",
  options: { waitMs?: number } = {},
): Promise<CompleteResult> {
  const prisma = db();
  const order = await prisma.order.findUnique({
    where: { checkoutSessionId: sessionId },
    select: DRAFT_ORDER_COLUMNS,
  });
  if (!order || (cartId !== null && order.cartId !== cartId)) return { kind: "not-found" };
  if (order.status !== "Draft" || order.flow !== "redirect") return outcomeOf(order);
  const run = await withCompletionClaim(
    prisma,
    order.id,
    claimHolder(source),
    (claim) => attemptCompletion(claim, source),
    {
      waitMs: options.waitMs ?? completionWaitMs(),
      // The buyer came back: recorded with the claim (the reconciler and the order page read it).
      completionStartedAt: source === "return" && !order.completionStartedAt ? new Date() : undefined,
    },
  );
  return run.kind === "ran" ? run.value : outcomeOf(run.order);
}
