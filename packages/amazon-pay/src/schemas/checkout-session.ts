// The Checkout Session object as Amazon returns it, with every documented member.
import { z } from "zod";
import { addressSchema, shippingAddressListSchema } from "./address";
import { checkoutBuyerSchema } from "./buyer";
import { cartDetailsSchema } from "./cart-details";
import { isOneOf, nullable, openEnum, amazonTimestamp } from "./lenient";
import {
  CHARGE_PERMISSION_TYPES,
  PAYMENT_INTENTS,
  merchantMetadataSchema,
  paymentMethodOnFileMetadataSchema,
  providerMetadataSchema,
  recurringMetadataSchema,
  releaseEnvironmentSchema,
} from "./metadata";
import { priceSchema } from "./price";

export const CHECKOUT_SESSION_STATES = ["Open", "Completed", "Canceled"] as const;
export type CheckoutSessionState = (typeof CHECKOUT_SESSION_STATES)[number];
export const isCheckoutSessionState = isOneOf(CHECKOUT_SESSION_STATES);

/** `statusDetails.reasonCode` of a Canceled session. */
export const CHECKOUT_SESSION_REASON_CODES = [
  "BuyerCanceled",
  "Declined",
  "Expired",
  "AmazonCanceled",
] as const;
export type CheckoutSessionReasonCode = (typeof CHECKOUT_SESSION_REASON_CODES)[number];

export const CONSTRAINT_IDS = [
  "BuyerNotAssociated",
  "ChargeAmountNotSet",
  "CheckoutResultReturnUrlNotSet",
  "PaymentIntentNotSet",
  "RecurringFrequencyNotSet",
] as const;
export type ConstraintId = (typeof CONSTRAINT_IDS)[number];

export const PRODUCT_TYPES = ["PayAndShip", "PayOnly"] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const checkoutSessionStatusDetailsSchema = z.looseObject({
  state: openEnum(CHECKOUT_SESSION_STATES),
  reasonCode: nullable(openEnum(CHECKOUT_SESSION_REASON_CODES)),
  reasonDescription: nullable(z.string()),
  lastUpdatedTimestamp: nullable(amazonTimestamp),
});

export const webCheckoutDetailsSchema = z.looseObject({
  checkoutReviewReturnUrl: nullable(z.string()),
  checkoutResultReturnUrl: nullable(z.string()),
  checkoutCancelUrl: nullable(z.string()),
  /** Set once `constraints` is empty: where to send the buyer to process the payment. */
  amazonPayRedirectUrl: nullable(z.string()),
  checkoutMode: nullable(z.string()),
});

export const paymentDetailsSchema = z.looseObject({
  paymentIntent: nullable(openEnum(PAYMENT_INTENTS)),
  canHandlePendingAuthorization: nullable(z.boolean()),
  chargeAmount: nullable(priceSchema),
  totalOrderAmount: nullable(priceSchema),
  presentmentCurrency: nullable(z.string()),
  softDescriptor: nullable(z.string()),
  allowOvercharge: nullable(z.boolean()),
  extendExpiration: nullable(z.boolean()),
  estimateOrderTotal: nullable(priceSchema),
});

export const constraintSchema = z.looseObject({
  constraintId: openEnum(CONSTRAINT_IDS),
  description: nullable(z.string()),
});

const stringList = nullable(z.array(z.string()));
export const deliverySpecificationsSchema = z.looseObject({
  specialRestrictions: stringList,
  addressRestrictions: nullable(
    z.looseObject({
      type: nullable(z.string()),
      restrictions: nullable(
        z.record(z.string(), z.looseObject({ statesOrRegions: stringList, zipCodes: stringList }).nullable()),
      ),
    }),
  ),
});

export const checkoutSessionSchema = z.looseObject({
  checkoutSessionId: z.string().min(1),
  webCheckoutDetails: nullable(webCheckoutDetailsSchema),
  productType: nullable(openEnum(PRODUCT_TYPES)),
  paymentDetails: nullable(paymentDetailsSchema),
  cartDetails: nullable(cartDetailsSchema),
  chargePermissionType: nullable(openEnum(CHARGE_PERMISSION_TYPES)),
  orderType: z.unknown().default(null),
  recurringMetadata: nullable(recurringMetadataSchema),
  paymentMethodOnFileMetadata: nullable(paymentMethodOnFileMetadataSchema),
  merchantDetails: z.unknown().default(null),
  merchantMetadata: nullable(merchantMetadataSchema),
  supplementaryData: nullable(z.string()),
  buyer: nullable(checkoutBuyerSchema),
  billingAddress: nullable(addressSchema),
  /** `[null]` before the buyer signed in. */
  paymentPreferences: nullable(
    z.array(z.looseObject({ paymentDescriptor: nullable(z.string()) }).nullable()),
  ),
  statusDetails: checkoutSessionStatusDetailsSchema,
  shippingAddress: nullable(addressSchema),
  shippingAddressList: nullable(shippingAddressListSchema),
  platformId: nullable(z.string()),
  chargePermissionId: nullable(z.string()),
  chargeId: nullable(z.string()),
  constraints: nullable(z.array(constraintSchema)),
  creationTimestamp: nullable(amazonTimestamp),
  expirationTimestamp: nullable(amazonTimestamp),
  storeId: nullable(z.string()),
  providerMetadata: nullable(providerMetadataSchema),
  releaseEnvironment: nullable(releaseEnvironmentSchema),
  checkoutButtonText: nullable(z.string()),
  deliverySpecifications: nullable(deliverySpecificationsSchema),
  tokens: z.unknown().default(null),
});
export type CheckoutSession = z.output<typeof checkoutSessionSchema>;
