// Buy Now: the checkout.js dialog creates the session from
// checkoutSessionConfig, records the buyer's choices and the merchant's CartDetails, and the
// merchant's onCompleteCheckout handler calls Finalize Checkout Session.
import { z } from "zod";
import type { Money } from "@storefront/amazon-pay/money";
import { priceJson } from "../core/amounts";
import { ApiError, currencyMismatch, invalidParameter, missingParameter } from "../core/api-error";
import {
  findBuyer,
  findInstrument,
  paymentDescriptor,
  TEST_BUYERS,
  TEST_INSTRUMENTS,
  type AddressRecord,
} from "../core/test-buyers";
import type { MerchantRecord } from "../core/merchants";
import {
  DEFAULT_SCOPES,
  emptyMerchantMetadata,
  type CheckoutSessionRecord,
  type PaymentDetails,
} from "../model/records";
import { addressJson, buyerJson, sessionBuyerDetails } from "../model/serialize";
import {
  cartAmountsSchema,
  cartDetailsSchema,
  cartProblem,
  totalsProblem,
  type CartDetails,
} from "../schemas/cart-details";
import { fieldName, issueToApiError, parseRequest } from "../schemas/parse";
import { buyNowSessionConfigSchema, finalizeCheckoutSessionSchema } from "../schemas/requests";
import { checkoutSessionTransition } from "../state/checkout-session";
import { verifySignedConfig } from "../auth/button-signature";
import type { Emulator } from "../emulator";
import {
  changeSession,
  checkAmount,
  checkPaymentDetails,
  checkStoreId,
  finishCheckout,
  mergeMerchantMetadata,
  mergePaymentDetails,
  mergeRecurringMetadata,
  outcomeFor,
  storeSession,
} from "./checkout-sessions";
import type { OpContext, OpResult } from "./context";
import { addressOptions, chooseDetails } from "./hosted-checkout";

const signedConfigSchema = z.strictObject({
  payloadJSON: z.string().min(1),
  signature: z.string().min(1),
  publicKeyId: z.string().optional(),
  algorithm: z.string().optional(),
});

export const buyNowStartSchema = z.object({
  merchantId: z.string().min(1),
  publicKeyId: z.string().optional(),
  ledgerCurrency: z.string().optional(),
  productType: z.enum(["PayAndShip", "PayOnly"]).optional(),
  placement: z.string().optional(),
  checkoutLanguage: z.string().optional(),
  checkoutSessionConfig: z.union([signedConfigSchema, z.record(z.string(), z.unknown())]),
});

function resolveMerchant(
  sb: Emulator,
  input: z.output<typeof buyNowStartSchema>,
): { merchant: MerchantRecord; config: unknown } {
  const config = input.checkoutSessionConfig;
  if (typeof config.payloadJSON === "string" && typeof config.signature === "string") {
    const signed = signedConfigSchema.parse(config);
    const merchant = verifySignedConfig(sb, signed, input.publicKeyId, input.merchantId);
    try {
      return { merchant, config: JSON.parse(signed.payloadJSON) as unknown };
    } catch {
      throw new ApiError(400, "InvalidRequestFormat", "checkoutSessionConfig.payloadJSON is not valid JSON.");
    }
  }
  if (sb.config.buyNowRequireSignedConfig) {
    throw new ApiError(
      400,
      "InvalidParameterValue",
      "checkoutSessionConfig must be signed ({ payloadJSON, signature, publicKeyId, algorithm }) in this emulator configuration.",
    );
  }
  const merchant = input.publicKeyId
    ? sb.merchants.get(input.publicKeyId)
    : sb.merchants.byMerchantId(input.merchantId);
  if (!merchant || merchant.merchantId !== input.merchantId) {
    throw new ApiError(
      401,
      "UnauthorizedAccess",
      `The merchant [${input.merchantId}] is not registered with the emulator (POST /__emulator/merchants).`,
    );
  }
  return { merchant, config };
}

/** What the dialog needs to let the buyer choose: buyers, addresses (with restrictions), instruments. */
export function buyNowChoices(s: CheckoutSessionRecord) {
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    productType: s.productType,
    buyers: TEST_BUYERS.map((buyer) => ({
      buyerId: buyer.buyerId,
      name: buyer.name,
      email: buyer.email,
      addresses:
        s.productType === "PayAndShip"
          ? addressOptions(s, buyer).map((a) => ({
              id: a.id,
              label: a.label,
              address: addressJson(a.address),
              restriction: a.restriction,
            }))
          : [],
    })),
    paymentMethods: TEST_INSTRUMENTS.map((i) => ({
      id: i.id,
      brand: i.brand,
      last4: i.last4,
      descriptor: paymentDescriptor(i),
      simulates: i.simulates,
    })),
  };
}

