// Session details as requests set them: patches merged into the stored paymentDetails, merchant
// and recurring metadata, the combination rules of paymentDetails, and addressDetails as a record.
import { type Money } from "@storefront/amazon-pay/money";
import { currencyMismatch, invalidCombination, invalidParameter } from "../core/api-error";
import type { EmulatorConfig } from "../core/config";
import type { MerchantRecord } from "../core/merchants";
import { type AddressRecord } from "../core/test-buyers";
import { type MerchantMetadata, type PaymentDetails, type RecurringMetadata } from "../model/records";
import { type CreateCheckoutSessionInput } from "../schemas/requests";
import { checkMerchantPaymentDetails } from "./merchant-currencies";

export function mergeMerchantMetadata(
  current: MerchantMetadata,
  patch: Partial<Record<keyof MerchantMetadata, string | null | undefined>> | undefined,
): MerchantMetadata {
  const next = { ...current };
  if (!patch) return next;
  for (const key of Object.keys(next) as (keyof MerchantMetadata)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
}

export function mergeRecurringMetadata(
  current: RecurringMetadata,
  patch: { frequency?: { unit: string; value: string } | undefined; amount?: Money | undefined } | undefined,
): RecurringMetadata {
  if (!patch) return current;
  return { frequency: patch.frequency ?? current.frequency, amount: patch.amount ?? current.amount };
}

type PaymentDetailsPatch = NonNullable<CreateCheckoutSessionInput["paymentDetails"]>;

export function mergePaymentDetails(
  current: PaymentDetails,
  patch: PaymentDetailsPatch | undefined,
): PaymentDetails {
  if (!patch) return current;
  const next: PaymentDetails = {
    paymentIntent: patch.paymentIntent ?? current.paymentIntent,
    canHandlePendingAuthorization:
      patch.canHandlePendingAuthorization ?? current.canHandlePendingAuthorization,
    chargeAmount: patch.chargeAmount ?? current.chargeAmount,
    totalOrderAmount: patch.totalOrderAmount ?? current.totalOrderAmount,
    softDescriptor: patch.softDescriptor ?? current.softDescriptor,
    presentmentCurrency:
      (patch.presentmentCurrency as PaymentDetails["presentmentCurrency"]) ?? current.presentmentCurrency,
    allowOvercharge: patch.allowOvercharge ?? current.allowOvercharge,
    extendExpiration: patch.extendExpiration ?? current.extendExpiration,
  };
  if (patch.chargeAmount && !patch.presentmentCurrency)
    next.presentmentCurrency = patch.chargeAmount.currency;
  return next;
}

export const emptyPaymentDetails = (): PaymentDetails => ({
  paymentIntent: null,
  canHandlePendingAuthorization: false,
  chargeAmount: null,
  totalOrderAmount: null,
  softDescriptor: null,
  presentmentCurrency: null,
  allowOvercharge: null,
  extendExpiration: null,
});

/** The documented combination rules of paymentDetails, on the merged details. */
export function checkPaymentDetails(
  p: PaymentDetails,
  config: EmulatorConfig,
  merchant: Pick<MerchantRecord, "region" | "ledgerCurrency">,
): void {
  if (
    config.rejectPendingWithAuthorizeWithCapture &&
    p.canHandlePendingAuthorization &&
    p.paymentIntent === "AuthorizeWithCapture"
  ) {
    throw invalidCombination(
      "paymentDetails.canHandlePendingAuthorization cannot be true when paymentDetails.paymentIntent is AuthorizeWithCapture.",
    );
  }
  if (
    config.softDescriptorRequiresCapture &&
    p.softDescriptor !== null &&
    p.paymentIntent !== null &&
    p.paymentIntent !== "AuthorizeWithCapture"
  ) {
    throw invalidCombination(
      "paymentDetails.softDescriptor is only allowed when paymentDetails.paymentIntent is AuthorizeWithCapture.",
    );
  }
  if (p.chargeAmount && p.totalOrderAmount) {
    if (p.chargeAmount.currency !== p.totalOrderAmount.currency) {
      throw currencyMismatch(
        `paymentDetails.chargeAmount is in ${p.chargeAmount.currency} but paymentDetails.totalOrderAmount is in ${p.totalOrderAmount.currency}.`,
      );
    }
    if (p.chargeAmount.amount > p.totalOrderAmount.amount)
      throw invalidParameter("paymentDetails.chargeAmount", "it exceeds paymentDetails.totalOrderAmount");
  }
  if (p.chargeAmount && p.presentmentCurrency && p.presentmentCurrency !== p.chargeAmount.currency) {
    throw currencyMismatch(
      `paymentDetails.presentmentCurrency ${p.presentmentCurrency} differs from the currency of paymentDetails.chargeAmount (${p.chargeAmount.currency}); charge in the presentment currency.`,
    );
  }
  checkMerchantPaymentDetails(merchant, config, p);
}

export function addressFromDetails(
  d: NonNullable<CreateCheckoutSessionInput["addressDetails"]>,
): AddressRecord {
  return {
    name: d.name,
    addressLine1: d.addressLine1,
    addressLine2: d.addressLine2 ?? null,
    addressLine3: d.addressLine3 ?? null,
    city: d.city ?? null,
    county: d.districtOrCounty ?? null,
    district: null,
    stateOrRegion: d.stateOrRegion ?? null,
    postalCode: d.postalCode ?? null,
    countryCode: d.countryCode,
    phoneNumber: d.phoneNumber ?? null,
  };
}
