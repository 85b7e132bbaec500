import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCIES, CURRENCY_EXPONENTS, money, MoneyError, type Currency } from "@/lib/money";
import { convertMoney } from "./convert";
import { ExchangeRateError, identityRate, parseExchangeRate } from "./exchange-rate";

const currency = fc.constantFrom(...CURRENCIES);
/** Decimal rate text as a merchant writes it: up to 4 integer and 12 fraction digits. */
const rateText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 12 }),
  )
  .filter(([whole, fraction]) => whole > 0 || /[1-9]/.test(fraction))
  .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : String(whole)));
const amount = fc.integer({ min: 0, max: 1_000_000_000 });

/** The exact converted amount as the fraction dividend / divisor, for checking the rounding. */
function exact(value: number, from: Currency, to: Currency, text: string) {
  const rate = parseExchangeRate(from, to, text);
  return {
    dividend: BigInt(value) * rate.numerator * 10n ** BigInt(CURRENCY_EXPONENTS[to]),
    divisor: rate.denominator * 10n ** BigInt(CURRENCY_EXPONENTS[from]),
  };
}

describe("convertMoney", () => {
  it("is the exact product rounded to the nearest minor unit, halves away from zero", () => {
    fc.assert(
      fc.property(amount, currency, currency, rateText, (value, from, to, text) => {
        const converted = convertMoney(money(value, from), parseExchangeRate(from, to, text));
        expect(converted.currency).toBe(to);
        const { dividend, divisor } = exact(value, from, to, text);
        const error = BigInt(converted.amount) * divisor - dividend; // in units of 1 / divisor
        expect(2n * error <= divisor).toBe(true);
        expect(-2n * error < divisor).toBe(true); // an exact half rounds up, never down
      }),
    );
  });

  it("never decreases when the amount grows", () => {
    fc.assert(
      fc.property(amount, amount, currency, currency, rateText, (a, b, from, to, text) => {
        const rate = parseExchangeRate(from, to, text);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(convertMoney(money(low, from), rate).amount).toBeLessThanOrEqual(
          convertMoney(money(high, from), rate).amount,
        );
      }),
    );
  });

  it("is off by at most one minor unit from converting the parts of a sum", () => {
    fc.assert(
      fc.property(amount, amount, currency, currency, rateText, (a, b, from, to, text) => {
        const rate = parseExchangeRate(from, to, text);
        const whole = convertMoney(money(a + b, from), rate).amount;
        const parts = convertMoney(money(a, from), rate).amount + convertMoney(money(b, from), rate).amount;
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("converts to JPY in whole yen and from JPY into minor units", () => {
    fc.assert(
      fc.property(amount, rateText, (cents, text) => {
        const yen = convertMoney(money(cents, "EUR"), parseExchangeRate("EUR", "JPY", text));
        expect(Number.isSafeInteger(yen.amount)).toBe(true);
        const { dividend, divisor } = exact(cents, "EUR", "JPY", text);
        expect(BigInt(yen.amount)).toBe((2n * dividend + divisor) / (2n * divisor));
      }),
    );
    expect(convertMoney(money(1999, "EUR"), parseExchangeRate("EUR", "JPY", "161.37"))).toEqual(
      money(3226, "JPY"), // 19.99 × 161.37 = 3225.7863 yen
    );
    expect(convertMoney(money(1000, "JPY"), parseExchangeRate("JPY", "EUR", "0.0062"))).toEqual(
      money(620, "EUR"),
    );
  });

  it("leaves amounts unchanged at a rate of one between currencies with the same exponent", () => {
    fc.assert(
      fc.property(amount, currency, (value, from) => {
        expect(convertMoney(money(value, from), identityRate(from))).toEqual(money(value, from));
        expect(
          convertMoney(money(value, from), parseExchangeRate(from, "CHF", "1.000000000000")).amount,
        ).toBe(from === "JPY" ? value * 100 : value);
      }),
    );
  });

  it("has no binary floating-point drift", () => {
    // 1.00 EUR at 1.005 is exactly 1.005 CHF, which rounds to 1.01; 100 * 1.005 in floats is 100.49999…
    expect(Math.round(100 * 1.005)).toBe(100);
    expect(convertMoney(money(100, "EUR"), parseExchangeRate("EUR", "CHF", "1.005"))).toEqual(
      money(101, "CHF"),
    );
    // Products far beyond 2^53 stay exact.
    expect(
      convertMoney(money(999_999_999, "EUR"), parseExchangeRate("EUR", "USD", "1.084512345678")),
    ).toEqual(money(1_084_512_345, "USD")); // 1 084 512 344.5935 …
  });

  it("rounds exact halves away from zero", () => {
    expect(convertMoney(money(1, "EUR"), parseExchangeRate("EUR", "GBP", "0.5"))).toEqual(money(1, "GBP"));
    expect(convertMoney(money(-1, "EUR"), parseExchangeRate("EUR", "GBP", "0.5"))).toEqual(money(-1, "GBP"));
    expect(convertMoney(money(3, "EUR"), parseExchangeRate("EUR", "GBP", "0.5"))).toEqual(money(2, "GBP"));
  });

  it("refuses an amount in another currency than the rate's", () => {
    expect(() => convertMoney(money(100, "GBP"), parseExchangeRate("EUR", "CHF", "0.94"))).toThrow(
      MoneyError,
    );
  });
});

describe("parseExchangeRate", () => {
  it("holds the decimal text exactly", () => {
    expect(parseExchangeRate("EUR", "CHF", "0.9412")).toMatchObject({
      numerator: 9412n,
      denominator: 10_000n,
    });
    expect(parseExchangeRate("EUR", "JPY", "161")).toMatchObject({ numerator: 161n, denominator: 1n });
  });

  it("refuses zero, signs, exponents and excess precision", () => {
    for (const bad of [
      "0",
      "0.000",
      "-1",
      "+1",
      "1e3",
      "1.",
      ".5",
      "",
      "1,5",
      "0.1234567890123",
      "1234567890",
    ]) {
      expect(() => parseExchangeRate("EUR", "CHF", bad), bad).toThrow(ExchangeRateError);
    }
  });
});
