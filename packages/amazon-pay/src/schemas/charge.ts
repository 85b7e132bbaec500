// The Charge object and the Create/Capture/Cancel bodies.
import { z } from "zod";
import { amazonTimestamp, isOneOf, nullable, openEnum } from "./lenient";
import {
  merchantMetadataRequestSchema,
  merchantMetadataSchema,
  providerMetadataRequestSchema,
  providerMetadataSchema,
  releaseEnvironmentSchema,
  softDescriptorSchema,
} from "./metadata";
import { priceRequestSchema, priceSchema } from "./price";

export const CHARGE_STATES = [
  "AuthorizationInitiated",
  "Authorized",
  "CaptureInitiated",
  "Captured",
  "Canceled",
  "Declined",
] as const;
export type ChargeState = (typeof CHARGE_STATES)[number];
export const isChargeState = isOneOf(CHARGE_STATES);

export const CHARGE_CANCELED_REASON_CODES = [
  "ExpiredUnused",
  "MerchantCanceled",
  "ChargePermissionCanceled",
  "AmazonCanceled",
  "BuyerCanceled",
] as const;
export const CHARGE_DECLINED_REASON_CODES = [
  "SoftDeclined",
  "HardDeclined",
  "AmazonRejected",
  "ProcessingFailure",
  "TransactionTimedOut",
  "MFAFailed",
] as const;
export const CHARGE_REASON_CODES = [
  ...CHARGE_CANCELED_REASON_CODES,
  ...CHARGE_DECLINED_REASON_CODES,
] as const;
export type ChargeReasonCode = (typeof CHARGE_REASON_CODES)[number];

export const CHARGE_INITIATORS = ["CITU", "MITU", "CITR", "MITR"] as const;
export const CHANNELS = [
  "Web",
  "Phone",
  "App",
  "Alexa",
  "PointOfSale",
  "FireTv",
  "Offline",
  "Amazon",
] as const;

export const chargeStatusDetailsSchema = z.looseObject({
  state: openEnum(CHARGE_STATES),
  reasonCode: nullable(openEnum(CHARGE_REASON_CODES)),
  reasonDescription: nullable(z.string()),
  lastUpdatedTimestamp: nullable(amazonTimestamp),
});

export const chargeSchema = z.looseObject({
  chargeId: z.string().min(1),
  chargePermissionId: nullable(z.string()),
  chargeAmount: nullable(priceSchema),
  captureAmount: nullable(priceSchema),
  refundedAmount: nullable(priceSchema),
  softDescriptor: nullable(z.string()),
  providerMetadata: nullable(providerMetadataSchema),
  // Multi-currency (EU/UK): the amount in the ledger currency, seen both as a Price and as a bare amount.
  convertedAmount: nullable(z.union([priceSchema, z.string(), z.number()])),
  conversionRate: nullable(z.union([z.string(), z.number()])),
  channel: nullable(openEnum(CHANNELS)),
  chargeInitiator: nullable(openEnum(CHARGE_INITIATORS)),
  statusDetails: chargeStatusDetailsSchema,
  creationTimestamp: nullable(amazonTimestamp),
  expirationTimestamp: nullable(amazonTimestamp),
  releaseEnvironment: nullable(releaseEnvironmentSchema),
  merchantMetadata: nullable(merchantMetadataSchema),
  platformId: nullable(z.string()),
  webCheckoutDetails: nullable(
    z.looseObject({
      checkoutResultReturnUrl: nullable(z.string()),
      amazonPayRedirectUrl: nullable(z.string()),
    }),
  ),
});
export type Charge = z.output<typeof chargeSchema>;

export const createChargeRequestSchema = z
  .strictObject({
    chargePermissionId: z.string().min(1),
    chargeAmount: priceRequestSchema,
    captureNow: z.boolean().optional(),
    softDescriptor: softDescriptorSchema.optional(),
    canHandlePendingAuthorization: z.boolean().optional(),
    merchantMetadata: merchantMetadataRequestSchema.optional(),
    providerMetadata: providerMetadataRequestSchema.optional(),
    platformId: z.string().min(1).optional(),
    chargeInitiator: z.enum(CHARGE_INITIATORS).optional(),
    channel: z.enum(CHANNELS).optional(),
    webCheckoutDetails: z
      .strictObject({ checkoutResultReturnUrl: z.url({ protocol: /^https?$/ }) })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.softDescriptor !== undefined && body.captureNow !== true) {
      ctx.addIssue({
        code: "custom",
        path: ["softDescriptor"],
        message: "is only allowed when captureNow is true",
      });
    }
  });
export type CreateChargeBody = z.input<typeof createChargeRequestSchema>;

export const captureChargeRequestSchema = z.strictObject({
  captureAmount: priceRequestSchema,
  softDescriptor: softDescriptorSchema.optional(),
});
export type CaptureChargeBody = z.input<typeof captureChargeRequestSchema>;

export const cancelChargeRequestSchema = z.strictObject({
  cancellationReason: z.string().max(255).optional(),
});
export type CancelChargeBody = z.input<typeof cancelChargeRequestSchema>;