export function startBuyNow(sb: Emulator, raw: unknown): CheckoutSessionRecord {
  const input = parseRequest(buyNowStartSchema, raw);
  const { merchant, config } = resolveMerchant(sb, input);
  const ctx: OpContext = { sb, merchant, simulationCode: null };
  const body = parseRequest(buyNowSessionConfigSchema, config);
  checkStoreId(ctx, body.storeId);
  const chargePermissionType = body.chargePermissionType ?? "OneTime";
  const emptyDetails: PaymentDetails = {
    paymentIntent: null,
    canHandlePendingAuthorization: false,
    chargeAmount: null,
    totalOrderAmount: null,
    softDescriptor: null,
    presentmentCurrency: null,
    allowOvercharge: null,
    extendExpiration: null,
  };
  const paymentDetails = mergePaymentDetails(emptyDetails, body.paymentDetails);
  checkPaymentDetails(paymentDetails, sb.config);
  return storeSession(sb, {
    merchantId: merchant.merchantId,
    storeId: body.storeId,
    origin: "buyNow",
    webCheckoutDetails: {
      checkoutReviewReturnUrl: body.webCheckoutDetails?.checkoutReviewReturnUrl ?? null,
      checkoutResultReturnUrl: body.webCheckoutDetails?.checkoutResultReturnUrl ?? null,
      checkoutCancelUrl: body.webCheckoutDetails?.checkoutCancelUrl ?? null,
      checkoutMode: null,
    },
    productType: input.productType ?? "PayAndShip",
    paymentDetails,
    chargePermissionType,
    recurringMetadata: mergeRecurringMetadata({ frequency: null, amount: null }, body.recurringMetadata),
    paymentMethodOnFileMetadata: body.paymentMethodOnFileMetadata ?? null,
    merchantMetadata: mergeMerchantMetadata(emptyMerchantMetadata(), body.merchantMetadata),
    supplementaryData: body.supplementaryData ?? null,
    platformId: body.platformId ?? null,
    providerMetadata: { providerReferenceId: body.providerMetadata?.providerReferenceId ?? null },
    scopes: body.scopes ?? [...DEFAULT_SCOPES],
    deliverySpecifications: body.deliverySpecifications ?? null,
    addressDetails: null,
    existingChargePermissionId: body.chargePermissionId ?? null,
    checkoutLanguage: input.checkoutLanguage ?? null,
  });
}

export function buyNowSession(sb: Emulator, id: string): CheckoutSessionRecord {
  const s = sb.store.checkoutSessions.get(id);
  if (!s || s.origin !== "buyNow")
    throw new ApiError(
      404,
      "ResourceNotFound",
      `The Buy Now Checkout Session with id [${id}] was not found.`,
    );
  return s;
}

/** The event objects handed to the merchant's handlers. */
export function buyNowEvent(s: CheckoutSessionRecord) {
  const buyer = s.choice ? findBuyer(s.choice.buyerId) : undefined;
  const details = sessionBuyerDetails(s);
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    buyer: buyer ? buyerJson(buyer, s.scopes) : null,
    shippingAddress: details.shippingAddress,
    billingAddress: buyer ? addressJson(buyer.billingAddress) : null,
    paymentDescriptor: details.paymentDescriptor,
  };
}

export const buyNowSelectionSchema = z.object({
  buyerId: z.string().min(1),
  addressId: z.string().optional(),
  paymentMethodId: z.string().min(1),
});

export function selectBuyNow(sb: Emulator, s: CheckoutSessionRecord, raw: unknown) {
  const input = parseRequest(buyNowSelectionSchema, raw);
  const problem = chooseDetails(sb, s, {
    buyerId: input.buyerId,
    addressId: input.addressId,
    instrumentId: input.paymentMethodId,
  });
  if (problem) throw new ApiError(400, "InvalidParameterValue", problem);
  return buyNowEvent(s);
}

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

