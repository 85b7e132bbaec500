// The Refund object and the Create Refund body. Every refund starts RefundInitiated.
import { z } from "zod";
import { amazonTimestamp, isOneOf, nullable, openEnum } from "./lenient";
import { releaseEnvironmentSchema, softDescriptorSchema } from "./metadata";
import { priceRequestSchema, priceSchema } from "./price";

export const REFUND_STATES = ["RefundInitiated", "Refunded", "Declined"] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const isRefundState = isOneOf(REFUND_STATES);

export const REFUND_REASON_CODES = ["AmazonRejected", "ProcessingFailure", "AmazonCanceled"] as const;
export type RefundReasonCode = (typeof REFUND_REASON_CODES)[number];

export const refundSchema = z.looseObject({
  refundId: z.string().min(1),
  chargeId: nullable(z.string()),
  creationTimestamp: nullable(amazonTimestamp),
  refundAmount: nullable(priceSchema),
  statusDetails: z.looseObject({
    state: openEnum(REFUND_STATES),
    reasonCode: nullable(openEnum(REFUND_REASON_CODES)),
    reasonDescription: nullable(z.string()),
    lastUpdatedTimestamp: nullable(amazonTimestamp),
  }),
  softDescriptor: nullable(z.string()),
  releaseEnvironment: nullable(releaseEnvironmentSchema),
});
export type Refund = z.output<typeof refundSchema>;

export const createRefundRequestSchema = z.strictObject({
  chargeId: z.string().min(1),
  refundAmount: priceRequestSchema,
  softDescriptor: softDescriptorSchema.optional(),
});
export type CreateRefundBody = z.input<typeof createRefundRequestSchema>;
