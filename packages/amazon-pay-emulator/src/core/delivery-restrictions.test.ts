import { describe, expect, it } from "vitest";
import { deliveryRestriction } from "./delivery-restrictions";
import { TEST_BUYERS } from "./test-buyers";

const address = (id: string) => {
  const found = TEST_BUYERS.flatMap((b) => b.addresses).find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found.address;
};

describe("delivery restrictions", () => {
  it("allows everything without specifications", () => {
    expect(deliveryRestriction(address("ava-po-box"), null)).toBeNull();
  });

  it("excludes PO boxes with RestrictPOBoxes, in any spelling", () => {
    const specs = { specialRestrictions: ["RestrictPOBoxes" as const] };
    expect(deliveryRestriction(address("ava-po-box"), specs)).toMatch(/PO boxes/);
    expect(deliveryRestriction(address("chloe-po-box"), specs)).toMatch(/PO boxes/);
    expect(deliveryRestriction(address("ava-home"), specs)).toBeNull();
  });

  it("applies Allowed lists: whole countries and states", () => {
    const usOnly = { addressRestrictions: { type: "Allowed" as const, restrictions: { US: {} } } };
    expect(deliveryRestriction(address("ava-home"), usOnly)).toBeNull();
    expect(deliveryRestriction(address("ben-london"), usOnly)).toMatch(/does not ship to GB/);
    const waOnly = {
      addressRestrictions: { type: "Allowed" as const, restrictions: { US: { statesOrRegions: ["WA"] } } },
    };
    expect(deliveryRestriction(address("ava-work"), waOnly)).toMatch(/TX, US/);
    expect(deliveryRestriction(address("ava-home"), waOnly)).toBeNull();
  });

  it("applies NotAllowed lists: states and zip codes", () => {
    const noAlaska = {
      addressRestrictions: {
        type: "NotAllowed" as const,
        restrictions: { US: { statesOrRegions: ["AK", "HI"] } },
      },
    };
    expect(deliveryRestriction(address("chloe-anchorage"), noAlaska)).toMatch(/AK, US/);
    expect(deliveryRestriction(address("ben-home"), noAlaska)).toBeNull();
    const noZip = {
      addressRestrictions: { type: "NotAllowed" as const, restrictions: { US: { zipCodes: ["10118"] } } },
    };
    expect(deliveryRestriction(address("ben-home"), noZip)).not.toBeNull();
  });
});
