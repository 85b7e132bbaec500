import { describe, expect, it } from "vitest";
import { withoutNullMembers } from "./null-members";

describe("withoutNullMembers", () => {
  it("drops null members at any depth and keeps everything else", () => {
    expect(
      withoutNullMembers({
        billingAddress: null,
        shippingAddress: { name: "Ava", county: null, addressLine2: "" },
        chargeAmount: { amount: "10", currencyCode: "USD" },
        flag: false,
        count: 0,
      }),
    ).toEqual({
      shippingAddress: { name: "Ava", addressLine2: "" },
      chargeAmount: { amount: "10", currencyCode: "USD" },
      flag: false,
      count: 0,
    });
  });

  it("keeps array items, null ones included, and cleans the objects inside", () => {
    expect(withoutNullMembers({ list: [null, { a: null, b: 1 }] })).toEqual({ list: [null, { b: 1 }] });
  });

  it("leaves scalars and null itself alone", () => {
    expect(withoutNullMembers(null)).toBeNull();
    expect(withoutNullMembers("x")).toBe("x");
  });
});
