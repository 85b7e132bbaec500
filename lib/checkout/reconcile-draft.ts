import "server-only";
// Finishing a checkout nobody finished: the buyer closed the tab on Amazon's page, the server
// crashed between Amazon completing and our write, or Complete timed out. The Checkout Session's
// own state decides, exactly as when the buyer reloads the result page.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { nextPollAt } from "@/lib/orders/poll-schedule";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import type { Order } from "@/lib/prisma/types";
import { adoptSessionOutcome } from "./adopt";
import { completeCheckout } from "./complete";
import { outcomeOf, type CompleteResult } from "./complete-result";

/** Amazon cancels an un-completed session 24 h after creation; we allow a margin before giving up ourselves. */
const SESSION_LIFETIME_MS = 25 * 60 * 60 * 1000;

export async function reconcileDraftOrder(
  order: Order,
  source: EventSource,
  now = new Date(),
): Promise<CompleteResult> {
  const prisma = db();
  if (order.status !== "Draft") return outcomeOf(order);
  // The buyer came back (or Finalize began): finish what they started, with the same key.
  if (order.completionStartedAt && order.flow === "redirect")
    return completeCheckout(order.checkoutSessionId, null, source);
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
    await scheduleNextCheck(order, now);
    return { kind: "unconfirmed", orderNumber: order.orderNumber };
  }
  if (state === "Completed" || state === "Canceled") return adoptSessionOutcome(order, source);
  if (now.getTime() - order.createdAt.getTime() > SESSION_LIFETIME_MS) {
    await applyEventToOrder(prisma, order.id, { type: "checkout.failed", source, reason: "Expired" });
    return { kind: "failed", orderNumber: order.orderNumber };
  }
  await scheduleNextCheck(order, now);
  return { kind: "unconfirmed", orderNumber: order.orderNumber };
}

async function scheduleNextCheck(order: Order, now: Date): Promise<void> {
  await db().order.updateMany({
    where: { id: order.id, status: "Draft" },
    data: { checkAttempts: { increment: 1 }, nextCheckAt: nextPollAt(now, order.checkAttempts) },
  });
}
