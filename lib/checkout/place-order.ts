import "server-only";
// "Place order": freeze the order, Update the Checkout Session with the
// server-computed amount and the result URL, and hand back Amazon's redirect URL. The browser
// sends only the session id, the shipping method and the fingerprint of what it showed.
import { AmazonPayError, isAmazonPayError } from "@storefront/amazon-pay/errors";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { findCartIdByToken, loadCart } from "@/lib/cart/repository";
import { presentCart } from "@/lib/cart/presentment";
import { identityRate, type ExchangeRate } from "@/lib/presentment/exchange-rate";
import { db } from "@/lib/db";
import { unlessNotMatched } from "@/lib/prisma/errors";
import type { PrismaClient } from "@/lib/prisma/types";
import { env } from "@/lib/env";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { exceedsPaymentLimit, paymentLimit } from "@/lib/pricing/quote";
import { currentMarket } from "@/lib/market/server";
import { formatMoney } from "@/lib/money";
import { crashPoint } from "@/lib/crash-point";
import { isAllowedAmazonPayRedirect } from "@/lib/security/amazon-pay-redirect";
import { isShippingMethodId, DEFAULT_SHIPPING_METHOD } from "@/lib/pricing/shipping-methods";
import { deliveryArea, shippingRestriction } from "@/lib/pricing/shipping-rules";
import { findBinding } from "./binding";
import { CHECKOUT_NOTICES, type CheckoutNotice } from "./messages";
import { upsertDraftOrder } from "./order-draft";
import { quoteFingerprint } from "./quote-fingerprint";
import { buyerSnapshot } from "./session-outcome";
import { formatAddressLines } from "@/lib/orders/address-lines";

export type PlaceOrderResult =
  | { ok: true; redirectUrl: string; orderNumber: string }
  | { ok: false; error: string; notice?: CheckoutNotice; orderNumber?: string };

const CONSTRAINT_MESSAGES: Record<string, string> = {
  BuyerNotAssociated: "Amazon Pay has not signed you in for this checkout yet.",
  ChargeAmountNotSet: "The order amount did not reach Amazon Pay.",
  CheckoutResultReturnUrlNotSet: "The return address did not reach Amazon Pay.",
  PaymentIntentNotSet: "The payment type did not reach Amazon Pay.",
};

const fail = (notice: CheckoutNotice, orderNumber?: string): PlaceOrderResult => ({
  ok: false,
  error: CHECKOUT_NOTICES[notice],
  notice,
  orderNumber,
});

/**
 * Records that the buyer goes to Amazon, only if the Draft is still the version this request
 * froze. One UPDATE with the version in its WHERE (updateMany would wrap it in a transaction).
 */
async function markRedirected(
  prisma: PrismaClient,
  order: { id: string; version: number },
  buyer: ReturnType<typeof buyerSnapshot>,
): Promise<boolean> {
  const marked = await unlessNotMatched(
    prisma.order.update({
      where: { id: order.id, status: "Draft", version: order.version },
      data: { redirectedAt: new Date(), ...buyer, version: { increment: 1 } },
      select: { id: true },
    }),
  );
  return marked !== null;
}

