import { describe, expect, it } from "vitest";
import { TEST_BUYERS, TEST_INSTRUMENTS } from "./test-buyers";

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
