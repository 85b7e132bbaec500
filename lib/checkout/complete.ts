import "server-only";
// The result page's server action: Complete the Checkout Session with the amount
// frozen at "Place order" and an idempotency key derived from the session id, then record the
// outcome through the order state machine. A session Amazon already completed (reload, second
// tab, double click, retry after a crash) is adopted, never reported as a failure.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { db } from "@/lib/db";
import { money } from "@/lib/money";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { asPaymentIntent } from "@/lib/orders/snapshot";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { crashPoint } from "@/lib/crash-point";
import { takeOrderedItemsOutOfCart } from "./cart-cleanup";
import { completionEvent } from "./completion-event";
import { adoptSessionOutcome } from "./adopt";
import { outcomeOf, type CompleteResult } from "./complete-result";

const inFlight = new Map<string, Promise<CompleteResult>>();

/** Completes the checkout of this cart's order for the session. Concurrent calls share one attempt per process. */
export function completeCheckout(
  sessionId: string,
  cartId: string | null,
  source: EventSource = "return",
): Promise<CompleteResult> {
  const key = `${sessionId}:${cartId ?? "*"}`;
  const running = inFlight.get(key);
  if (running) return running;
  const attempt = completeOnce(sessionId, cartId, source).finally(() => inFlight.delete(key));
  inFlight.set(key, attempt);
  return attempt;
}

async function completeOnce(
  sessionId: string,
  cartId: string | null,
  source: EventSource,
): Promise<CompleteResult> {
  const prisma = db();
  const order = await prisma.order.findUnique({ where: { checkoutSessionId: sessionId } });
  if (!order || (cartId !== null && order.cartId !== cartId)) return { kind: "not-found" };
  if (order.status !== "Draft") return outcomeOf(order);
  if (!order.completionStartedAt) {
    await prisma.order.updateMany({
      where: { id: order.id, completionStartedAt: null },
      data: { completionStartedAt: new Date() },
    });
  }
  const { client } = amazonPay();
  const intent = asPaymentIntent(order.paymentIntent);
  try {
    const result = await withAmazonPayAudit(prisma, { orderId: order.id, source }, () =>
      client.checkoutSessions.complete(
        sessionId,
        { chargeAmount: priceFromMoney(money(order.totalMinor, "USD")) },
        { idempotencyKey: idempotencyKeyFor("complete", sessionId) },
      ),
    );
    crashPoint("complete:after-amazon");
    const event = completionEvent({
      session: result.data,
      httpStatus: result.status,
      intent,
      totalMinor: order.totalMinor,
      source,
    });
    if (!event) return adoptSessionOutcome(order, source);
    await applyEventToOrder(prisma, order.id, event);
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.retryable || error.kind === "contract") {
      // Amazon may or may not have completed it: never guess. The order stays a Draft with
      // completionStartedAt set; the next attempt or the reconciler finds out.
      await prisma.order.update({
        where: { id: order.id },
        data: { nextCheckAt: new Date(Date.now() + 10_000) },
      });
      return { kind: "unconfirmed", orderNumber: order.orderNumber };
    }
    // CheckoutSessionCanceled, InvalidCheckoutSessionStatus (completed before, or expired),
    // AmountMismatch, ...: the session's own state decides.
    return adoptSessionOutcome(order, source, error.reasonCode ?? error.kind);
  }
  const after = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
  if (after.status !== "Draft" && after.status !== "Failed")
    await takeOrderedItemsOutOfCart(prisma, order.id);
  return outcomeOf(after);
}
