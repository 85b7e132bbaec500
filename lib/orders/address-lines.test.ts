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
import { formatAddressLines } from "./address-lines";

describe("formatAddressLines", () => {
  it("writes a Japanese address postal code first, then the prefecture, then the lines", () => {
    expect(formatAddressLines(JAPANESE_ADDRESS)).toEqual([
      "山田 太郎",
      "〒150-0002",
      "東京都",
      "渋谷区渋谷2-21-1",
      "渋谷ヒカリエ 8F",
      "JP",
    ]);
  });

  it("puts a Japanese city after the prefecture and never doubles the 〒", () => {
    const lines = formatAddressLines({ ...JAPANESE_ADDRESS, city: "渋谷区", postalCode: "〒150-0002" });
    expect(lines.slice(1, 3)).toEqual(["〒150-0002", "東京都 渋谷区"]);
  });

  it("shows a German address whose first line is empty, postal code before the town", () => {
    expect(formatAddressLines(GERMAN_ADDRESS)).toEqual([
      "Erika Mustermann",
      "Heidestraße 17",
      "51147 Köln",
      "DE",
    ]);
  });

  it("gives a British postcode its own line and invents no state", () => {
    expect(formatAddressLines(BRITISH_ADDRESS)).toEqual([
      "Oliver Smith",
      "Buckingham Palace",
      "London",
      "SW1A 1AA",
      "GB",
    ]);
    expect(formatAddressLines({ ...BRITISH_ADDRESS, county: "Greater London" })).toContain("Greater London");
  });

  it("keeps the American order and needs no phone number", () => {
    expect(formatAddressLines(AMERICAN_ADDRESS_WITHOUT_PHONE)).toEqual([
      "Ava Johnson",
      "410 Terry Ave N",
      "Seattle, WA 98109",
      "US",
    ]);
  });

  it("shows nothing for a missing address or one with every member null", () => {
    expect(formatAddressLines(null)).toEqual([]);
    expect(formatAddressLines(EMPTY_ADDRESS)).toEqual([]);
    expect(formatAddressLines({ ...EMPTY_ADDRESS, addressLine1: "  ", city: "\t" })).toEqual([]);
  });

  it("formats any address Amazon's schema allows: no blank line, no member lost", () => {
    fc.assert(
      fc.property(amazonAddress, (raw) => {
        const address = addressSchema.parse(raw);
        const lines = formatAddressLines(address);
        for (const line of lines) expect(line.trim()).toBe(line);
        expect(lines.every((line) => line !== "")).toBe(true);
        const shown = lines.join("\n");
        const { phoneNumber: _notShown, ...members } = address;
        for (const value of Object.values(members)) {
          const part = typeof value === "string" ? value.trim().replace(/^〒\s*/, "") : "";
          if (part !== "") expect(shown).toContain(part);
        }
      }),
    );
  });
});
