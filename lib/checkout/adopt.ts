import "server-only";
// When Complete/Finalize did not answer with a completed session, the session itself says what
// happened: Completed (an earlier attempt went through: adopt it, reading the real charge),
// Canceled (the buyer canceled, the payment was declined, or it expired: the order fails), or
// still Open (Amazon refused to complete it: the order fails, the buyer can start again).
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { asPaymentIntent } from "@/lib/orders/snapshot";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import type { Order } from "@/lib/prisma/types";
import { takeOrderedItemsOutOfCart } from "./cart-cleanup";
import { completionEvent } from "./completion-event";
import type { CompleteResult } from "./complete-result";

export async function adoptSessionOutcome(
  order: Order,
  source: EventSource,
  refusal?: string,
): Promise<CompleteResult> {
  const prisma = db();
  const { client } = amazonPay();
  try {
    const session = await withAmazonPayAudit(prisma, { orderId: order.id, source }, async () => {
      const { data } = await client.checkoutSessions.get(order.checkoutSessionId);
      if (data.statusDetails.state !== "Completed" || !data.chargeId) return { session: data, charge: null };
      return { session: data, charge: (await client.charges.get(data.chargeId)).data };
    });
    const state = session.session.statusDetails.state;
    if (state === "Completed") {
      const event = completionEvent({
        session: session.session,
        httpStatus: 200,
        intent: asPaymentIntent(order.paymentIntent),
        totalMinor: order.totalMinor,
        source,
        charge: session.charge,
      });
      if (event) {
        const { order: after } = await applyEventToOrder(prisma, order.id, event);
        if (after.status !== "Draft" && after.status !== "Failed")
          await takeOrderedItemsOutOfCart(prisma, order.id);
        return after.status === "Failed"
          ? { kind: "failed", orderNumber: after.orderNumber }
          : { kind: "placed", orderNumber: after.orderNumber };
      }
    }
    const reason =
      state === "Canceled"
        ? (session.session.statusDetails.reasonCode ?? "Canceled")
        : (refusal ?? "CompleteRefused");
    const { order: after } = await applyEventToOrder(prisma, order.id, {
      type: "checkout.failed",
      source,
      reason,
    });
    return after.status === "Failed"
      ? { kind: "failed", orderNumber: after.orderNumber }
      : { kind: "placed", orderNumber: after.orderNumber };
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
    await prisma.order.update({
      where: { id: order.id },
      data: { nextCheckAt: new Date(Date.now() + 10_000) },
    });
    return { kind: "unconfirmed", orderNumber: order.orderNumber };
  }
}
