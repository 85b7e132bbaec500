// Records a completed (or failed) checkout and takes what it bought out of the cart in the same
// transaction, so a crash can never leave a placed order with its items still in the cart.
import type { PrismaClient } from "@/lib/prisma/types";
import { applyEventToOrder, type ApplyResult } from "@/lib/orders/apply-event";
import type { DraftOrder } from "@/lib/orders/draft-order";
import { checkoutDone, type OrderEvent } from "@/lib/orders/state-machine";
import { takeOrderedItemsOutOfCart, takeOrderedItemsOutOfCartIn } from "./cart-cleanup";

export async function applyCompletion(
  prisma: PrismaClient,
  order: Pick<DraftOrder, "id" | "cartId">,
  event: OrderEvent,
  options: { endsCompletionClaim?: boolean } = {},
): Promise<ApplyResult> {
  const result = await applyEventToOrder(prisma, order.id, event, {
    // The holder's claim ends with the write that records the outcome: no release afterwards.
    extra: options.endsCompletionClaim
      ? { completionClaimedBy: null, completionClaimUntil: null }
      : undefined,
    withWrite: (tx, next) =>
      checkoutDone(next.status) ? takeOrderedItemsOutOfCartIn(tx, order) : Promise.resolve(),
  });
  // Someone else recorded it first: their transaction took the items out; this makes sure (once).
  if (result.outcome.kind !== "applied" && checkoutDone(result.order.status))
    await takeOrderedItemsOutOfCart(prisma, order);
  return result;
}
