import "server-only";
// Finalize Checkout Session for the Buy Now button and the mobile app: read the
// session (the address Amazon shared), price the items from the database for that address,
// freeze the order, and Finalize with the same amounts, intent and address. 200 and 202 are
// handled like Complete; a session Amazon already finalized is adopted.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { db } from "@/lib/db";
import { money, multiply } from "@/lib/money";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { exceedsPaymentLimit, priceOrder, type Quote } from "@/lib/pricing/quote";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import { shippingRestriction } from "@/lib/pricing/shipping-rules";
import { adoptSessionOutcome } from "./adopt";
import { addressForFinalize } from "./amazon-address";
import type { CheckoutFlow } from "./binding";
import { outcomeOf, type CompleteResult } from "./complete-result";
import { completionEvent } from "./completion-event";
import { upsertDraftOrder } from "./order-draft";
import { readCheckoutSession } from "./review";
import { buyerSnapshot, sessionStanding } from "./session-outcome";
import { formatAddressLines } from "@/lib/orders/address-lines";

export interface FinalizeItem {
  productId: string;
  quantity: number;
}

export type FinalizeResult =
  | CompleteResult
  | {
      kind: "refused";
      code:
        | "unshippable"
        | "session-closed"
        | "session-unknown"
        | "amazon-unavailable"
        | "unavailable-product"
        | "over-limit";
      message: string;
    };

/** Prices items from the database; null when a product is missing or inactive. */
export async function priceItems(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destinationState: string | null,
) {
  const products = await db().product.findMany({
    where: { id: { in: items.map((i) => i.productId) }, active: true },
  });
  const lines = items.map((item) => {
    const product = products.find((p) => p.id === item.productId);
    if (!product || product.currency !== "USD") return null;
    const unitPrice = money(product.priceMinor, "USD");
    return {
      productId: product.id,
      name: product.name,
      slug: product.slug,
      unitPrice,
      quantity: item.quantity,
      lineTotal: multiply(unitPrice, item.quantity),
    };
  });
  if (lines.some((line) => line === null) || lines.length === 0) return null;
  const present = lines.filter((line): line is NonNullable<typeof line> => line !== null);
  const quote: Quote = priceOrder({ currency: "USD", lines: present, shippingMethod, destinationState });
  return { lines: present, quote };
}

export async function finalizeCheckout(input: {
  sessionId: string;
  cartId: string;
  flow: Exclude<CheckoutFlow, "redirect">;
  items: readonly FinalizeItem[];
  shippingMethod: ShippingMethodId;
  /** The session as the caller just read it, to spare a second Get Checkout Session. */
  session?: CheckoutSession;
}): Promise<FinalizeResult> {
  const prisma = db();
  const { client, settings } = amazonPay();
  const existing = await prisma.order.findUnique({ where: { checkoutSessionId: input.sessionId } });
  if (existing && existing.cartId !== input.cartId) return { kind: "not-found" };
  if (existing && existing.status !== "Draft") return outcomeOf(existing);

  const read = input.session
    ? { ok: true as const, session: input.session }
    : await readCheckoutSession(input.sessionId);
  if (!read.ok) {
    return read.notice === "session-unknown"
      ? {
          kind: "refused",
          code: "session-unknown",
          message: "Amazon Pay does not know this checkout session.",
        }
      : {
          kind: "refused",
          code: "amazon-unavailable",
          message: "Amazon Pay is not answering right now. Nothing was charged.",
        };
  }
  const session = read.session;
  const standing = sessionStanding(session);
  if (standing.kind === "completed" && existing) return adoptSessionOutcome(existing, "buyer");
  if (standing.kind !== "open")
    return {
      kind: "refused",
      code: "session-closed",
      message: "This Amazon Pay checkout is no longer open. Please start again.",
    };
  const address = session.shippingAddress;
  const restriction = shippingRestriction(address);
  const finalizeAddress = address ? addressForFinalize(address) : null;
  if (restriction || !finalizeAddress)
    return {
      kind: "refused",
      code: "unshippable",
      message: restriction ?? "Amazon Pay did not share a shipping address.",
    };

  const priced = await priceItems(input.items, input.shippingMethod, address?.stateOrRegion ?? null);
  if (!priced)
    return {
      kind: "refused",
      code: "unavailable-product",
      message: "One of the products is no longer available.",
    };
  if (exceedsPaymentLimit(priced.quote.total))
    return {
      kind: "refused",
      code: "over-limit",
      message: "Orders over $150,000 cannot be paid with Amazon Pay.",
    };

  const draft = await upsertDraftOrder(prisma, {
    sessionId: input.sessionId,
    cartId: input.cartId,
    flow: input.flow,
    intent: settings.paymentIntent,
    lines: priced.lines,
    quote: priced.quote,
  });
  if (!draft.ok) return draft.reason === "foreign" ? { kind: "not-found" } : outcomeOf(draft.order);
  const order = draft.order;
  await prisma.order.update({
    where: { id: order.id },
    data: { completionStartedAt: order.completionStartedAt ?? new Date(), ...buyerSnapshot(session) },
  });

  const total = priceFromMoney(priced.quote.total);
  try {
    const result = await withAmazonPayAudit(prisma, { orderId: order.id, source: "buyer" }, () =>
      client.checkoutSessions.finalize(
        input.sessionId,
        {
          chargeAmount: total,
          totalOrderAmount: total,
          paymentIntent: settings.paymentIntent,
          ...(settings.canHandlePendingAuthorization ? { canHandlePendingAuthorization: true } : {}),
          shippingAddress: finalizeAddress,
        },
        { idempotencyKey: idempotencyKeyFor("finalize", input.sessionId) },
      ),
    );
    const event = completionEvent({
      session: result.data,
      httpStatus: result.status,
      intent: settings.paymentIntent,
      totalMinor: priced.quote.total.amount,
      source: "buyer",
    });
    if (!event) return adoptSessionOutcome(order, "buyer");
    const { order: after } = await applyEventToOrder(prisma, order.id, event);
    console.log(
      `[checkout] ${input.flow} order ${after.orderNumber} finalized (${after.status}) for ${formatAddressLines(address).at(-1) ?? "?"}`,
    );
    return outcomeOf(after);
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.retryable || error.kind === "contract") {
      await prisma.order.update({
        where: { id: order.id },
        data: { nextCheckAt: new Date(Date.now() + 10_000) },
      });
      return { kind: "unconfirmed", orderNumber: order.orderNumber };
    }
    return adoptSessionOutcome(order, "buyer", error.reasonCode ?? error.kind);
  }
}
