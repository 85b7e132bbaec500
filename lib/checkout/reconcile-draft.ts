import "server-only";
// Finishing a checkout nobody finished: the buyer passed Amazon's page but never loaded the
// result page (a closed tab, a dropped network, a page that never hydrated), the server crashed
// between Amazon completing and our write, or Complete timed out.
//
// A redirect checkout whose buyer came back, or was sent to amazonPayRedirectUrl longer than
// RECONCILER_DRAFT_GRACE_SECONDS ago, is completed here exactly as the buyer's return would
// complete it (the same claim, the same idempotency key); Amazon refuses until the buyer has
// finished its page, and that refusal only means "ask again later". Any other Draft is decided
// by its session's own state. A completion someone else is running is left to them.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { awaitCompletionClaim, completionClaimHeld, completionWaitMs } from "@/lib/orders/completion-claim";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import type { DraftOrder } from "@/lib/orders/draft-order";
import { adoptSessionOutcome, scheduleNextDraftCheck } from "./adopt";
import { completeCheckout } from "./complete";
import { outcomeOf, type CompleteResult } from "./complete-result";

/** Amazon cancels an un-completed session 24 h after creation; we allow a margin before giving up ourselves. */
const SESSION_LIFETIME_MS = 25 * 60 * 60 * 1000;

/** The buyer came back from Amazon, or had time enough to finish Amazon's page. */
export function readyToComplete(
  order: Pick<DraftOrder, "flow" | "completionStartedAt" | "redirectedAt">,
  now: Date,
  graceMs = env().RECONCILER_DRAFT_GRACE_SECONDS * 1000,
): boolean {
  if (order.flow !== "redirect") return false;
  if (order.completionStartedAt) return true;
  return order.redirectedAt !== null && now.getTime() - order.redirectedAt.getTime() >= graceMs;
}

export async function reconcileDraftOrder(
  draft: DraftOrder,
  source: EventSource,
  now = new Date(),
): Promise<CompleteResult> {
  const prisma = db();
  if (draft.status !== "Draft") return outcomeOf(draft);
  let order = draft;
  if (completionClaimHeld(order)) {
    // Someone is completing it right now: wait for their outcome, or for a dead holder's claim to lapse.
    order = await awaitCompletionClaim(prisma, order.id, completionWaitMs());
    if (order.status !== "Draft") return outcomeOf(order);
    if (completionClaimHeld(order) || (order.nextCheckAt && order.nextCheckAt > new Date()))
      return { kind: "unconfirmed", orderNumber: order.orderNumber };
  }
  if (readyToComplete(order, now))
    return completeCheckout(order.checkoutSessionId, null, source, { waitMs: 0 });
  let state: string;
  try {
    const { data } = await withAmazonPayAudit(prisma, { orderId: order.id, source }, () =>
      amazonPay().client.checkoutSessions.get(order.checkoutSessionId),
    );
    state = data.statusDetails.state;
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.reasonCode === "ResourceNotFound") {
      await applyEventToOrder(prisma, order.id, {
        type: "checkout.failed",
        source,
        reason: "ResourceNotFound",
      });
      return { kind: "failed", orderNumber: order.orderNumber };
    }
    await scheduleNextDraftCheck(order, now);
    return { kind: "unconfirmed", orderNumber: order.orderNumber };
  }
  if (state === "Completed" || state === "Canceled") return adoptSessionOutcome(order, source);
  if (now.getTime() - order.createdAt.getTime() > SESSION_LIFETIME_MS) {
    await applyEventToOrder(prisma, order.id, { type: "checkout.failed", source, reason: "Expired" });
    return { kind: "failed", orderNumber: order.orderNumber };
  }
  await scheduleNextDraftCheck(order, now);
  return { kind: "unconfirmed", orderNumber: order.orderNumber };
}
