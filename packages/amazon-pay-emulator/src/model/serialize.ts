// The documented JSON objects, every key present and in the documented order.
import { priceJson, priceJsonOrNull, type PriceJson } from "../core/amounts";
import { amzTimestamp } from "../core/clock";
import { convert } from "../core/currency-conversion";
import {
  findBuyer,
  findInstrument,
  paymentDescriptor,
  type AddressRecord,
  type TestBuyer,
} from "../core/test-buyers";
import { CHARGE_REASON_DESCRIPTIONS } from "../state/charge";
import { CHARGE_PERMISSION_REASON_DESCRIPTIONS } from "../state/charge-permission";
import { REASON_DESCRIPTIONS } from "../state/checkout-session";
import { REFUND_REASON_DESCRIPTIONS } from "../state/refund";
import { constraintsOf } from "./constraints";
import type {
  ChargePermissionRecord,
  ChargeRecord,
  CheckoutSessionRecord,
  MerchantMetadata,
  RecurringMetadata,
  RefundRecord,
  Scope,
} from "./records";

/** An address as the API shows it: the same fields as the emulator keeps. */
export type AddressJson = AddressRecord;

export function addressJson(a: AddressRecord): AddressJson {
  return {
    name: a.name,
    addressLine1: a.addressLine1,
    addressLine2: a.addressLine2,
    addressLine3: a.addressLine3,
    city: a.city,
    county: a.county,
    district: a.district,
    stateOrRegion: a.stateOrRegion,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    phoneNumber: a.phoneNumber,
  };
}

const addressOrNull = (a: AddressRecord | null) => (a ? addressJson(a) : null);

export interface BuyerJson {
  name: string | null;
  email: string | null;
  buyerId: string;
  primeMembershipTypes: string[] | null;
  phoneNumber: string | null;
}

/** The `buyer` member, limited by the scopes the merchant asked for. */
export function buyerJson(buyer: TestBuyer, scopes: readonly Scope[]): BuyerJson {
  return {
    name: scopes.includes("name") ? buyer.name : null,
    email: scopes.includes("email") ? buyer.email : null,
    buyerId: buyer.buyerId,
    primeMembershipTypes: scopes.includes("primeStatus") ? buyer.primeMembershipTypes : null,
    phoneNumber: scopes.includes("phoneNumber") ? buyer.phoneNumber : null,
  };
}

const metadataJson = (m: MerchantMetadata): MerchantMetadata => ({
  merchantReferenceId: m.merchantReferenceId,
  merchantStoreName: m.merchantStoreName,
  noteToBuyer: m.noteToBuyer,
  customInformation: m.customInformation,
});

const recurringJson = (r: RecurringMetadata) => ({
  frequency: r.frequency ? { unit: r.frequency.unit, value: r.frequency.value } : null,
  amount: priceJsonOrNull(r.amount),
});

/** The buyer, address and payment details a session shows once the buyer picked them. */
export function sessionBuyerDetails(s: CheckoutSessionRecord) {
  const buyer = s.choice ? findBuyer(s.choice.buyerId) : undefined;
  const instrument = s.choice ? findInstrument(s.choice.instrumentId) : undefined;
  const shipping =
    buyer && s.productType === "PayAndShip"
      ? (s.addressDetails ?? buyer.addresses.find((a) => a.id === s.choice?.addressId)?.address ?? null)
      : null;
  return {
    buyer: buyer ? buyerJson(buyer, s.scopes) : null,
    billingAddress: buyer && s.scopes.includes("billingAddress") ? addressJson(buyer.billingAddress) : null,
    shippingAddress: shipping ? addressJson(shipping) : null,
    paymentDescriptor: instrument ? paymentDescriptor(instrument) : null,
  };
}

export function checkoutSessionJson(s: CheckoutSessionRecord, ctx: { redirectUrl: (id: string) => string }) {
  const details = sessionBuyerDetails(s);
  const constraints = constraintsOf(s);
  const p = s.paymentDetails;
  // One object literal: spreading parts together is ~500 times slower in V8 for an object this size.
  return {
    checkoutSessionId: s.checkoutSessionId,
    webCheckoutDetails: {
      checkoutReviewReturnUrl: s.webCheckoutDetails.checkoutReviewReturnUrl,
      checkoutResultReturnUrl: s.webCheckoutDetails.checkoutResultReturnUrl,
      checkoutCancelUrl: s.webCheckoutDetails.checkoutCancelUrl,
      amazonPayRedirectUrl:
        s.status.state === "Open" && constraints.length === 0 ? ctx.redirectUrl(s.checkoutSessionId) : null,
      checkoutMode: s.webCheckoutDetails.checkoutMode,
    },
    productType: s.productType,
    paymentDetails: {
      paymentIntent: p.paymentIntent,
      canHandlePendingAuthorization: p.canHandlePendingAuthorization,
      chargeAmount: priceJsonOrNull(p.chargeAmount),
      totalOrderAmount: priceJsonOrNull(p.totalOrderAmount),
      softDescriptor: p.softDescriptor,
      presentmentCurrency: p.presentmentCurrency,
      allowOvercharge: p.allowOvercharge,
      extendExpiration: p.extendExpiration,
    },
    /** Buy Now sessions only; undefined members are left out of the JSON. */
    cartDetails: s.origin === "buyNow" ? s.cartDetails : undefined,
    chargePermissionType: s.chargePermissionType,
    orderType: null,
    recurringMetadata: recurringJson(s.recurringMetadata),
    paymentMethodOnFileMetadata: s.paymentMethodOnFileMetadata
      ? { setupOnly: s.paymentMethodOnFileMetadata.setupOnly }
      : null,
    merchantDetails: null,
    merchantMetadata: metadataJson(s.merchantMetadata),
    supplementaryData: s.supplementaryData,
    buyer: details.buyer,
    billingAddress: details.billingAddress,
    paymentPreferences: [{ paymentDescriptor: details.paymentDescriptor }],
    statusDetails: {
      state: s.status.state,
      reasonCode: s.status.reasonCode,
      reasonDescription: s.status.reasonCode ? REASON_DESCRIPTIONS[s.status.reasonCode] : null,
      lastUpdatedTimestamp: amzTimestamp(s.statusUpdatedAt),
    },
    shippingAddress: details.shippingAddress,
    platformId: s.platformId,
    chargePermissionId: s.chargePermissionId,
    chargeId: s.chargeId,
    constraints,
    creationTimestamp: amzTimestamp(s.createdAt),
    expirationTimestamp: amzTimestamp(s.expiresAt),
    storeId: s.storeId,
    providerMetadata: { providerReferenceId: s.providerMetadata.providerReferenceId },
    releaseEnvironment: "Emulator",
    checkoutButtonText: null,
    deliverySpecifications: s.deliverySpecifications,
    tokens: null,
  };
}

