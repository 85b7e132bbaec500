import "server-only";
// Buy Now: the product page's JS button. The buyer stays on Amazon's Buy Now page;
// checkout.js asks the shop for the cart (onInitCheckout), for new totals when the address or
// delivery option changes, and finally to complete (onCompleteCheckout → Finalize). The product
// and quantity are fixed when the session is first bound; later calls cannot change them.
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { currentMarket } from "@/lib/market/server";
import { addedTax } from "@/lib/pricing/quote";
import {
  shippingOptions,
  isShippingMethodId,
  DEFAULT_SHIPPING_METHOD,
  type ShippingMethodId,
} from "@/lib/pricing/shipping-methods";
import { deliveryArea, shippingRestriction, type ShippableAddress } from "@/lib/pricing/shipping-rules";
import { bindCheckoutSession } from "./binding";
import type { BuyNowButtonProps } from "./button-props";
import { finalizeCheckout, type FinalizeResult } from "./finalize";
import { priceItemsForAddresses } from "./finalize-items";
import type { CheckoutNotice } from "./messages";

export function buyNowButtonProps(): BuyNowButtonProps {
  const { client, settings } = amazonPay();
  const payload = {
    storeId: settings.storeId,
    scopes: ["name", "email", "phoneNumber", "billingAddress"],
    paymentDetails: {
      paymentIntent: settings.paymentIntent,
      ...(settings.canHandlePendingAuthorization ? { canHandlePendingAuthorization: true } : {}),
    },
  };
  // Buy Now's config carries no deliverySpecifications: the shop refuses addresses it
  // cannot ship to in onShippingAddressSelection, and Finalize checks again.
  return {
    checkoutJsUrl: settings.checkoutJsUrl,
    merchantId: settings.merchantId,
    ledgerCurrency: settings.ledgerCurrency,
    checkoutLanguage: currentMarket().checkoutLanguage,
    sandbox: settings.mode !== "live",
    checkoutSessionConfig: client.signButtonPayload(JSON.stringify(payload)),
  };
}

type Price = { amount: string; currencyCode: string };

export interface CartDetailsAnswer {
  lineItems?: { id: string; title: string; quantity: string; listPrice: Price; totalListPrice: Price }[];
  deliveryOptions?: {
    id: string;
    price: Price;
    shippingMethod: { shippingMethodName: string; shippingMethodCode: string };
    isDefault: boolean;
    shippingEstimate: { timeUnit: "DAY"; value: number }[];
  }[];
  totalShippingAmount: Price;
  totalBaseAmount: Price;
  totalTaxAmount: Price;
  totalChargeAmount: Price;
  totalDiscountAmount: Price;
  totalOrderAmount: Price;
}

export type BuyNowAnswer =
  { ok: true; cartDetails: CartDetailsAnswer } | { ok: false; reasonCode: string; message: string };

const DELIVERY_DAYS: Record<ShippingMethodId, number> = { standard: 7, express: 2 };

/** The addresses checkout.js shared: no shipping address in a PayOnly checkout. */
export interface BuyNowAddresses {
  shipping: ShippableAddress | null;
  billing?: ShippableAddress | null;
}

async function quoteFor(
  binding: { buyNowProductId: string | null; buyNowQuantity: number | null; shippingMethod: string },
  addresses: BuyNowAddresses,
  amountsOnly: boolean,
): Promise<BuyNowAnswer> {
  if (!binding.buyNowProductId || !binding.buyNowQuantity)
    return {
      ok: false,
      reasonCode: "InvalidSession",
      message: "This checkout was not started with Buy Now.",
    };
  const method = isShippingMethodId(binding.shippingMethod)
    ? binding.shippingMethod
    : DEFAULT_SHIPPING_METHOD;
  const priced = await priceItemsForAddresses(
    [{ productId: binding.buyNowProductId, quantity: binding.buyNowQuantity }],
    method,
    { shipping: addresses.shipping, billing: addresses.billing ?? null },
  );
  if (!priced)
    return { ok: false, reasonCode: "ProductUnavailable", message: "This product is no longer available." };
  // Nothing to ship (a PayOnly checkout): no address rules, no delivery options.
  const restriction = priced.ships
    ? shippingRestriction(addresses.shipping, deliveryArea(currentMarket()))
    : null;
  if (restriction) return { ok: false, reasonCode: "shippingAddressInvalid", message: restriction };
  const { quote, lines } = priced;
  const amounts = {
    totalShippingAmount: priceFromMoney(quote.shipping),
    totalBaseAmount: priceFromMoney(quote.subtotal),
    // Where prices include VAT or consumption tax, none is added: the total is base + shipping.
    totalTaxAmount: priceFromMoney(addedTax(quote)),
    totalChargeAmount: priceFromMoney(quote.total),
    totalDiscountAmount: priceFromMoney({ amount: 0, currency: quote.currency }),
    totalOrderAmount: priceFromMoney(quote.total),
  };
  if (amountsOnly) return { ok: true, cartDetails: amounts };
  return {
    ok: true,
    cartDetails: {
      lineItems: lines.map((line) => ({
        id: line.slug,
        title: line.name,
        quantity: String(line.quantity),
        listPrice: priceFromMoney(line.unitPrice),
        totalListPrice: priceFromMoney(line.lineTotal),
      })),
      ...(priced.ships
        ? {
            deliveryOptions: shippingOptions(quote.subtotal).map((option) => ({
              id: option.id,
              price: priceFromMoney(option.cost),
              shippingMethod: { shippingMethodName: option.label, shippingMethodCode: option.id },
              isDefault: option.id === method,
              shippingEstimate: [{ timeUnit: "DAY" as const, value: DELIVERY_DAYS[option.id] }],
            })),
          }
        : {}),
      ...amounts,
    },
  };
}

