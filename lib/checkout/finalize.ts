import "server-only";
// Finalize Checkout Session for the Buy Now button and the mobile app: read the session (the
// address Amazon shared: the shipping address, or for a PayOnly checkout of products that need
// no shipping the billing address), price the items from the database for it, freeze the order,
// and Finalize with the amounts the stored order holds. The first request for a session writes
// the order, claimed for its completion in the same insert; every later one (a retry, a double
// click, a racing request) finalizes that order as it stands once the claim is free, or is
// refused when it asks for other items: an order is never re-priced once written. A session
// Amazon already finalized is adopted.
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { claimHolder } from "@/lib/orders/completion-claim";
import { currentMarket } from "@/lib/market/server";
import { formatMoney } from "@/lib/money";
import { exceedsPaymentLimit, paymentLimit } from "@/lib/pricing/quote";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import { deliveryArea, shippingRestriction } from "@/lib/pricing/shipping-rules";
import { adoptSessionOutcome } from "./adopt";
import { finalizeAddressOf } from "./amazon-address";
import type { CheckoutFlow } from "./binding";
import { outcomeOf, type CompleteResult } from "./complete-result";
import { finalizeStoredOrder } from "./finalize-call";
import { priceItemsForAddresses, sameItems, type FinalizeItem } from "./finalize-items";
import { finalizeSnapshot, findStoredOrder, freezeFinalizeOrder, type StoredOrder } from "./finalize-order";
import { readCheckoutSession } from "./review";
import { sessionStanding } from "./session-outcome";

export { priceItems, type FinalizeItem } from "./finalize-items";

export type FinalizeRefusal =
  | "unshippable"
  | "session-closed"
  | "session-unknown"
  | "amazon-unavailable"
  | "unavailable-product"
  | "over-limit"
  | "order-claimed";

export type FinalizeResult = CompleteResult | { kind: "refused"; code: FinalizeRefusal; message: string };

export interface FinalizeInput {
  sessionId: string;
  cartId: string;
  flow: Exclude<CheckoutFlow, "redirect">;
  items: readonly FinalizeItem[];
  shippingMethod: ShippingMethodId;
  /** The session as the caller just read it, to spare a second Get Checkout Session. */
  session?: CheckoutSession;
}

const refused = (code: FinalizeRefusal, message: string): FinalizeResult => ({
  kind: "refused",
  code,
  message,
});

const NEEDS_SHIPPING =
  "These items are shipped, and this Amazon Pay checkout has no shipping address. Please start again.";

const ORDER_CLAIMED = "This checkout was already used for other items. Start a new checkout to buy these.";

/**
 * What a request may do with the order its session already has: nothing when it asks for other
 * items, report the order's outcome, or finalize it as it stands (null).
 */
function standingOf(order: StoredOrder, input: FinalizeInput): FinalizeResult | null {
  if (order.cartId !== input.cartId) return { kind: "not-found" };
  if (!sameItems(order, input.items, input.shippingMethod)) return refused("order-claimed", ORDER_CLAIMED);
  if (order.status !== "Draft") return outcomeOf(order);
  return null;
}

export async function finalizeCheckout(input: FinalizeInput): Promise<FinalizeResult> {
  const prisma = db();
  const existing = await findStoredOrder(prisma, input.sessionId);
  const early = existing && standingOf(existing, input);
  if (early) return early;

  const read = input.session
    ? { ok: true as const, session: input.session }
    : await readCheckoutSession(input.sessionId);
  if (!read.ok) {
    return read.notice === "session-unknown"
      ? refused("session-unknown", "Amazon Pay does not know this checkout session.")
      : refused("amazon-unavailable", "Amazon Pay is not answering right now. Nothing was charged.");
  }
  const session = read.session;
  const standing = sessionStanding(session);
  // Amazon finished the session (an earlier attempt went through, or it was canceled): it decides.
  if (standing.kind !== "open" && existing) return adoptSessionOutcome(existing, "buyer");
  if (standing.kind !== "open")
    return refused("session-closed", "This Amazon Pay checkout is no longer open. Please start again.");
  const address = finalizeAddressOf(session);
  if (!address)
    return refused(
      "unshippable",
      session.productType === "PayOnly"
        ? "Amazon Pay did not share a billing address."
        : "Amazon Pay did not share a shipping address.",
    );
  const holder = claimHolder(input.flow);
  if (existing) return finalizeStoredOrder(existing, address, holder);

  const priced = await priceItemsForAddresses(input.items, input.shippingMethod, {
    shipping: session.shippingAddress,
    billing: session.billingAddress,
  });
  if (!priced) return refused("unavailable-product", "One of the products is no longer available.");
  if (priced.ships && address.productType === "PayOnly") return refused("unshippable", NEEDS_SHIPPING);
  const market = currentMarket();
  const restriction = priced.ships ? shippingRestriction(address.address, deliveryArea(market)) : null;
  if (restriction) return refused("unshippable", restriction);
  if (exceedsPaymentLimit(priced.quote.total))
    return refused(
      "over-limit",
      `Orders over ${formatMoney(paymentLimit(market.ledgerCurrency), market.locale)} cannot be paid with Amazon Pay.`,
    );

  const frozen = await freezeFinalizeOrder(prisma, {
    sessionId: input.sessionId,
    cartId: input.cartId,
    flow: input.flow,
    intent: amazonPay().settings.paymentIntent,
    lines: priced.lines,
    quote: priced.quote,
    ships: priced.ships,
    holder,
    snapshot: finalizeSnapshot(session),
  });
  if (frozen.kind === "foreign") return { kind: "not-found" };
  // Another request wrote the order between our first look and our insert: theirs rules.
  const racing = frozen.kind === "stored" && standingOf(frozen.order, input);
  if (racing) return racing;
  return finalizeStoredOrder(frozen.order, address, holder);
}