export function chargePermissionJson(cp: ChargePermissionRecord) {
  const buyer = findBuyer(cp.buyerId);
  const instrument = findInstrument(cp.instrumentId);
  const balance = cp.amountLimit
    ? {
        amount: Math.max(0, cp.amountLimit.amount - cp.capturedTotal.amount),
        currency: cp.amountLimit.currency,
      }
    : null;
  return {
    chargePermissionId: cp.chargePermissionId,
    chargePermissionReferenceId: null,
    platformId: cp.platformId,
    buyer: buyer ? buyerJson(buyer, cp.scopes) : null,
    shippingAddress: addressOrNull(cp.shippingAddress),
    billingAddress: addressOrNull(cp.billingAddress),
    paymentPreferences: [{ paymentDescriptor: instrument ? paymentDescriptor(instrument) : null }],
    statusDetails: {
      state: cp.status.state,
      reasons: cp.status.reasons.length
        ? cp.status.reasons.map((reasonCode) => ({
            reasonCode,
            reasonDescription: CHARGE_PERMISSION_REASON_DESCRIPTIONS[reasonCode] ?? null,
          }))
        : null,
      lastUpdatedTimestamp: amzTimestamp(cp.statusUpdatedAt),
    },
    creationTimestamp: amzTimestamp(cp.createdAt),
    expirationTimestamp: cp.expiresAt === null ? null : amzTimestamp(cp.expiresAt),
    merchantMetadata: metadataJson(cp.merchantMetadata),
    releaseEnvironment: "Emulator",
    limits: { amountLimit: priceJsonOrNull(cp.amountLimit), amountBalance: priceJsonOrNull(balance) },
    chargePermissionType: cp.chargePermissionType,
    recurringMetadata: recurringJson(cp.recurringMetadata),
    presentmentCurrency: cp.presentmentCurrency,
  };
}

export function chargeJson(c: ChargeRecord) {
  return {
    chargeId: c.chargeId,
    chargePermissionId: c.chargePermissionId,
    chargeAmount: priceJson(c.chargeAmount),
    captureAmount: priceJsonOrNull(c.captureAmount),
    refundedAmount: priceJson(c.refundedAmount) as PriceJson,
    softDescriptor: c.softDescriptor,
    providerMetadata: { providerReferenceId: c.providerMetadata.providerReferenceId },
    // Multi-currency: the captured amount in the ledger currency, chargeAmount / conversionRate.
    convertedAmount:
      c.conversion && c.captureAmount ? priceJson(convert(c.captureAmount, c.conversion)) : null,
    conversionRate: c.conversion ? c.conversion.rate : null,
    channel: c.channel,
    chargeInitiator: c.chargeInitiator,
    statusDetails: {
      state: c.status.state,
      reasonCode: c.status.reasonCode,
      reasonDescription: c.status.reasonCode
        ? (CHARGE_REASON_DESCRIPTIONS[c.status.reasonCode] ?? null)
        : null,
      lastUpdatedTimestamp: amzTimestamp(c.statusUpdatedAt),
    },
    creationTimestamp: amzTimestamp(c.createdAt),
    expirationTimestamp: amzTimestamp(c.expiresAt),
    releaseEnvironment: "Emulator",
    merchantMetadata: metadataJson(c.merchantMetadata),
    platformId: c.platformId,
    webCheckoutDetails: null,
  };
}

export function refundJson(r: RefundRecord) {
  return {
    refundId: r.refundId,
    chargeId: r.chargeId,
    creationTimestamp: amzTimestamp(r.createdAt),
    refundAmount: priceJson(r.refundAmount),
    statusDetails: {
      state: r.status.state,
      reasonCode: r.status.reasonCode,
      reasonDescription: r.status.reasonCode
        ? (REFUND_REASON_DESCRIPTIONS[r.status.reasonCode] ?? null)
        : null,
      lastUpdatedTimestamp: amzTimestamp(r.statusUpdatedAt),
    },
    softDescriptor: r.softDescriptor,
    releaseEnvironment: "Emulator",
  };
}
