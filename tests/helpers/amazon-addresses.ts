// Addresses as Amazon Pay returns them, in every member (all present, unset ones null): the
// shapes other Amazon Pay integrations broke on, and random ones of any shape the response
// schema allows.
import fc from "fast-check";
import type { Address } from "@storefront/amazon-pay/schemas/address";

const address = (members: Partial<Address>): Address => ({
  name: null,
  addressLine1: null,
  addressLine2: null,
  addressLine3: null,
  city: null,
  county: null,
  district: null,
  stateOrRegion: null,
  postalCode: null,
  countryCode: null,
  phoneNumber: null,
  ...members,
});

/** Japan: the prefecture in stateOrRegion, no city (the ward is in the first line). */
export const JAPANESE_ADDRESS = address({
  name: "山田 太郎",
  addressLine1: "渋谷区渋谷2-21-1",
  addressLine2: "渋谷ヒカリエ 8F",
  stateOrRegion: "東京都",
  postalCode: "150-0002",
  countryCode: "JP",
  phoneNumber: "03-1234-5678",
});

/** Germany: the first line empty, the street in the second, no state. */
export const GERMAN_ADDRESS = address({
  name: "Erika Mustermann",
  addressLine1: "",
  addressLine2: "Heidestraße 17",
  city: "Köln",
  postalCode: "51147",
  countryCode: "DE",
  phoneNumber: "+49 221 1234567",
});

/** The United Kingdom: a postcode with a space, no state, no phone number. */
export const BRITISH_ADDRESS = address({
  name: "Oliver Smith",
  addressLine1: "Buckingham Palace",
  city: "London",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
});

/** The United States without a phone number. */
export const AMERICAN_ADDRESS_WITHOUT_PHONE = address({
  name: "Ava Johnson",
  addressLine1: "410 Terry Ave N",
  city: "Seattle",
  stateOrRegion: "WA",
  postalCode: "98109",
  countryCode: "US",
});

/** Every member null. */
export const EMPTY_ADDRESS = address({});

// The documented maximum lengths (Amazon Pay API reference, "Address"); stateOrRegion,
// postalCode and phoneNumber have none documented.
const MAX_LENGTH = {
  name: 50,
  addressLine1: 180,
  addressLine2: 60,
  addressLine3: 60,
  city: 50,
  county: 50,
  district: 50,
  stateOrRegion: 100,
  postalCode: 30,
  countryCode: 2,
  phoneNumber: 30,
};

const text = (maxLength: number) =>
  fc.oneof(
    fc.constantFrom("", " ", "\t", "〒", "PO Box 7"),
    fc.string({ maxLength }),
    fc.string({ maxLength, unit: "grapheme" }),
  );

const member = (maxLength: number) =>
  fc.option(text(maxLength), { nil: null, freq: 3 }).map((value) => value as string | null);

const countryCode = fc.option(
  fc.oneof(
    fc.constantFrom("US", "CA", "JP", "DE", "GB", "FR", "IT", "ES", "IE", "AT"),
    fc.stringMatching(/^[A-Z]{2}$/),
  ),
  { nil: null, freq: 5 },
);

/**
 * Any address the response schema allows: every member null, missing, empty or any text within
 * Amazon's lengths (grapheme clusters included), and a country code that is ISO alpha-2 or null.
 */
export const amazonAddress = fc
  .record(
    {
      name: member(MAX_LENGTH.name),
      addressLine1: member(MAX_LENGTH.addressLine1),
      addressLine2: member(MAX_LENGTH.addressLine2),
      addressLine3: member(MAX_LENGTH.addressLine3),
      city: member(MAX_LENGTH.city),
      county: member(MAX_LENGTH.county),
      district: member(MAX_LENGTH.district),
      stateOrRegion: member(MAX_LENGTH.stateOrRegion),
      postalCode: member(MAX_LENGTH.postalCode),
      countryCode,
      phoneNumber: member(MAX_LENGTH.phoneNumber),
    },
    { requiredKeys: [] },
  )
  .map((members) => members as Partial<Address>);
