import "server-only";
// The review page's data: reads the Checkout Session, binds it to this browser's
// cart, and prices the order for the address Amazon shared. Nothing is charged here.
import { AmazonPayError, isAmazonPayError } from "@storefront/amazon-pay/errors";
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import { priceCart } from "@/lib/cart/repository";
import { presentCart, type PresentedCart } from "@/lib/cart/presentment";
import { convertMoney } from "@/lib/presentment/convert";
import { currentExchangeRate } from "@/lib/presentment/server";
import { currentCartLines } from "@/lib/cart/server";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { currentMarket } from "@/lib/market/server";
import {
  shippingOptions,
  isShippingMethodId,
  DEFAULT_SHIPPING_METHOD,
  type ShippingOption,
} from "@/lib/pricing/shipping-methods";
import { deliveryArea, shippingRestriction } from "@/lib/pricing/shipping-rules";
import { createBinding, readBinding } from "./binding";
import type { CheckoutNotice } from "./messages";
import { quoteFingerprint } from "./quote-fingerprint";
import { paymentDescriptorOf, sessionStanding } from "./session-outcome";
import { formatAddressLines } from "@/lib/orders/address-lines";
import { parseCheckoutSessionId } from "./session-id";
import {
  isKnownUnknownCheckoutSession,
  rememberUnknownCheckoutSession,
} from "@/lib/security/unknown-checkout-sessions";

export interface ReviewView {
  sessionId: string;
  buyerName: string | null;
  buyerEmail: string | null;
  addressLines: string[];
  paymentDescriptor: string | null;
  /** Why the shop cannot ship to the chosen address, or null. */
  shippingProblem: string | null;
  shippingOptions: ShippingOption[];
  /** In the currency the buyer pays in, with the ledger-currency quote and the rate. */
  cart: PresentedCart;
  /** Identifies exactly what the buyer saw; "Place order" refuses if the cart changed since. */
  fingerprint: string;
  /** checkout.js, for the buttons that change the address or payment method. */
  checkoutJsUrl: string;
}

export type ReviewResult =
  { ok: true; view: ReviewView } | { ok: false; notice: CheckoutNotice; orderNumber?: string };

export async function readCheckoutSession(
  sessionId: string,
): Promise<{ ok: true; session: CheckoutSession } | { ok: false; notice: CheckoutNotice }> {
  // An id Amazon just said it does not know is answered without asking again.
  if (isKnownUnknownCheckoutSession(sessionId)) return { ok: false, notice: "session-unknown" };
  try {
    const { data } = await amazonPay().client.checkoutSessions.get(sessionId);
    return { ok: true, session: data };
  } catch (error) {
    if (isAmazonPayError(error, "ResourceNotFound", "InvalidParameterValue")) {
      rememberUnknownCheckoutSession(sessionId);
      return { ok: false, notice: "session-unknown" };
    }
    if (error instanceof AmazonPayError) return { ok: false, notice: "amazon-unavailable" };
    throw error;
  }
}

export async function loadReview(rawSessionId: unknown): Promise<ReviewResult> {
  const sessionId = parseCheckoutSessionId(rawSessionId);
  if (!sessionId) return { ok: false, notice: "session-unknown" };
  const market = currentMarket();
  // The cart's lines are read first: they name the cart, so its id costs no look-up of its own.
  const current = await currentCartLines(market.ledgerCurrency);
  if (!current) return { ok: false, notice: "cart-empty" };
  const { cartId } = current;
  const prisma = db();

  // Another cart's session is refused before Amazon is asked (its address is that buyer's), and
  // one Amazon does not know is refused before it is bound: an unknown id leaves no row behind.
  const existing = await readBinding(prisma, sessionId);
  if (existing) {
    if (existing.cartId !== cartId) return { ok: false, notice: "session-foreign" };
    // Only a bound session can have an order (every flow binds the session before it orders), so
    // the order is looked up on a later visit only.
    const order = await prisma.order.findUnique({
      where: { checkoutSessionId: sessionId },
      select: { status: true, cartId: true, orderNumber: true },
    });
    if (order && order.status !== "Draft") {
      return order.cartId === cartId
        ? { ok: false, notice: "session-used", orderNumber: order.orderNumber }
        : { ok: false, notice: "session-foreign" };
    }
  }
  const read = await readCheckoutSession(sessionId);
  if (!read.ok) return read;
  const { session } = read;
  const address = session.shippingAddress;
  const destination = {
    shipCountry: address?.countryCode ?? null,
    shipState: address?.stateOrRegion ?? null,
  };
  // A new binding starts with the destination Amazon just gave, so it needs no update below.
  const bound = existing
    ? { ok: true as const, binding: existing }
    : await createBinding(prisma, sessionId, cartId, "redirect", destination);
  if (!bound.ok) return { ok: false, notice: "session-foreign" };
  const standing = sessionStanding(session);
  if (standing.kind === "canceled") return { ok: false, notice: standing.notice };
  if (standing.kind === "completed") return { ok: false, notice: "session-used" };

  const shippingMethod = isShippingMethodId(bound.binding.shippingMethod)
    ? bound.binding.shippingMethod
    : DEFAULT_SHIPPING_METHOD;
  const ledgerCart = priceCart(cartId, current.lines, {
    market,
    shippingMethod,
    destination: address ?? null,
  });
  if (ledgerCart.lines.length === 0) return { ok: false, notice: "cart-empty" };
  const cart = presentCart(ledgerCart, await currentExchangeRate());
  if (
    bound.binding.shipCountry !== destination.shipCountry ||
    bound.binding.shipState !== destination.shipState
  ) {
    await prisma.checkoutSessionBinding.update({
      where: { id: sessionId },
      data: destination,
      select: { id: true },
    });
  }
  return {
    ok: true,
    view: {
      sessionId,
      buyerName: session.buyer?.name ?? null,
      buyerEmail: session.buyer?.email ?? null,
      addressLines: formatAddressLines(address),
      paymentDescriptor: paymentDescriptorOf(session),
      shippingProblem: shippingRestriction(address, deliveryArea(market)),
      shippingOptions: shippingOptions(ledgerCart.quote.subtotal).map((option) => ({
        ...option,
        cost: convertMoney(option.cost, cart.ledger.rate),
      })),
      cart,
      fingerprint: quoteFingerprint(cart),
      checkoutJsUrl: amazonPay().settings.checkoutJsUrl,
    },
  };
}
