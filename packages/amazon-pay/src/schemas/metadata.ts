// Metadata objects shared by Checkout Session, Charge Permission and Charge.
import { z } from "zod";
import { nullable, openEnum } from "./lenient";
import { priceRequestSchema, priceSchema } from "./price";

export const merchantMetadataSchema = z.looseObject({
  merchantReferenceId: nullable(z.string()),
  merchantStoreName: nullable(z.string()),
  noteToBuyer: nullable(z.string()),
  customInformation: nullable(z.string()),
});

/** Documented maximum lengths (merchantReferenceId, noteToBuyer, customInformation are [MEM]). */
export const merchantMetadataRequestSchema = z.strictObject({
  merchantReferenceId: z.string().max(256).optional(),
  merchantStoreName: z.string().max(50).optional(),
  noteToBuyer: z.string().max(255).optional(),
  customInformation: z.string().max(4096).optional(),
});
export type MerchantMetadataInput = z.input<typeof merchantMetadataRequestSchema>;

export const providerMetadataSchema = z.looseObject({ providerReferenceId: nullable(z.string()) });
export const providerMetadataRequestSchema = z.strictObject({ providerReferenceId: z.string().optional() });

export const RECURRING_FREQUENCY_UNITS = ["Year", "Month", "Week", "Day", "Variable"] as const;
export type RecurringFrequencyUnit = (typeof RECURRING_FREQUENCY_UNITS)[number];

export const recurringMetadataSchema = z.looseObject({
  frequency: nullable(
    z.looseObject({
      unit: nullable(openEnum(RECURRING_FREQUENCY_UNITS)),
      value: nullable(z.union([z.string(), z.number()])),
    }),
  ),
  amount: nullable(priceSchema),
});

export const recurringMetadataRequestSchema = z.strictObject({
  frequency: z.strictObject({
    unit: z.enum(RECURRING_FREQUENCY_UNITS),
    value: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  }),
  amount: priceRequestSchema.optional(),
});
export type RecurringMetadataInput = z.input<typeof recurringMetadataRequestSchema>;

export const paymentMethodOnFileMetadataSchema = z.looseObject({ setupOnly: nullable(z.boolean()) });
export const paymentMethodOnFileMetadataRequestSchema = z.strictObject({ setupOnly: z.boolean().optional() });

export const RELEASE_ENVIRONMENTS = ["Sandbox", "Live"] as const;
export type ReleaseEnvironment = (typeof RELEASE_ENVIRONMENTS)[number];
export const releaseEnvironmentSchema = openEnum(RELEASE_ENVIRONMENTS);

export const CHARGE_PERMISSION_TYPES = ["OneTime", "Recurring", "PaymentMethodOnFile"] as const;
export type ChargePermissionType = (typeof CHARGE_PERMISSION_TYPES)[number];

export const PAYMENT_INTENTS = ["Confirm", "Authorize", "AuthorizeWithCapture"] as const;
export type PaymentIntent = (typeof PAYMENT_INTENTS)[number];

/** Statement descriptor: at most 16 characters. */
export const softDescriptorSchema = z.string().min(1).max(16);
