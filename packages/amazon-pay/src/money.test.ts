import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  fromDecimal,
  money,
  MoneyError,
  multiply,
  percentage,
  subtract,
  sum,
  toDecimalString,
} from "./money";

describe("money", () => {
  it("refuses fractional and unsafe minor units", () => {
    expect(() => money(1.5, "USD")).toThrow(MoneyError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, "USD")).toThrow(MoneyError);
    expect(() => money(Number.NaN, "USD")).toThrow(MoneyError);
  });

  it("adds, subtracts and multiplies exactly", () => {
    expect(add(money(10, "USD"), money(20, "USD"))).toEqual(money(30, "USD"));
    expect(subtract(money(10, "USD"), money(25, "USD"))).toEqual(money(-15, "USD"));
    expect(multiply(money(1999, "USD"), 3)).toEqual(money(5997, "USD"));
    expect(sum([money(1, "USD"), money(2, "USD")], "USD")).toEqual(money(3, "USD"));
  });

  it("refuses mixing currencies", () => {
    expect(() => add(money(1, "USD"), money(1, "EUR"))).toThrow(/currency mismatch/);
  });

  it("computes percentages with half-up rounding in integers", () => {
    expect(percentage(money(1000, "USD"), 725)).toEqual(money(73, "USD")); // 72.5 -> 73
    expect(percentage(money(1000, "USD"), 724)).toEqual(money(72, "USD")); // 72.4 -> 72
    expect(percentage(money(0, "USD"), 725)).toEqual(money(0, "USD"));
    expect(percentage(money(-1000, "USD"), 725)).toEqual(money(-73, "USD"));
  });

  it("writes Amazon decimal strings with the currency exponent", () => {
    expect(toDecimalString(money(1999, "USD"))).toBe("19.99");
    expect(toDecimalString(money(5, "USD"))).toBe("0.05");
    expect(toDecimalString(money(0, "USD"))).toBe("0.00");
    expect(toDecimalString(money(1999, "JPY"))).toBe("1999");
    expect(toDecimalString(money(-5, "EUR"))).toBe("-0.05");
  });

  it("parses decimal strings and JSON numbers exactly", () => {
    expect(fromDecimal("14.00", "USD")).toEqual(money(1400, "USD"));
    expect(fromDecimal("14.5", "USD")).toEqual(money(1450, "USD"));
    expect(fromDecimal(10.5, "USD")).toEqual(money(1050, "USD"));
    expect(fromDecimal(50, "USD")).toEqual(money(5000, "USD"));
    expect(fromDecimal("0.10", "USD")).toEqual(money(10, "USD"));
    expect(fromDecimal("1000", "JPY")).toEqual(money(1000, "JPY"));
    expect(fromDecimal("1000.0", "JPY")).toEqual(money(1000, "JPY"));
  });

  it("refuses malformed amounts and excess precision", () => {
    for (const bad of ["", "abc", "1.", ".5", "1e3", "1,00", "0x10", " 1 2", "14.001"]) {
      expect(() => fromDecimal(bad, "USD"), bad).toThrow(MoneyError);
    }
    expect(() => fromDecimal("10.5", "JPY")).toThrow(/at most 0 decimal places/);
    expect(() => fromDecimal(1e21, "USD")).toThrow(MoneyError);
    expect(() => fromDecimal("99999999999999999999", "USD")).toThrow(/too large/);
  });

  it("round-trips every amount through the decimal string", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("USD", "EUR", "GBP", "JPY" as const),
        (amount, currency) => {
          const value = money(amount, currency);
          expect(fromDecimal(toDecimalString(value), currency)).toEqual(value);
        },
      ),
    );
  });
});
