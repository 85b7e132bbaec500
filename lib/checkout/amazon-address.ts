// Amazon's response address → the request shape Finalize wants back (Finalize: it must match
// what Amazon shared). Null members are dropped; nothing is invented.
import type { Address } from "@storefront/amazon-pay/schemas/address";
import type { AddressInput } from "@storefront/amazon-pay/schemas/address";

export function addressForFinalize(address: Address): AddressInput | null {
  if (!address.addressLine1 || !address.countryCode) return null;
  const pick = (value: string | null | undefined) => (value ? value : undefined);
  const input: AddressInput = {
    name: pick(address.name),
    addressLine1: address.addressLine1,
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
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as AddressInput;
}