export async function placeOrder(
  input: {
    sessionId: string;
    fingerprint: string;
    /** The rate to the currency the buyer pays in; the ledger currency when absent. */
    rate?: ExchangeRate;
  } & ({ cartId: string } | { cartToken: string }),
): Promise<PlaceOrderResult> {
  const prisma = db();
  const { client, settings } = amazonPay();
  const e = env();
  // By token, the binding's own query checks the cart: no separate look-up of the cart id.
  const binding = await findBinding(
    prisma,
    input.sessionId,
    "cartId" in input ? { id: input.cartId } : { token: input.cartToken },
  );
  if (!binding) {
    if ("cartToken" in input && !(await findCartIdByToken(prisma, input.cartToken)))
      return { ok: false, error: CHECKOUT_NOTICES["cart-empty"] };
    return fail("session-foreign");
  }
  const { cartId } = binding;
  const shippingMethod = isShippingMethodId(binding.shippingMethod)
    ? binding.shippingMethod
    : DEFAULT_SHIPPING_METHOD;
  const market = currentMarket();
  const ledgerCart = await loadCart(prisma, cartId, {
    market,
    shippingMethod,
    destination: { countryCode: binding.shipCountry, stateOrRegion: binding.shipState },
  });
  if (ledgerCart.lines.length === 0) return fail("cart-empty");
  const cart = presentCart(ledgerCart, input.rate ?? identityRate(ledgerCart.currency));
  if (!cart.checkoutReady || quoteFingerprint(cart) !== input.fingerprint) {
    return { ok: false, error: CHECKOUT_NOTICES["cart-changed"] };
  }
  if (exceedsPaymentLimit(cart.ledger.quote.total)) {
    return {
      ok: false,
      error: `Orders over ${formatMoney(paymentLimit(market.ledgerCurrency), market.locale)} cannot be paid with Amazon Pay. Please remove some items.`,
    };
  }

  const draft = await upsertDraftOrder(prisma, {
    sessionId: input.sessionId,
    cartId,
    flow: "redirect",
    intent: settings.paymentIntent,
    lines: cart.lines,
    quote: cart.quote,
    ledger: cart.ledger,
  });
  if (!draft.ok) {
    if (draft.reason === "foreign") return fail("session-foreign");
    if (draft.reason === "not-draft") return fail("session-used", draft.order.orderNumber);
    return {
      ok: false,
      error: "This checkout was already sent to Amazon Pay. Please start checkout again from your cart.",
      notice: "session-used",
    };
  }
  const order = draft.order;

  crashPoint("place-order:before-update");
  let updated;
  try {
    updated = await withAmazonPayAudit(prisma, { orderId: order.id, source: "buyer" }, () =>
      client.checkoutSessions.update(input.sessionId, {
        webCheckoutDetails: { checkoutResultReturnUrl: `${e.SHOP_URL}/checkout/result` },
        paymentDetails: {
          paymentIntent: settings.paymentIntent,
          chargeAmount: priceFromMoney(cart.quote.total),
          ...(settings.canHandlePendingAuthorization ? { canHandlePendingAuthorization: true } : {}),
        },
        merchantMetadata: {
          merchantReferenceId: order.orderNumber,
          merchantStoreName: e.SHOP_NAME,
          noteToBuyer: `Thank you for your order ${order.orderNumber}.`,
        },
      }),
    );
  } catch (error) {
    if (isAmazonPayError(error, "InvalidCheckoutSessionStatus")) return fail("session-used");
    if (isAmazonPayError(error, "ResourceNotFound")) return fail("session-unknown");
    if (error instanceof AmazonPayError) return { ok: false, error: CHECKOUT_NOTICES["amazon-unavailable"] };
    throw error;
  }
  crashPoint("place-order:after-update");
  const session = updated.data;
  if (session.statusDetails.state !== "Open")
    return fail(session.statusDetails.reasonCode === "Expired" ? "session-expired" : "session-canceled");
  // The buyer may have changed the address on Amazon's page in another tab since the review.
  const address = session.shippingAddress;
  if (
    (address?.stateOrRegion ?? null) !== binding.shipState ||
    (address?.countryCode ?? null) !== binding.shipCountry
  ) {
    await prisma.checkoutSessionBinding.update({
      where: { id: input.sessionId },
      data: { shipState: address?.stateOrRegion ?? null, shipCountry: address?.countryCode ?? null },
      select: { id: true },
    });
    return {
      ok: false,
      error: "Your shipping address changed, so the total may have changed. Please review your order again.",
    };
  }
  const restriction = shippingRestriction(address, deliveryArea(market));
  if (restriction) return { ok: false, error: restriction };
  const constraints = session.constraints ?? [];
  if (constraints.length > 0) {
    return {
      ok: false,
      error: `Amazon Pay cannot continue yet: ${constraints.map((c) => CONSTRAINT_MESSAGES[c?.constraintId ?? ""] ?? c?.description ?? c?.constraintId).join(" ")}`,
    };
  }
  const redirectUrl = session.webCheckoutDetails?.amazonPayRedirectUrl;
  if (!redirectUrl) return { ok: false, error: CHECKOUT_NOTICES["amazon-unavailable"] };
  // The buyer goes only to Amazon's pages for the region (or the emulator): never an open redirect.
  if (!isAllowedAmazonPayRedirect(redirectUrl, e)) {
    console.error(
      `[checkout] order ${order.orderNumber}: refused amazonPayRedirectUrl ${redirectUrl.slice(0, 200)}`,
    );
    return { ok: false, error: CHECKOUT_NOTICES["amazon-unavailable"] };
  }

  if (!(await markRedirected(prisma, order, buyerSnapshot(session))))
    return { ok: false, error: "This order changed while it was being placed. Please try again." };
  console.log(
    `[checkout] order ${order.orderNumber} placed for ${formatAddressLines(address).at(-1) ?? "?"}; buyer sent to Amazon Pay`,
  );
  return { ok: true, redirectUrl, orderNumber: order.orderNumber };
}
