// Buyer data: the `buyer` member of a Checkout Session or Charge Permission, and the Get Buyer
// response. Members present depend on the scopes the merchant requested.
import { z } from "zod";
import { addressSchema } from "./address";
import { nullable, openEnum } from "./lenient";

export const PRIME_MEMBERSHIP_TYPES = ["PRIME_GENERAL", "PRIME_STUDENT", "PRIME_GENERAL_US"] as const;
export type PrimeMembershipType = (typeof PRIME_MEMBERSHIP_TYPES)[number];

export const SCOPES = [
  "name",
  "email",
  "phoneNumber",
  "billingAddress",
  "postalCode",
  "shippingAddress",
  "primeStatus",
] as const;
export type Scope = (typeof SCOPES)[number];

const buyerMembers = {
  name: nullable(z.string()),
  email: nullable(z.string()),
  phoneNumber: nullable(z.string()),
  primeMembershipTypes: nullable(z.array(openEnum(PRIME_MEMBERSHIP_TYPES))),
};

export const checkoutBuyerSchema = z.looseObject({ buyerId: nullable(z.string()), ...buyerMembers });
export type CheckoutBuyer = z.output<typeof checkoutBuyerSchema>;

/** Get Buyer: `buyerId` is the identity the call is for, so it is required. */
export const buyerSchema = z.looseObject({
  buyerId: z.string().min(1),
  ...buyerMembers,
  postalCode: nullable(z.string()),
  countryCode: nullable(z.string()),
  shippingAddress: nullable(addressSchema),
  billingAddress: nullable(addressSchema),
});
export type Buyer = z.output<typeof buyerSchema>;
