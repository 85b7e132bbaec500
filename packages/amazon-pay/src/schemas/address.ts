// Addresses: the response shape, the request shape with the documented maximum
// lengths, the APB `addressDetails` variant, and `shippingAddressList` whose entries may be
// JSON-encoded strings.
import { z } from "zod";
import { jsonStringOr, nullable } from "./lenient";

export const addressSchema = z.looseObject({
  name: nullable(z.string()),
  addressLine1: nullable(z.string()),
  addressLine2: nullable(z.string()),
  addressLine3: nullable(z.string()),
  city: nullable(z.string()),
  county: nullable(z.string()),
  district: nullable(z.string()),
  stateOrRegion: nullable(z.string()),
  postalCode: nullable(z.string()),
  countryCode: nullable(z.string()),
  phoneNumber: nullable(z.string()),
});
export type Address = z.output<typeof addressSchema>;

/** Entries arrive as JSON strings in some (JP multi-address) responses; both forms are read. */
export const shippingAddressListSchema = z.array(jsonStringOr(addressSchema));

const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" });
const text = (max: number) => z.string().max(max);

const addressLines = {
  name: text(50).optional(),
  addressLine1: text(180),
  addressLine2: text(60).optional(),
  addressLine3: text(60).optional(),
  city: text(50).optional(),
  stateOrRegion: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode,
  phoneNumber: z.string().optional(),
};

/** Address sent in a request (Finalize's shippingAddress/billingAddress). */
export const addressRequestSchema = z.strictObject({
  ...addressLines,
  county: text(50).optional(),
  district: text(50).optional(),
});
export type AddressInput = z.input<typeof addressRequestSchema>;

/** `addressDetails` of an APB Create Checkout Session: `districtOrCounty` instead of county/district. */
export const addressDetailsRequestSchema = z.strictObject({
  ...addressLines,
  name: text(50),
  districtOrCounty: text(50).optional(),
});
export type AddressDetailsInput = z.input<typeof addressDetailsRequestSchema>;
