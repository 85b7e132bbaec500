// What the emulator stores about each object. Amounts are Money; the documented JSON shapes are
// produced by serialize.ts.
import type { Currency, Money } from "@storefront/amazon-pay/money";
import { SCOPES, type Scope } from "@storefront/amazon-pay/schemas/buyer";
import { PRODUCT_TYPES } from "@storefront/amazon-pay/schemas/checkout-session";
import {
  CHARGE_PERMISSION_TYPES,
  PAYMENT_INTENTS,
  type ChargePermissionType,
  type PaymentIntent,
} from "@storefront/amazon-pay/schemas/metadata";
import type { Conversion } from "../core/currency-conversion";
import type { DeliverySpecifications } from "../core/delivery-restrictions";
import type { AddressRecord } from "../core/test-buyers";
import type { ChargeStatus } from "../state/charge";
import type { ChargePermissionStatus } from "../state/charge-permission";
import type { CheckoutSessionCancelReason, CheckoutSessionStatus } from "../state/checkout-session";
import type { RefundStatus } from "../state/refund";

export {
  CHARGE_PERMISSION_TYPES,
  PAYMENT_INTENTS,
  PRODUCT_TYPES,
  SCOPES,
  type ChargePermissionType,
  type PaymentIntent,
  type Scope,
};
export type ProductType = (typeof PRODUCT_TYPES)[number];
/** Amazon's default: every scope except the billing address (prime status is allow-listed). */
export const DEFAULT_SCOPES: Scope[] = ["name", "email", "phoneNumber", "postalCode", "shippingAddress"];

export interface MerchantMetadata {
  merchantReferenceId: string | null;
  merchantStoreName: string | null;
  noteToBuyer: string | null;
  customInformation: string | null;
}

export const emptyMerchantMetadata = (): MerchantMetadata => ({
  merchantReferenceId: null,
  merchantStoreName: null,
  noteToBuyer: null,
  customInformation: null,
});

export interface RecurringMetadata {
  frequency: { unit: string; value: string } | null;
  amount: Money | null;
}

export interface PaymentDetails {
  paymentIntent: PaymentIntent | null;
  canHandlePendingAuthorization: boolean;
  chargeAmount: Money | null;
  totalOrderAmount: Money | null;
  softDescriptor: string | null;
  presentmentCurrency: Currency | null;
  allowOvercharge: boolean | null;
  extendExpiration: boolean | null;
}

/** What the buyer picked on the hosted page or in the Buy Now dialog. */
export interface BuyerChoice {
  buyerId: string;
  /** Null for PayOnly. */
  addressId: string | null;
  instrumentId: string;
}

/** Result of the processing step (amazonPayRedirectUrl) or of Finalize's authorization. */
export type CheckoutOutcome =
  | { kind: "approve"; pending: null | "approve" | "decline" }
  | { kind: "cancel"; reasonCode: Exclude<CheckoutSessionCancelReason, "Expired"> }
  | { kind: "error"; message: string };

export interface CheckoutSessionRecord {
  checkoutSessionId: string;
  merchantId: string;
  storeId: string;
  /** How it was created: Create Checkout Session, the checkout.js button, or the Buy Now button. */
  origin: "api" | "button" | "buyNow";
  webCheckoutDetails: {
    checkoutReviewReturnUrl: string | null;
    checkoutResultReturnUrl: string | null;
    checkoutCancelUrl: string | null;
    checkoutMode: "ProcessOrder" | null;
  };
  productType: ProductType;
  paymentDetails: PaymentDetails;
  cartDetails: Record<string, unknown> | null;
  /** Buy Now: the shipping address the current cartDetails were computed for. */
  cartAddressId: string | null;
  chargePermissionType: ChargePermissionType;
  recurringMetadata: RecurringMetadata;
  paymentMethodOnFileMetadata: { setupOnly: boolean } | null;
  merchantMetadata: MerchantMetadata;
  supplementaryData: string | null;
  platformId: string | null;
  providerMetadata: { providerReferenceId: string | null };
  scopes: Scope[];
  deliverySpecifications: DeliverySpecifications | null;
  /** APB (ProcessOrder) address the merchant supplied. */
  addressDetails: AddressRecord | null;
  choice: BuyerChoice | null;
  status: CheckoutSessionStatus;
  statusUpdatedAt: number;
  /** Simulation code sent with Update Checkout Session, applied when the buyer is processed. */
  simulationCode: string | null;
  outcome: CheckoutOutcome | null;
  chargePermissionId: string | null;
  chargeId: string | null;
  /** Create Checkout Session's chargePermissionId (an existing permission to reuse). */
  existingChargePermissionId: string | null;
  createdAt: number;
  expiresAt: number;
  checkoutLanguage: string | null;
}

export interface ChargePermissionRecord {
  chargePermissionId: string;
  merchantId: string;
  checkoutSessionId: string | null;
  platformId: string | null;
  scopes: Scope[];
  buyerId: string;
  shippingAddress: AddressRecord | null;
  billingAddress: AddressRecord | null;
  instrumentId: string;
  status: ChargePermissionStatus;
  statusUpdatedAt: number;
  createdAt: number;
  expiresAt: number | null;
  merchantMetadata: MerchantMetadata;
  /** Null for Recurring and PaymentMethodOnFile (no overall limit). */
  amountLimit: Money | null;
  capturedTotal: Money;
  chargePermissionType: ChargePermissionType;
  recurringMetadata: RecurringMetadata;
  presentmentCurrency: Currency;
  paymentMethodOnFileMetadata: { setupOnly: boolean } | null;
  chargeIds: string[];
  expiryEventId: number | null;
}

export interface ChargeRecord {
  chargeId: string;
  chargePermissionId: string;
  merchantId: string;
  chargeAmount: Money;
  captureAmount: Money | null;
  refundedAmount: Money;
  softDescriptor: string | null;
  providerMetadata: { providerReferenceId: string | null };
  channel: string | null;
  chargeInitiator: string | null;
  status: ChargeStatus;
  statusUpdatedAt: number;
  createdAt: number;
  /** When the authorization succeeded; captures more than 7 days later are asynchronous. */
  authorizedAt: number | null;
  expiresAt: number;
  merchantMetadata: MerchantMetadata;
  platformId: string | null;
  refundIds: string[];
  expiryEventId: number | null;
  /** Multi-currency: the conversion into the merchant's ledger currency; null when charged in it. */
  conversion: Conversion | null;
}

export interface RefundRecord {
  refundId: string;
  chargeId: string;
  chargePermissionId: string;
  merchantId: string;
  refundAmount: Money;
  softDescriptor: string | null;
  status: RefundStatus;
  statusUpdatedAt: number;
  createdAt: number;
}

export interface BuyerTokenRecord {
  buyerToken: string;
  merchantId: string;
  buyerId: string;
  scopes: Scope[];
  expiresAt: number;
}

export interface SignInRecord {
  signInId: string;
  merchantId: string;
  storeId: string;
  signInReturnUrl: string;
  signInCancelUrl: string | null;
  scopes: Scope[];
  checkoutLanguage: string | null;
}

export interface DeliveryTrackerRecord {
  merchantId: string;
  chargePermissionId: string | null;
  amazonOrderReferenceId: string | null;
  trackingNumber: string;
  carrierCode: string;
  createdAt: number;
}
