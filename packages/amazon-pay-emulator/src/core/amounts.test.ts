import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { overAmountTolerance, parsePrice } from "./amounts";

describe("amounts", () => {
  it("parses strings and numbers exactly", () => {
    expect(parsePrice({ amount: "10.5", currencyCode: "USD" })).toEqual({ amount: 1050, currency: "USD" });
    expect(parsePrice({ amount: 19.99, currencyCode: "EUR" })).toEqual({ amount: 1999, currency: "EUR" });
    expect(parsePrice({ amount: "1000", currencyCode: "JPY" })).toEqual({ amount: 1000, currency: "JPY" });
  });

  it("refuses too many decimals, the per-transaction maximum, zero, negatives and unknown currencies", () => {
    expect(parsePrice({ amount: "1.001", currencyCode: "USD" })).toMatchObject({ field: "amount" });
    expect(parsePrice({ amount: "10.5", currencyCode: "JPY" })).toMatchObject({ field: "amount" });
    expect(parsePrice({ amount: "150000.00", currencyCode: "USD" })).toEqual({
      amount: 15_000_000,
      currency: "USD",
    });
    expect(parsePrice({ amount: "150000.01", currencyCode: "USD" })).toMatchObject({
      field: "amount",
      detail: expect.stringContaining("maximum") as string,
    });
    expect(parsePrice({ amount: "10000001", currencyCode: "JPY" })).toMatchObject({ field: "amount" });
    expect(parsePrice({ amount: "0", currencyCode: "USD" })).toMatchObject({ field: "amount" });
    expect(parsePrice({ amount: "0", currencyCode: "USD" }, { allowZero: true })).toEqual({
      amount: 0,
      currency: "USD",
    });
    expect(parsePrice({ amount: "-1", currencyCode: "USD" })).toMatchObject({ field: "amount" });
    expect(parsePrice({ amount: "1", currencyCode: "XYZ" })).toMatchObject({ field: "currencyCode" });
  });

  it("allows the lesser of 15 % and the currency cap over an amount", () => {
    expect(overAmountTolerance({ amount: 10_000, currency: "USD" }, DEFAULT_CONFIG)).toEqual({
      amount: 1_500,
      currency: "USD",
    });
    expect(overAmountTolerance({ amount: 100_000, currency: "USD" }, DEFAULT_CONFIG)).toEqual({
      amount: 7_500,
      currency: "USD",
    });
    expect(overAmountTolerance({ amount: 100_000, currency: "JPY" }, DEFAULT_CONFIG)).toEqual({
      amount: 8_400,
      currency: "JPY",
    });
  });
});
