// Buy Now, the merchant's answers: CartDetails from onInitCheckout and again when the address or
// the delivery option changes, validated and turned into the session's amounts.
import { z } from "zod";
import type { Money } from "@storefront/amazon-pay/money";
import { priceJson } from "../core/amounts";
import { ApiError, currencyMismatch, invalidParameter } from "../core/api-error";
import { type CheckoutSessionRecord } from "../model/records";
import {
  cartAmountsSchema,
  cartDetailsSchema,
  cartProblem,
  totalsProblem,
  type CartDetails,
} from "../schemas/cart-details";
import { issueToApiError, parseRequest } from "../schemas/parse";
import type { Emulator } from "../emulator";
import { checkMerchantAmount } from "./merchant-currencies";
import { changeSession } from "./session-records";

function cartJson(cart: CartDetails, selectedDeliveryOptionId: string | null) {
  const opt = (m: Money | undefined) => (m ? priceJson(m) : null);
  return {
    lineItems: (cart.lineItems ?? []).map((l) => ({
      id: l.id,
      title: l.title,
      quantity: String(l.quantity),
      listPrice: priceJson(l.listPrice),
      totalListPrice: priceJson(l.totalListPrice),
      variantTitle: l.variantTitle ?? null,
      discountedPrice: opt(l.discountedPrice),
    })),
    deliveryOptions: (cart.deliveryOptions ?? []).map((d) => ({
      id: d.id,
      price: priceJson(d.price),
      shippingMethod: { ...d.shippingMethod },
      isDefault: selectedDeliveryOptionId === null ? d.isDefault : d.id === selectedDeliveryOptionId,
      shippingEstimate: d.shippingEstimate ?? null,
      dateTimeWindow: d.dateTimeWindow ?? null,
    })),
    totalShippingAmount: priceJson(cart.totalShippingAmount),
    totalBaseAmount: priceJson(cart.totalBaseAmount),
    totalTaxAmount: priceJson(cart.totalTaxAmount),
    totalChargeAmount: priceJson(cart.totalChargeAmount),
    totalDiscountAmount: opt(cart.totalDiscountAmount),
    totalOrderAmount: opt(cart.totalOrderAmount),
  };
}

/** The validated cart of each Buy Now session (Money amounts), kept to merge delivery-option amounts into. */
const parsedCarts = new WeakMap<CheckoutSessionRecord, CartDetails>();

export const buyNowCartSchema = z.object({
  event: z.enum(["init", "address", "delivery"]),
  cartDetails: z.unknown(),
  deliveryOptionId: z.string().optional(),
});

function parseCart<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = issueToApiError(result.error.issues, value);
  throw new ApiError(400, error.reasonCode, `The merchant's cart details are invalid: ${error.message}`);
}

/** Validates the merchant's CartDetails and makes its totalChargeAmount the session's chargeAmount. */
export function setBuyNowCart(sb: Emulator, s: CheckoutSessionRecord, raw: unknown) {
  const input = parseRequest(buyNowCartSchema, raw);
  changeSession(sb, s, { type: "selectDetails" });
  const rules = {
    requireDeliveryOptions: s.productType === "PayAndShip" && input.event === "init",
    checkTotals: sb.config.buyNowCheckCartTotals,
  };
  let cart: CartDetails;
  let selected: string | null = null;
  if (input.event === "delivery") {
    const amounts = parseCart(cartAmountsSchema, input.cartDetails);
    const problem = totalsProblem(amounts, rules);
    if (problem) throw invalidCart(problem);
    const previous = parsedCarts.get(s);
    if (!previous)
      throw new ApiError(
        400,
        "InvalidRequest",
        "The cart must be set (onInitCheckout) before a delivery option is chosen.",
      );
    if (!previous.deliveryOptions?.some((d) => d.id === input.deliveryOptionId))
      throw invalidParameter("deliveryOptionId", "no such delivery option");
    cart = { ...previous, ...amounts };
    selected = input.deliveryOptionId ?? null;
  } else {
    cart = parseCart(cartDetailsSchema, input.cartDetails);
    const problem = cartProblem(cart, rules);
    if (problem) throw invalidCart(problem);
  }
  const configured = s.paymentDetails.presentmentCurrency;
  if (configured && configured !== cart.totalChargeAmount.currency) {
    throw currencyMismatch(
      `The cart is in ${cart.totalChargeAmount.currency} but the checkoutSessionConfig uses ${configured}.`,
    );
  }
  const merchant = sb.merchants.list().find((m) => m.merchantId === s.merchantId);
  if (merchant) checkMerchantAmount(merchant, sb.config, "totalChargeAmount", cart.totalChargeAmount);
  parsedCarts.set(
    s,
    selected
      ? {
          ...cart,
          deliveryOptions: cart.deliveryOptions?.map((d) => ({ ...d, isDefault: d.id === selected })),
        }
      : cart,
  );
  s.cartDetails = cartJson(cart, selected);
  s.cartAddressId = s.choice?.addressId ?? null;
  s.paymentDetails = {
    ...s.paymentDetails,
    chargeAmount: cart.totalChargeAmount,
    totalOrderAmount: cart.totalOrderAmount ?? null,
    presentmentCurrency: cart.totalChargeAmount.currency,
  };
  return s.cartDetails;
}

const invalidCart = ([field, message]: [string, string]) =>
  new ApiError(
    400,
    "InvalidParameterValue",
    `The merchant's cart details are invalid: [${field}] ${message}.`,
  );
