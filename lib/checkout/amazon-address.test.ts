import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressRequestSchema, addressSchema } from "@storefront/amazon-pay/schemas/address";
import {
  AMERICAN_ADDRESS_WITHOUT_PHONE,
  BRITISH_ADDRESS,
  EMPTY_ADDRESS,
  GERMAN_ADDRESS,
  JAPANESE_ADDRESS,
  amazonAddress,
} from "@/tests/helpers/amazon-addresses";
import { addressForFinalize, finalizeAddressOf } from "./amazon-address";
import { buyerSnapshot } from "./session-outcome";

describe("addressForFinalize: the address Amazon shared, sent back as a Finalize request", () => {
  it("sends a German address with an empty first line back with that line empty", () => {
    expect(addressForFinalize(GERMAN_ADDRESS)).toEqual({
      name: "Erika Mustermann",
      addressLine1: "",
      addressLine2: "Heidestraße 17",
      city: "Köln",
      postalCode: "51147",
      countryCode: "DE",
      phoneNumber: "+49 221 1234567",
    });
  });

  it("sends a Japanese address without a city, and a British one without state or phone", () => {
    expect(addressForFinalize(JAPANESE_ADDRESS)).toEqual({
      name: "山田 太郎",
      addressLine1: "渋谷区渋谷2-21-1",
      addressLine2: "渋谷ヒカリエ 8F",
      stateOrRegion: "東京都",
      postalCode: "150-0002",
      countryCode: "JP",
      phoneNumber: "03-1234-5678",
    });
    expect(addressForFinalize(BRITISH_ADDRESS)).toEqual({
      name: "Oliver Smith",
      addressLine1: "Buckingham Palace",
      city: "London",
      postalCode: "SW1A 1AA",
      countryCode: "GB",
    });
  });

  it("has no Finalize address without a country", () => {
    expect(addressForFinalize(EMPTY_ADDRESS)).toBeNull();
    expect(addressForFinalize({ ...AMERICAN_ADDRESS_WITHOUT_PHONE, countryCode: null })).toBeNull();
  });

  it("takes the shipping address of a PayAndShip session and the billing one of a PayOnly session", () => {
    const session = { shippingAddress: GERMAN_ADDRESS, billingAddress: JAPANESE_ADDRESS };
    expect(finalizeAddressOf({ ...session, productType: "PayAndShip" })?.body).toEqual({
      shippingAddress: addressForFinalize(GERMAN_ADDRESS),
    });
    expect(finalizeAddressOf({ ...session, productType: "PayOnly" })?.body).toEqual({
      billingAddress: addressForFinalize(JAPANESE_ADDRESS),
    });
  });

  it("for any address Amazon's schema allows: a valid request echoing it, or none, never a throw", () => {
    fc.assert(
      fc.property(amazonAddress, (raw) => {
        const address = addressSchema.parse(raw);
        const input = addressForFinalize(address);
        if (input === null) {
          const echoed = { ...address, addressLine1: address.addressLine1 ?? "" };
          const usable = Object.fromEntries(Object.entries(echoed).filter(([, value]) => value));
          expect(addressRequestSchema.safeParse(usable).success && address.countryCode).toBeFalsy();
          return;
        }
        expect(addressRequestSchema.safeParse(input).success).toBe(true);
        for (const [key, value] of Object.entries(input))
          expect(value).toBe(address[key as keyof typeof address] ?? "");
        for (const [key, value] of Object.entries(address))
          if (value && key in addressRequestSchema.shape) expect(input).toHaveProperty(key, value);
        const snapshot = buyerSnapshot({ buyer: null, paymentPreferences: null, shippingAddress: address });
        expect(snapshot.shipLine1).toBe(address.addressLine1);
      }),
    );
  });
});
