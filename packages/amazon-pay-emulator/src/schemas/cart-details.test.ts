import { describe, expect, it } from "vitest";
import { cartDetailsSchema, cartProblem } from "./cart-details";

const usd = (amount: string) => ({ amount, currencyCode: "USD" });
const cart = (overrides: Record<string, unknown> = {}) =>
  cartDetailsSchema.parse({
    lineItems: [
      { id: "sku-1", title: "Mug", quantity: "2", listPrice: usd("12.50"), totalListPrice: usd("25.00") },
    ],
    deliveryOptions: [
      {
        id: "std",
        price: usd("5.00"),
        shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "STD" },
        isDefault: true,
      },
      {
        id: "exp",
        price: usd("15.00"),
        shippingMethod: { shippingMethodName: "Express", shippingMethodCode: "EXP" },
        isDefault: false,
      },
    ],
    totalBaseAmount: usd("25.00"),
    totalShippingAmount: usd("5.00"),
    totalTaxAmount: usd("2.40"),
    totalDiscountAmount: usd("1.00"),
    totalChargeAmount: usd("31.40"),
    ...overrides,
  });
const rules = { requireDeliveryOptions: true, checkTotals: true };

describe("Buy Now cart details", () => {
  it("accepts a consistent cart", () => {
    expect(cartProblem(cart(), rules)).toBeNull();
  });

  it("checks line totals, totals, currencies and delivery options", () => {
    expect(cartProblem(cart({ totalChargeAmount: usd("30.00") }), rules)?.[0]).toBe("totalChargeAmount");
    expect(
      cartProblem(cart({ totalChargeAmount: usd("30.00") }), { ...rules, checkTotals: false }),
    ).toBeNull();
    expect(
      cartProblem(
        cart({
          lineItems: [
            { id: "a", title: "A", quantity: 3, listPrice: usd("1.00"), totalListPrice: usd("2.00") },
          ],
        }),
        rules,
      )?.[0],
    ).toBe("lineItems[0].totalListPrice");
    expect(cartProblem(cart({ totalTaxAmount: { amount: "2.40", currencyCode: "EUR" } }), rules)?.[0]).toBe(
      "totalTaxAmount",
    );
    expect(cartProblem(cart({ deliveryOptions: undefined }), rules)?.[0]).toBe("deliveryOptions");
    expect(
      cartProblem(cart({ deliveryOptions: undefined }), { ...rules, requireDeliveryOptions: false }),
    ).toBeNull();
    const twoDefaults = cart().deliveryOptions!.map((d) => ({ ...d, isDefault: true }));
    expect(cartProblem({ ...cart(), deliveryOptions: twoDefaults }, rules)?.[1]).toMatch(/exactly one/);
    expect(
      cartProblem(cart({ totalOrderAmount: usd("31.40"), totalChargeAmount: usd("40.00") }), rules)?.[0],
    ).toBe("totalChargeAmount");
  });

  it("refuses undocumented members", () => {
    expect(cartDetailsSchema.safeParse({ ...cart(), surprise: 1 }).success).toBe(false);
  });
});
