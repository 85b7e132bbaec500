import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressSchema } from "@storefront/amazon-pay/schemas/address";
import {
  AMERICAN_ADDRESS_WITHOUT_PHONE,
  BRITISH_ADDRESS,
  EMPTY_ADDRESS,
  GERMAN_ADDRESS,
  JAPANESE_ADDRESS,
  amazonAddress,
} from "@/tests/helpers/amazon-addresses";
import { shippingRestriction, type DeliveryArea } from "./shipping-rules";

const EVERYWHERE: DeliveryArea = {
  countries: ["US", "CA", "JP", "DE", "GB"],
  description: "those countries",
};

describe("shippingRestriction for addresses as each country writes them", () => {
  it("ships to a Japanese address without a city", () => {
    expect(shippingRestriction(JAPANESE_ADDRESS, EVERYWHERE)).toBeNull();
  });

  it("ships to a German address whose street is in the second line", () => {
    expect(shippingRestriction(GERMAN_ADDRESS, EVERYWHERE)).toBeNull();
    expect(shippingRestriction({ ...GERMAN_ADDRESS, addressLine2: "PO Box 12" }, EVERYWHERE)).toMatch(
      /PO boxes/,
    );
  });

  it("ships to a British postcode without a state", () => {
    expect(shippingRestriction(BRITISH_ADDRESS, EVERYWHERE)).toBeNull();
  });

  it("ships to an American address without a phone number, but not without its state", () => {
    expect(shippingRestriction(AMERICAN_ADDRESS_WITHOUT_PHONE)).toBeNull();
    expect(shippingRestriction({ ...AMERICAN_ADDRESS_WITHOUT_PHONE, stateOrRegion: " " })).toMatch(
      /no state/,
    );
  });

  it("refuses an address without a country, and says where the shop ships", () => {
    expect(shippingRestriction(EMPTY_ADDRESS, EVERYWHERE)).toMatch(
      /only ship to addresses in those countries/,
    );
  });

  it("delivers only to the United States unless told otherwise", () => {
    for (const address of [JAPANESE_ADDRESS, GERMAN_ADDRESS, BRITISH_ADDRESS])
      expect(shippingRestriction(address)).toBe("We only ship to addresses in the United States.");
  });

  it("answers for any address Amazon's schema allows, without throwing", () => {
    fc.assert(
      fc.property(amazonAddress, (raw) => {
        const answer = shippingRestriction(addressSchema.parse(raw), EVERYWHERE);
        expect(answer === null || answer.length > 0).toBe(true);
      }),
    );
  });
});
