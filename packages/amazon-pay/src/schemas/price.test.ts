import { describe, expect, it } from "vitest";
import { money, MoneyError } from "../money";
import { moneyFromPrice, priceFromMoney, priceRequestSchema, priceSchema } from "./price";

describe("price in requests", () => {
  it.each([
    [{ amount: "10", currencyCode: "USD" }, "10.00"],
    [{ amount: 10.5, currencyCode: "USD" }, "10.50"],
    [{ amount: 50, currencyCode: "EUR" }, "50.00"],
    [{ amount: "0.01", currencyCode: "GBP" }, "0.01"],
    [{ amount: "1000.00", currencyCode: "JPY" }, "1000"],
    [{ amount: 1000, currencyCode: "JPY" }, "1000"],
    [{ amount: "12.5", currencyCode: "AUD" }, "12.50"],
    [{ amount: "99.9", currencyCode: "CHF" }, "99.90"],
    [{ amount: "12.5", currencyCode: "XAF" }, "12.5"],
  ])("%j is sent as %s", (input, amount) => {
    expect(priceRequestSchema.parse(input)).toEqual({ amount, currencyCode: input.currencyCode });
  });

  it.each([
    [{ amount: "10.005", currencyCode: "USD" }, /at most 2 decimal places/],
    [{ amount: "10.5", currencyCode: "JPY" }, /at most 0 decimal places/],
    [{ amount: "-1.00", currencyCode: "USD" }, /non-negative decimal/],
    [{ amount: "1e3", currencyCode: "USD" }, /non-negative decimal/],
    [{ amount: 1e21, currencyCode: "USD" }, /non-negative decimal/],
    [{ amount: "ten", currencyCode: "USD" }, /non-negative decimal/],
    [{ amount: "10", currencyCode: "usd" }, /ISO 4217/],
    [{ amount: "10", currencyCode: "USD", extra: 1 }, /Unrecognized key/],
  ])("refuses %j", (input, message) => {
    const result = priceRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join("; ")).toMatch(message);
  });
});

describe("price in responses", () => {
  it("keeps decimal strings and reads a JSON number as its decimal text", () => {
    expect(priceSchema.parse({ amount: "14.00", currencyCode: "USD" })).toEqual({
      amount: "14.00",
      currencyCode: "USD",
    });
    expect(priceSchema.parse({ amount: 10.5, currencyCode: "USD" }).amount).toBe("10.5");
  });
  it("keeps unknown members and refuses a non-decimal amount", () => {
    expect(priceSchema.parse({ amount: "1", currencyCode: "EUR", note: "x" })).toMatchObject({ note: "x" });
    expect(priceSchema.safeParse({ amount: "abc", currencyCode: "USD" }).success).toBe(false);
    expect(priceSchema.safeParse({ amount: "1.00" }).success).toBe(false);
  });
});

describe("Money conversion", () => {
  it("round-trips exactly through money.ts", () => {
    expect(priceFromMoney(money(1999, "USD"))).toEqual({ amount: "19.99", currencyCode: "USD" });
    expect(priceFromMoney(money(1999, "JPY"))).toEqual({ amount: "1999", currencyCode: "JPY" });
    expect(moneyFromPrice({ amount: "14.00", currencyCode: "USD" })).toEqual(money(1400, "USD"));
    expect(moneyFromPrice({ amount: "0.10", currencyCode: "EUR" })).toEqual(money(10, "EUR"));
    expect(moneyFromPrice({ amount: "12.30", currencyCode: "SEK" })).toEqual(money(1230, "SEK"));
    expect(moneyFromPrice(priceFromMoney(money(123456789, "GBP")))).toEqual(money(123456789, "GBP"));
  });
  it("refuses currencies money.ts does not support", () => {
    expect(() => moneyFromPrice({ amount: "1.00", currencyCode: "XAF" })).toThrow(MoneyError);
  });
});
