// Request members shared by several operations, validated as Amazon validates them: prices with
// the currency's decimals and maximum, documented length limits, strict objects.
import { z } from "zod";
import type { Money } from "@/lib/money";
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

export const softDescriptor = z.string().min(1).max(16, { error: "must be at most 16 characters" });

const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });

export const merchantMetadata = z.strictObject({
  merchantReferenceId: text(256).nullable().optional(),
  merchantStoreName: text(50).nullable().optional(),
  noteToBuyer: text(255).nullable().optional(),
  customInformation: text(4096).nullable().optional(),
});

export const providerMetadata = z.strictObject({ providerReferenceId: text(256).nullable().optional() });

export const recurringMetadata = z.strictObject({
  frequency: z.strictObject({
    unit: z.enum(["Year", "Month", "Week", "Day", "Variable"]),
    value: z.union([z.string().regex(/^\d+$/, { error: "must be a whole number" }), z.number().int().nonnegative()]).transform(String),
  }).optional(),
  amount: price({ allowZero: true }).optional(),
});

export const paymentIntent = z.enum(PAYMENT_INTENTS);
export const chargePermissionType = z.enum(CHARGE_PERMISSION_TYPES);
export const scopes = z.array(z.enum(SCOPES));
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 currency code" });
export const platformId = text(256);
export const supplementaryData = text(4096);

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" });

const addressFields = {
  name: text(50).nullable().optional(),
  addressLine1: text(180).nullable().optional(),
  addressLine2: text(60).nullable().optional(),
  addressLine3: text(60).nullable().optional(),
  city: text(50).nullable().optional(),
  stateOrRegion: text(50).nullable().optional(),
  postalCode: text(20).nullable().optional(),
  countryCode,
  phoneNumber: text(20).nullable().optional(),
};

/** Address in a request (Finalize's shippingAddress and billingAddress). */
export const address = z.strictObject({ ...addressFields, county: text(50).nullable().optional(), district: text(50).nullable().optional() });

/** APB `addressDetails`: districtOrCounty instead of county/district. */
export const addressDetails = z.strictObject({ ...addressFields, name: text(50), addressLine1: text(180), districtOrCounty: text(50).nullable().optional() });

const restrictionEntry = z.strictObject({ statesOrRegions: z.array(z.string().min(1)).optional(), zipCodes: z.array(z.string().min(1)).optional() });

export const deliverySpecifications = z.strictObject({
  specialRestrictions: z.array(z.enum(["RestrictPOBoxes", "RestrictPackstations"])).optional(),
  addressRestrictions: z.strictObject({
    type: z.enum(["Allowed", "NotAllowed"]),
    restrictions: z.record(countryCode, restrictionEntry),
  }).optional(),
});
