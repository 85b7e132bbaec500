import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS, formatMoney, fromDecimal, money, toDecimalString, type Currency } from "./money";

// Intl separates some symbols with a narrow no-break space; compare them as plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("formats for display in the currency's own minor units", () => {
    expect(formatMoney(money(123456, "USD"), "en-US")).toBe("$1,234.56");
    expect(formatMoney(money(1999, "JPY"), "en-US")).toBe("¥1,999");
  });

  it("writes each market's prices the way its buyers read them", () => {
    expect(formatMoney(money(123456, "GBP"), "en-GB")).toBe("£1,234.56");
    expect(plain(formatMoney(money(123456, "EUR"), "de-DE"))).toBe("1.234,56 €");
    expect(formatMoney(money(2980, "JPY"), "ja-JP")).toBe("￥2,980");
    expect(formatMoney(money(-1999, "USD"), "en-US")).toBe("-$19.99");
  });

  it("never shows JPY minor units, and always shows two for the others", () => {
    const cases = [
      ["USD", "en-US"],
      ["GBP", "en-GB"],
      ["EUR", "de-DE"],
      ["JPY", "ja-JP"],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15_000_000 }),
        fc.constantFrom(...cases),
        (amount, [currency, locale]) => {
          const text = plain(formatMoney(money(amount, currency), locale));
          const decimalMark = locale === "de-DE" ? "," : ".";
          const fraction = text.split(decimalMark)[1]?.replace(/\D/g, "") ?? "";
          expect(fraction.length).toBe(CURRENCY_EXPONENTS[currency]);
          // The digits shown are exactly the amount: formatting never rounds or converts.
          expect(Number(text.replace(/\D/g, ""))).toBe(amount);
        },
      ),
    );
  });
});

describe("amounts for Amazon Pay", () => {
  it("writes each currency with its own exponent, and reads it back exactly", () => {
    expect(toDecimalString(money(1999, "EUR"))).toBe("19.99");
    expect(toDecimalString(money(1999, "JPY"))).toBe("1999");
    expect(() => fromDecimal("19.99", "JPY")).toThrow(/JPY amounts have at most 0 decimal places/);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom<Currency>("USD", "EUR", "GBP", "JPY"),
        (amount, currency) => {
          expect(fromDecimal(toDecimalString(money(amount, currency)), currency)).toEqual(
            money(amount, currency),
          );
        },
      ),
    );
  });
});
