import "server-only";
// One attempt at Complete Checkout Session, made only by the holder of the order's completion
// claim: the frozen amount, the idempotency key of the claim's generation, and Amazon's answer
// recorded through the order state machine. A refusal lets the session's own state decide; a
// "not yet" refusal asks the claim to advance the generation, so that key is never sent again.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { db } from "@/lib/db";
import { orderAmount } from "@/lib/orders/order-money";
import type { ApplyResult } from "@/lib/orders/apply-event";
import { completionIdempotencyKey, type CompletionClaim } from "@/lib/orders/completion-claim";
import { asPaymentIntent } from "@/lib/orders/snapshot";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { crashPoint } from "@/lib/crash-point";
import { adoptSession } from "./adopt";
import { applyCompletion } from "./apply-completion";
import { outcomeOf, type CompleteResult } from "./complete-result";
import { completionEvent } from "./completion-event";

export async function attemptCompletion(
  claim: CompletionClaim,
  source: EventSource,
): Promise<{ value: CompleteResult; advanceGeneration?: boolean; claimReleased?: boolean }> {
  const prisma = db();
  // As the claim found it: whoever held it before may have recorded the outcome already.
  const order = claim.order;
  if (order.status !== "Draft") return { value: outcomeOf(order) };
  const sessionId = order.checkoutSessionId;
  let applied: ApplyResult;
  try {
    const result = await withAmazonPayAudit(prisma, { orderId: order.id, source }, () =>
      amazonPay().client.checkoutSessions.complete(
        sessionId,
        { chargeAmount: priceFromMoney(orderAmount(order, order.totalMinor)) },
        { idempotencyKey: completionIdempotencyKey("complete", sessionId, claim.generation) },
      ),
    );
    crashPoint("complete:after-amazon");
    const event = completionEvent({
      session: result.data,
      httpStatus: result.status,
      intent: asPaymentIntent(order.paymentIntent),
      totalMinor: order.totalMinor,
      source,
    });
    if (!event) return { value: (await adoptSession(order, source)).result };
    applied = await applyCompletion(prisma, order, event, { endsCompletionClaim: true });
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.retryable || error.kind === "contract") {
      // Amazon may or may not have completed it: never guess. The order stays a Draft; the next
      // attempt (the same key: the generation stays) or the reconciler finds out.
      await prisma.order.update({
        where: { id: order.id },
        data: { nextCheckAt: new Date(Date.now() + 10_000) },
      });
      return { value: { kind: "unconfirmed", orderNumber: order.orderNumber } };
    }
    // CheckoutSessionCanceled, InvalidCheckoutSessionStatus (completed before, expired, or the
    // buyer has not finished Amazon's page), AmountMismatch, ...: the session's own state decides.
    const adoption = await adoptSession(order, source, error.reasonCode ?? error.kind);
    return { value: adoption.result, advanceGeneration: adoption.notYet };
  }
  return { value: outcomeOf(applied.order), claimReleased: applied.outcome.kind === "applied" };
}