/** onInitCheckout: binds the session to this cart with the product and quantity, and prices it. */
export async function startBuyNow(input: {
  sessionId: string;
  cartId: string;
  slug: string;
  quantity: number;
  address: ShippableAddress | null;
  billingAddress?: ShippableAddress | null;
}): Promise<BuyNowAnswer> {
  const product = await db().product.findFirst({
    where: { slug: input.slug, active: true },
    select: { id: true },
  });
  if (!product)
    return { ok: false, reasonCode: "ProductUnavailable", message: "This product is no longer available." };
  const bound = await bindCheckoutSession(db(), input.sessionId, input.cartId, "buy-now", {
    buyNowProductId: product.id,
    buyNowQuantity: input.quantity,
  });
  if (
    !bound.ok ||
    bound.binding.buyNowProductId !== product.id ||
    bound.binding.buyNowQuantity !== input.quantity
  ) {
    return {
      ok: false,
      reasonCode: "InvalidSession",
      message: "This checkout belongs to another cart or product.",
    };
  }
  return quoteFor(bound.binding, { shipping: input.address, billing: input.billingAddress }, false);
}

async function boundBuyNow(sessionId: string, cartId: string) {
  const binding = await db().checkoutSessionBinding.findUnique({ where: { id: sessionId } });
  return binding && binding.cartId === cartId && binding.flow === "buy-now" ? binding : null;
}

/** onShippingAddressSelection: new totals for the new address, or a refusal the buyer sees. */
export async function repriceBuyNow(input: {
  sessionId: string;
  cartId: string;
  address: ShippableAddress | null;
}): Promise<BuyNowAnswer> {
  const binding = await boundBuyNow(input.sessionId, input.cartId);
  if (!binding)
    return { ok: false, reasonCode: "InvalidSession", message: "This checkout belongs to another cart." };
  return quoteFor(binding, { shipping: input.address }, false);
}

/** onDeliveryOptionSelection: remembers the method and answers the new amounts. */
export async function chooseBuyNowDelivery(input: {
  sessionId: string;
  cartId: string;
  method: ShippingMethodId;
  address: ShippableAddress | null;
}): Promise<BuyNowAnswer> {
  const binding = await boundBuyNow(input.sessionId, input.cartId);
  if (!binding)
    return { ok: false, reasonCode: "InvalidSession", message: "This checkout belongs to another cart." };
  const updated = await db().checkoutSessionBinding.update({
    where: { id: binding.id },
    data: { shippingMethod: input.method },
  });
  return quoteFor(updated, { shipping: input.address }, true);
}

/** onCompleteCheckout: Finalize with the bound product and quantity, priced from the database. */
export async function completeBuyNow(input: { sessionId: string; cartId: string }): Promise<FinalizeResult> {
  const binding = await boundBuyNow(input.sessionId, input.cartId);
  if (!binding?.buyNowProductId || !binding.buyNowQuantity) return { kind: "not-found" };
  return finalizeCheckout({
    sessionId: input.sessionId,
    cartId: input.cartId,
    flow: "buy-now",
    items: [{ productId: binding.buyNowProductId, quantity: binding.buyNowQuantity }],
    shippingMethod: isShippingMethodId(binding.shippingMethod)
      ? binding.shippingMethod
      : DEFAULT_SHIPPING_METHOD,
  });
}

/**
 * Where a Buy Now checkout starts again: the page of the product the session was bound to (the
 * home page when there is none), with the notice that says why.
 */
export async function buyNowStartUrl(sessionId: string, notice: CheckoutNotice): Promise<string> {
  const binding = await db().checkoutSessionBinding.findUnique({ where: { id: sessionId } });
  const product = binding?.buyNowProductId
    ? await db().product.findUnique({ where: { id: binding.buyNowProductId }, select: { slug: true } })
    : null;
  return `${product ? `/products/${product.slug}` : "/"}?checkout=${notice}`;
}
