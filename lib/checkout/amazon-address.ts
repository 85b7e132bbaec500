// Amazon's response address → the request shape Finalize wants back (Finalize: it must match
// what Amazon shared). Null members are dropped; nothing is invented. Which address Finalize
// takes depends on the session's product type: PayAndShip sends the shipping address, PayOnly
// (nothing to ship) the billing address.
import {
  addressRequestSchema,
  type Address,
  type AddressInput,
} from "@storefront/amazon-pay/schemas/address";
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";

/**
 * The address as Finalize's request wants it, or null when it cannot be one (no country). The
 * first line is the one member the request requires: many German addresses leave it empty and
 * put the street in the second, so an empty one is sent back empty, as Amazon shared it.
 */
export function addressForFinalize(address: Address): AddressInput | null {
  if (!address.countryCode) return null;
  const pick = (value: string | null | undefined) => (value ? value : undefined);
  const input: AddressInput = {
    name: pick(address.name),
    addressLine1: address.addressLine1 ?? "",
    addressLine2: pick(address.addressLine2),
    addressLine3: pick(address.addressLine3),
    city: pick(address.city),
    county: pick(address.county),
    district: pick(address.district),
    stateOrRegion: pick(address.stateOrRegion),
    postalCode: pick(address.postalCode),
    countryCode: address.countryCode,
    phoneNumber: pick(address.phoneNumber),
  };
  const present = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  // Outside what Amazon documents for a request (a malformed country code, an over-long line),
  // it is refused here with a clear message rather than thrown by the client.
  const checked = addressRequestSchema.safeParse(present);
  return checked.success ? checked.data : null;
}

/** The address member of the Finalize body, with the address it came from. */
export type FinalizeAddress =
  | { productType: "PayAndShip"; address: Address; body: { shippingAddress: AddressInput } }
  | { productType: "PayOnly"; address: Address; body: { billingAddress: AddressInput } };

/**
 * The address Finalize must send back for this session: the shipping address of a PayAndShip
 * session, the billing address of a PayOnly one. Null when Amazon did not share a usable one.
 */
export function finalizeAddressOf(
  session: Pick<CheckoutSession, "productType" | "shippingAddress" | "billingAddress">,
): FinalizeAddress | null {
  if (session.productType === "PayOnly") {
    const address = session.billingAddress;
    const input = address ? addressForFinalize(address) : null;
    return address && input ? { productType: "PayOnly", address, body: { billingAddress: input } } : null;
  }
  const address = session.shippingAddress;
  const input = address ? addressForFinalize(address) : null;
  return address && input ? { productType: "PayAndShip", address, body: { shippingAddress: input } } : null;
}
