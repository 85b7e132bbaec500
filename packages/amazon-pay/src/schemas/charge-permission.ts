// The Charge Permission object and its Update/Close bodies. Unlike the other objects its
// statusDetails carries `reasons[]`, not a single reasonCode.
import { z } from "zod";
import { addressSchema } from "./address";
import { checkoutBuyerSchema } from "./buyer";
import { amazonTimestamp, isOneOf, nullable, openEnum } from "./lenient";
import {
  CHARGE_PERMISSION_TYPES,
  merchantMetadataRequestSchema,
  merchantMetadataSchema,
  paymentMethodOnFileMetadataSchema,
  recurringMetadataRequestSchema,
  recurringMetadataSchema,
  releaseEnvironmentSchema,
} from "./metadata";
import { priceSchema } from "./price";

export const CHARGE_PERMISSION_STATES = ["Chargeable", "NonChargeable", "Closed"] as const;
export type ChargePermissionState = (typeof CHARGE_PERMISSION_STATES)[number];
export const isChargePermissionState = isOneOf(CHARGE_PERMISSION_STATES);

export const CHARGE_PERMISSION_NON_CHARGEABLE_REASON_CODES = [
  "PaymentMethodInvalid",
  "PaymentMethodDeleted",
  "BillingAddressDeleted",
  "PaymentMethodExpired",
  "PaymentMethodNotAllowed",
  "PaymentMethodNotSet",
  "ChargeInProgress",
  "MFAFailed",
] as const;
export const CHARGE_PERMISSION_CLOSED_REASON_CODES = [
  "MerchantClosed",
  "BuyerCanceled",
  "BuyerClosed",
  "AmazonCanceled",
  "AmazonClosed",
  "Expired",
] as const;
export const CHARGE_PERMISSION_REASON_CODES = [
  ...CHARGE_PERMISSION_NON_CHARGEABLE_REASON_CODES,
  ...CHARGE_PERMISSION_CLOSED_REASON_CODES,
] as const;
export type ChargePermissionReasonCode = (typeof CHARGE_PERMISSION_REASON_CODES)[number];

export const chargePermissionStatusDetailsSchema = z.looseObject({
  state: openEnum(CHARGE_PERMISSION_STATES),
  reasons: nullable(
    z.array(
      z.looseObject({
        reasonCode: nullable(openEnum(CHARGE_PERMISSION_REASON_CODES)),
        reasonDescription: nullable(z.string()),
      }),
    ),
  ),
  lastUpdatedTimestamp: nullable(amazonTimestamp),
});

export const chargePermissionSchema = z.looseObject({
  chargePermissionId: z.string().min(1),
  chargePermissionReferenceId: nullable(z.string()),
  amazonPayToken: nullable(z.string()),
  platformId: nullable(z.string()),
  buyer: nullable(checkoutBuyerSchema),
  shippingAddress: nullable(addressSchema),
  billingAddress: nullable(addressSchema),
  paymentPreferences: nullable(
    z.array(z.looseObject({ paymentDescriptor: nullable(z.string()) }).nullable()),
  ),
  statusDetails: chargePermissionStatusDetailsSchema,
  creationTimestamp: nullable(amazonTimestamp),
  expirationTimestamp: nullable(amazonTimestamp),
  merchantMetadata: nullable(merchantMetadataSchema),
  releaseEnvironment: nullable(releaseEnvironmentSchema),
  /** `amountLimit`: total chargeable; `amountBalance`: what remains. */
  limits: nullable(
    z.looseObject({ amountLimit: nullable(priceSchema), amountBalance: nullable(priceSchema) }),
  ),
  chargePermissionType: nullable(openEnum(CHARGE_PERMISSION_TYPES)),
  recurringMetadata: nullable(recurringMetadataSchema),
  presentmentCurrency: nullable(z.string()),
  paymentMethodOnFileMetadata: nullable(paymentMethodOnFileMetadataSchema),
});
export type ChargePermission = z.output<typeof chargePermissionSchema>;

export const updateChargePermissionRequestSchema = z.strictObject({
  merchantMetadata: merchantMetadataRequestSchema.optional(),
  /** Recurring permissions only. */
  recurringMetadata: recurringMetadataRequestSchema.optional(),
});
export type UpdateChargePermissionBody = z.input<typeof updateChargePermissionRequestSchema>;

export const closeChargePermissionRequestSchema = z.strictObject({
  closureReason: z.string().max(255).optional(),
  /** true: open (Authorized/AuthorizationInitiated) charges become Canceled. */
  cancelPendingCharges: z.boolean().optional(),
});
export type CloseChargePermissionBody = z.input<typeof closeChargePermissionRequestSchema>;
