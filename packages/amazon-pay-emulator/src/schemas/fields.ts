// Request members shared by several operations. Object shapes come from the typed client's
// strict request schemas (@storefront/amazon-pay/schemas) so that client and emulator agree on them; the
// emulator adds what only Amazon enforces: exact amounts with the currency's decimals, positive
// and within the per-transaction maximum, as Money.
import { z } from "zod";
import { fromDecimal, isCurrency, type Money } from "@storefront/amazon-pay/money";
import { addressDetailsRequestSchema } from "@storefront/amazon-pay/schemas/address";
import { deliverySpecificationsRequestSchema } from "@storefront/amazon-pay/schemas/checkout-session-requests";
import {
  merchantMetadataRequestSchema,
  paymentMethodOnFileMetadataRequestSchema,
  providerMetadataRequestSchema,
  recurringMetadataRequestSchema,
  softDescriptorSchema,
} from "@storefront/amazon-pay/schemas/metadata";
import { isMoney, parsePrice } from "../core/amounts";
import { CHARGE_PERMISSION_TYPES, PAYMENT_INTENTS, SCOPES } from "../model/records";

const amountInput = z.union([z.string(), z.number()]);

/** A request price; the output is exact Money. */
export const price = (options: { allowZero?: boolean } = {}) =>
  z.strictObject({ amount: amountInput, currencyCode: z.string() }).transform((input, ctx): Money => {
    const parsed = parsePrice(input, options);
    if (isMoney(parsed)) return parsed;
    ctx.addIssue({ code: "custom", path: [parsed.field], message: parsed.detail });
    return z.NEVER;
  });

export const httpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).max(2048);
export const softDescriptor = softDescriptorSchema;
export const merchantMetadata = merchantMetadataRequestSchema;
export const providerMetadata = providerMetadataRequestSchema;
export const paymentMethodOnFileMetadata = paymentMethodOnFileMetadataRequestSchema.transform((m) => ({
  setupOnly: m.setupOnly === true,
}));
export const deliverySpecifications = deliverySpecificationsRequestSchema;
export const addressDetails = addressDetailsRequestSchema;

/** recurringMetadata with its amount as Money. */
export const recurringMetadata = recurringMetadataRequestSchema.transform((r, ctx) => {
  let amount: Money | undefined;
  if (r.amount) {
    if (!isCurrency(r.amount.currencyCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["amount", "currencyCode"],
        message: `unsupported currency ${r.amount.currencyCode}`,
      });
      return z.NEVER;
    }
    amount = fromDecimal(r.amount.amount, r.amount.currencyCode);
  }
  return { frequency: { unit: r.frequency.unit, value: String(r.frequency.value) }, amount };
});

export const paymentIntent = z.enum(PAYMENT_INTENTS);
export const chargePermissionType = z.enum(CHARGE_PERMISSION_TYPES);
export const scopes = z.array(z.enum(SCOPES));
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 currency code" });

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
export const platformId = text(256);
export const supplementaryData = text(4096);

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" });

/**
 * Address in a request (Finalize's shippingAddress and billingAddress). Unlike the client's
 * request schema it accepts nulls, because merchants often pass back the address object Amazon
 * gave them, whose unset members are null.
 */
export const address = z.strictObject({
  name: text(50).nullable().optional(),
  addressLine1: text(180).nullable().optional(),
  addressLine2: text(60).nullable().optional(),
  addressLine3: text(60).nullable().optional(),
  city: text(50).nullable().optional(),
  county: text(50).nullable().optional(),
  district: text(50).nullable().optional(),
  stateOrRegion: text(50).nullable().optional(),
  postalCode: text(20).nullable().optional(),
  countryCode,
  phoneNumber: text(20).nullable().optional(),
});