/** The buyer pressed Pay now: the details are final; returns the onCompleteCheckout event. */
export function confirmBuyNow(sb: Emulator, s: CheckoutSessionRecord) {
  if (!s.status.buyerRedirected) {
    if (!s.choice)
      throw new ApiError(400, "InvalidRequest", "Choose a buyer, address and payment method first.");
    if (!s.cartDetails)
      throw new ApiError(
        400,
        "InvalidRequest",
        "The merchant has not provided the cart details (onInitCheckout).",
      );
    if (s.productType === "PayAndShip" && s.cartAddressId !== s.choice.addressId) {
      throw new ApiError(
        400,
        "InvalidRequest",
        "The merchant has not accepted the selected shipping address; choose another address.",
      );
    }
    changeSession(sb, s, { type: "redirect" });
  }
  return buyNowEvent(s);
}

export function cancelBuyNow(sb: Emulator, s: CheckoutSessionRecord): void {
  if (s.status.state === "Open") changeSession(sb, s, { type: "cancel", reasonCode: "BuyerCanceled" });
}

export function buyNowStatus(s: CheckoutSessionRecord) {
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    state: s.status.state,
    reasonCode: s.status.reasonCode,
    confirmed: s.status.buyerRedirected,
  };
}

const ADDRESS_FIELDS = [
  "name",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "city",
  "county",
  "district",
  "stateOrRegion",
  "postalCode",
  "countryCode",
] as const;
const normalized = (value: string | null | undefined) =>
  (value ?? "").trim().replace(/\s+/g, " ").toLowerCase();

function checkAddress(
  field: "shippingAddress" | "billingAddress",
  given: Partial<Record<(typeof ADDRESS_FIELDS)[number], string | null>> | undefined,
  expected: AddressRecord,
): void {
  if (!given) throw missingParameter(field);
  for (const key of ADDRESS_FIELDS) {
    if (normalized(given[key]) !== normalized(expected[key])) {
      throw new ApiError(
        400,
        "InvalidParameterValue",
        `The value provided for [${fieldName([field, key])}] does not match the address the buyer selected (expected ${JSON.stringify(expected[key])}).`,
      );
    }
  }
}

/** Finalize Checkout Session. */
export function finalizeCheckoutSession(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const s = sb.store.session(id, ctx.merchant.merchantId);
  const input = parseRequest(finalizeCheckoutSessionSchema, raw);
  const check = checkoutSessionTransition(s.status, {
    type: "complete",
    expiredError: sb.config.completeExpiredSessionError,
  });
  if (!check.ok) throw new ApiError(check.refusal.status, check.refusal.reasonCode, check.refusal.message);
  if (s.paymentDetails.paymentIntent && s.paymentDetails.paymentIntent !== input.paymentIntent) {
    throw invalidParameter(
      "paymentIntent",
      `the Checkout Session was configured with ${s.paymentDetails.paymentIntent}`,
    );
  }
  const paymentDetails: PaymentDetails = {
    ...s.paymentDetails,
    paymentIntent: input.paymentIntent,
    canHandlePendingAuthorization:
      input.canHandlePendingAuthorization ?? s.paymentDetails.canHandlePendingAuthorization,
  };
  checkPaymentDetails(paymentDetails, sb.config);
  checkAmount(sb, "chargeAmount", input.chargeAmount, s.paymentDetails.chargeAmount, null);
  checkAmount(
    sb,
    "totalOrderAmount",
    input.totalOrderAmount,
    s.paymentDetails.totalOrderAmount,
    s.paymentDetails.chargeAmount,
  );
  const buyer = s.choice ? findBuyer(s.choice.buyerId) : undefined;
  if (!buyer || !s.choice)
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No buyer is associated with the Checkout Session.",
    );
  if (s.productType === "PayAndShip") {
    const chosen = s.addressDetails ?? buyer.addresses.find((a) => a.id === s.choice?.addressId)?.address;
    if (chosen) checkAddress("shippingAddress", input.shippingAddress, chosen);
  } else {
    checkAddress("billingAddress", input.billingAddress, buyer.billingAddress);
  }
  if (!findInstrument(s.choice.instrumentId))
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No payment method is associated with the Checkout Session.",
    );
  s.paymentDetails = paymentDetails;
  if (input.supplementaryData !== undefined) s.supplementaryData = input.supplementaryData;
  const outcome = outcomeFor(sb, s, ctx.simulationCode ?? s.simulationCode);
  s.outcome = outcome;
  return finishCheckout(sb, s, outcome);
}
