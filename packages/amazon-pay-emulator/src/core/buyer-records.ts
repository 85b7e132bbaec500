// Building blocks of the test buyers: their shapes, an address with every unset member null,
// and Amazon-shaped buyer ids.
import type { Region } from "@storefront/amazon-pay/environment";

export interface AddressRecord {
  name: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  addressLine3: string | null;
  city: string | null;
  county: string | null;
  district: string | null;
  stateOrRegion: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phoneNumber: string | null;
}

export interface TestAddress {
  id: string;
  label: string;
  address: AddressRecord;
}

export interface TestBuyer {
  region: Region;
  buyerId: string;
  name: string;
  email: string;
  phoneNumber: string;
  primeMembershipTypes: string[] | null;
  billingAddress: AddressRecord;
  addresses: TestAddress[];
}

export function address(
  fields: Partial<AddressRecord> &
    Pick<AddressRecord, "name" | "addressLine1" | "city" | "postalCode" | "countryCode">,
): AddressRecord {
  return {
    addressLine2: null,
    addressLine3: null,
    county: null,
    district: null,
    stateOrRegion: null,
    phoneNumber: null,
    ...fields,
  };
}

/** `amzn1.account.` followed by 28 upper-case alphanumerics. */
export const emulatorBuyerId = (tag: string) => `amzn1.account.${`SANDBOX${tag}`.padEnd(28, "0")}`;
