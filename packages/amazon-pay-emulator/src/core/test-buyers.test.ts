import { describe, expect, it } from "vitest";
import { buyersOf, TEST_BUYERS, TEST_INSTRUMENTS } from "./test-buyers";

describe("test buyers and instruments", () => {
  it("have Amazon-shaped buyer ids and unique address ids", () => {
    for (const buyer of TEST_BUYERS) expect(buyer.buyerId).toMatch(/^amzn1\.account\.[A-Z0-9]{28}$/);
    const ids = TEST_BUYERS.flatMap((b) => b.addresses.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(TEST_BUYERS.length).toBeGreaterThanOrEqual(3);
  });

  it("cover US street, PO box, another state and non-US addresses", () => {
    const all = TEST_BUYERS.flatMap((b) => b.addresses.map((a) => a.address));
    expect(all.some((a) => a.countryCode === "US" && /^PO Box/i.test(a.addressLine1 ?? ""))).toBe(true);
    expect(
      new Set(all.filter((a) => a.countryCode === "US").map((a) => a.stateOrRegion)).size,
    ).toBeGreaterThan(2);
    expect(all.some((a) => a.countryCode !== "US")).toBe(true);
  });

  it("offer the documented emulator instruments", () => {
    expect(TEST_INSTRUMENTS.map((i) => i.last4).sort()).toEqual([
      "0000",
      "0005",
      "0701",
      "1111",
      "3064",
      "3434",
      "4354",
      "4444",
      "9424",
    ]);
  });
});

describe("regional test buyers", () => {
  const inRegion = (region: "na" | "eu" | "jp") =>
    buyersOf(region).flatMap((b) => b.addresses.map((a) => a.address));

  it("give every region its own buyers, named by e-mail for the non-US ones", () => {
    expect(buyersOf("na").length).toBeGreaterThanOrEqual(3);
    expect(buyersOf("eu").map((b) => b.email)).toEqual([
      "buyer-de@sandbox.example",
      "buyer-uk@sandbox.example",
    ]);
    expect(buyersOf("jp").map((b) => b.email)).toEqual(["buyer-jp@sandbox.example"]);
  });

  it("write Japanese addresses postal code first, with the prefecture and no city", () => {
    const japanese = inRegion("jp");
    for (const a of japanese) {
      expect(a).toMatchObject({ countryCode: "JP", city: null });
      expect(a.postalCode).toMatch(/^\d{3}-\d{4}$/);
      expect(a.stateOrRegion).toBeTruthy();
    }
    expect(japanese.map((a) => a.stateOrRegion)).toEqual(expect.arrayContaining(["東京都", "Osaka"]));
    expect(japanese.some((a) => a.addressLine3 !== null)).toBe(true);
  });

  it("include a German address with an empty first line and UK postcodes", () => {
    const european = inRegion("eu");
    expect(european).toContainEqual(
      expect.objectContaining({ countryCode: "DE", addressLine1: "", addressLine2: "Große Elbstraße 145" }),
    );
    const uk = european.filter((a) => a.countryCode === "GB");
    for (const a of uk) expect(a.postalCode).toMatch(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/);
    expect(uk.map((a) => a.postalCode)).toContain("SW1A 1AA");
  });

  it("include addresses without a phone number", () => {
    expect(inRegion("eu").some((a) => a.phoneNumber === null)).toBe(true);
    expect(inRegion("jp").some((a) => a.phoneNumber === null)).toBe(true);
  });
});
