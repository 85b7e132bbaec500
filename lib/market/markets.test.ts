import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS, isCurrency } from "@/lib/money";
import { EnvError, parseEnv } from "@/lib/env";
import { CATALOG } from "@/prisma/catalog";
import { displayLocale } from "./facts";
import { marketFor, MarketError } from "./markets";

const marketOf = (vars: Record<string, string>) => {
  const e = parseEnv(vars);
  return marketFor(e.AMAZON_PAY_REGION, e.SHOP_CURRENCY);
};

describe("the market from AMAZON_PAY_REGION and SHOP_CURRENCY", () => {
  it("sells in the United States, in dollars with sales tax, by default", () => {
    expect(marketOf({})).toEqual({
      region: "na",
      ledgerCurrency: "USD",
      locale: "en-US",
      checkoutLanguage: "en_US",
      deliveryCountries: ["US"],
      taxMode: "sales-tax",
    });
  });

  it("sells in the euro countries from eu, in the United Kingdom with GBP or the uk alias", () => {
    expect(marketOf({ AMAZON_PAY_REGION: "eu" })).toMatchObject({
      ledgerCurrency: "EUR",
      locale: "de-DE",
      checkoutLanguage: "de_DE",
      taxMode: "vat",
    });
    expect(marketOf({ AMAZON_PAY_REGION: "eu" }).deliveryCountries).toEqual(
      expect.arrayContaining(["DE", "AT", "FR", "IT", "ES", "NL", "BE", "LU", "IE"]),
    );
    const uk = {
      ledgerCurrency: "GBP",
      locale: "en-GB",
      checkoutLanguage: "en_GB",
      deliveryCountries: ["GB"],
    };
    expect(marketOf({ AMAZON_PAY_REGION: "eu", SHOP_CURRENCY: "gbp" })).toMatchObject(uk);
    expect(marketOf({ AMAZON_PAY_REGION: "uk" })).toMatchObject(uk);
    expect(marketOf({ AMAZON_PAY_REGION: "de" })).toMatchObject({ ledgerCurrency: "EUR" });
  });

  it("sells in Japan in yen with consumption tax included", () => {
    expect(marketOf({ AMAZON_PAY_REGION: "jp" })).toEqual({
      region: "jp",
      ledgerCurrency: "JPY",
      locale: "ja-JP",
      checkoutLanguage: "ja_JP",
      deliveryCountries: ["JP"],
      taxMode: "consumption-tax",
    });
  });

  it.each([
    ["na", "EUR", /SHOP_CURRENCY=USD.*AMAZON_PAY_REGION=eu/],
    ["na", "JPY", /SHOP_CURRENCY=USD.*AMAZON_PAY_REGION=jp/],
    ["jp", "GBP", /SHOP_CURRENCY=JPY.*AMAZON_PAY_REGION=eu/],
    ["eu", "USD", /SHOP_CURRENCY=EUR or GBP.*AMAZON_PAY_REGION=na/],
    ["uk", "JPY", /SHOP_CURRENCY=EUR or GBP/],
  ])("refuses %s with %s, naming both variables", (region, currency, advice) => {
    const attempt = () => parseEnv({ AMAZON_PAY_REGION: region, SHOP_CURRENCY: currency });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/AMAZON_PAY_REGION=(na|eu|jp) and SHOP_CURRENCY=[A-Z]{3}: Amazon Pay has no/);
    expect(attempt).toThrow(advice);
  });

  it("refuses a currency that is no ledger currency", () => {
    expect(() => parseEnv({ SHOP_CURRENCY: "CHF" })).toThrow(
      /SHOP_CURRENCY: must be one of USD, EUR, GBP, JPY/,
    );
  });

  it("writes an amount in the locale of the market that sells in its currency", () => {
    expect(["USD", "GBP", "EUR", "JPY"].map((c) => displayLocale(c as "USD"))).toEqual([
      "en-US",
      "en-GB",
      "de-DE",
      "ja-JP",
    ]);
    expect(displayLocale("CHF")).toBe("en-GB");
  });

  it("never builds a market Amazon has no merchant accounts for", () => {
    expect(() => marketFor("na", "EUR")).toThrow(MarketError);
    expect(() => marketFor("jp", "GBP")).toThrow(MarketError);
  });
});

describe("the seed catalog", () => {
  it("prices every product in every market's currency, in whole minor units (whole yen)", () => {
    for (const product of CATALOG) {
      expect(Object.keys(product.prices).sort(), product.slug).toEqual(["EUR", "GBP", "JPY", "USD"]);
      for (const [currency, amount] of Object.entries(product.prices)) {
        expect(isCurrency(currency)).toBe(true);
        expect(Number.isSafeInteger(amount) && amount > 0, `${product.slug} ${currency}`).toBe(true);
        if (isCurrency(currency) && CURRENCY_EXPONENTS[currency] === 0)
          expect(amount).toBeGreaterThanOrEqual(100);
      }
    }
  });
});
