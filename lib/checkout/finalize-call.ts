import "server-only";
// Finalize Checkout Session for an order already frozen. Only the holder of the order's
// completion claim (lib/orders/completion-claim.ts) calls Amazon; anyone else waits for it and
// answers from what it recorded. The body (amounts, payment intent) and the facts recorded from
// Amazon's answer come from the stored order only, never from the request at hand. 200 and 202
// are handled like Complete; a refusal or an answer without a charge permission lets the
// session's own state decide.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { db } from "@/lib/db";
import { isCurrency, money } from "@/lib/money";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import {
  completionIdempotencyKey,
  completionWaitMs,
  withCompletionClaim,
  type CompletionClaim,
} from "@/lib/orders/completion-claim";
import { formatAddressLines } from "@/lib/orders/address-lines";
import { asPaymentIntent } from "@/lib/orders/snapshot";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import type { Order } from "@/lib/prisma/types";
import { adoptSession } from "./adopt";
import type { FinalizeAddress } from "./amazon-address";
import { outcomeOf, type CompleteResult } from "./complete-result";
import { completionEvent } from "./completion-event";

/** The Finalize request for this order: what it froze, and the address Amazon shared. */
export function finalizeBody(
  order: Pick<Order, "totalMinor" | "currency" | "paymentIntent">,
  address: FinalizeAddress,
  canHandlePendingAuthorization: boolean,
) {
  if (!isCurrency(order.currency)) throw new Error(`order currency ${order.currency} is not supported`);
  const amount = priceFromMoney(money(order.totalMinor, order.currency));
  const paymentIntent = asPaymentIntent(order.paymentIntent);
  return {
    chargeAmount: amount,
    totalOrderAmount: amount,
    paymentIntent,
    // Amazon refuses the flag with AuthorizeWithCapture, whatever the shop's settings say.
    ...(canHandlePendingAuthorization && paymentIntent !== "AuthorizeWithCapture"
      ? { canHandlePendingAuthorization: true }
      : {}),
    ...address.body,
  };
}

/**
 * Finalizes the stored order holding its completion claim (taking it, or renewing the one the
 * order was written with). When someone else holds it, waits for them and answers from the order
 * as they left it: a Draft still is "unconfirmed", to be asked again later.
 */
export async function finalizeStoredOrder(
  order: Order,
  address: FinalizeAddress,
  holder: string,
): Promise<CompleteResult> {
  const run = await withCompletionClaim(
    db(),
    order.id,
    holder,
    (claim) => finalizeHoldingClaim(order, address, claim),
    { waitMs: completionWaitMs() },
  );
  return run.kind === "ran" ? run.value : outcomeOf(run.order);
}

async function finalizeHoldingClaim(
  frozen: Order,
  address: FinalizeAddress,
  claim: CompletionClaim,
): Promise<{ value: CompleteResult; advanceGeneration?: boolean }> {
  const prisma = db();
  // Read under the claim: whoever held it before may have recorded the outcome already. The
  // amounts never change once written; the status may have.
  const order = await prisma.order.findUniqueOrThrow({ where: { id: frozen.id } });
  if (order.status !== "Draft") return { value: outcomeOf(order) };
  const { client, settings } = amazonPay();
  const body = finalizeBody(order, address, settings.canHandlePendingAuthorization);
  try {
    const result = await withAmazonPayAudit(prisma, { orderId: order.id, source: "buyer" }, () =>
      client.checkoutSessions.finalize(order.checkoutSessionId, body, {
        idempotencyKey: completionIdempotencyKey("finalize", order.checkoutSessionId, claim.generation),
      }),
    );
    const event = completionEvent({
      session: result.data,
      httpStatus: result.status,
      intent: body.paymentIntent,
      totalMinor: order.totalMinor,
      source: "buyer",
    });
    if (!event) return { value: (await adoptSession(order, "buyer")).result };
    const { order: after } = await applyEventToOrder(prisma, order.id, event);
    console.log(
      `[checkout] ${order.flow} order ${after.orderNumber} finalized (${after.status}) for ${formatAddressLines(address.address).at(-1) ?? "?"}`,
    );
    return { value: outcomeOf(after) };
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.retryable || error.kind === "contract") {
      // Amazon may or may not have finalized it: never guess. The order stays a Draft; the next
      // request (same body, same key: the generation stays) or the reconciler finds out.
      await prisma.order.update({
        where: { id: order.id },
        data: { nextCheckAt: new Date(Date.now() + 10_000) },
      });
      return { value: { kind: "unconfirmed", orderNumber: order.orderNumber } };
    }
    // CheckoutSessionCanceled, AmountMismatch, InvalidCheckoutSessionStatus (finalized before, or
    // the buyer has not pressed Pay now yet), ...: the session's own state decides. A "not yet"
    // moves the claim to a new idempotency key for the next attempt.
    const adoption = await adoptSession(order, "buyer", error.reasonCode ?? error.kind);
    return { value: adoption.result, advanceGeneration: adoption.notYet };
  }
}
