import { describe, expect, it } from "vitest";
import { CURRENCY_EXPONENTS, fromDecimal, money, toDecimalString } from "./money";
import {
  chargeableCurrencies,
  checkoutLanguageFor,
  DEFAULT_CHECKOUT_LANGUAGE,
  exceedsTransactionMaximum,
  isLedgerCurrencyOf,
  isPresentmentCurrencyOf,
  LEDGER_CURRENCIES,
  MULTI_CURRENCY_PRESENTMENT,
  REGION_CHECKOUT_LANGUAGES,
  REGION_LEDGER_CURRENCIES,
  regionOfLedgerCurrency,
  REGIONS,
} from "./regions";

describe("regions", () => {
  it("pays na merchants in USD, eu merchants in EUR or GBP and jp merchants in JPY", () => {
    expect(REGION_LEDGER_CURRENCIES).toEqual({ na: ["USD"], eu: ["EUR", "GBP"], jp: ["JPY"] });
    expect(LEDGER_CURRENCIES.map(regionOfLedgerCurrency)).toEqual(["na", "eu", "eu", "jp"]);
    expect(isLedgerCurrencyOf("eu", "GBP")).toBe(true);
    expect(isLedgerCurrencyOf("na", "EUR")).toBe(false);
  });

  it("offers multi-currency presentment only to EU/UK merchants", () => {
    expect(MULTI_CURRENCY_PRESENTMENT).toHaveLength(12);
    expect(isPresentmentCurrencyOf("eu", "CHF")).toBe(true);
    expect(isPresentmentCurrencyOf("na", "EUR")).toBe(false);
    expect(isPresentmentCurrencyOf("jp", "USD")).toBe(false);
    expect(chargeableCurrencies("USD")).toEqual(["USD"]);
    expect(chargeableCurrencies("JPY")).toEqual(["JPY"]);
    const eur = chargeableCurrencies("EUR");
    expect(eur[0]).toBe("EUR");
    expect(new Set(eur)).toEqual(new Set(MULTI_CURRENCY_PRESENTMENT));
    expect(chargeableCurrencies("GBP")[0]).toBe("GBP");
  });

  it("lets Money hold every presentment currency with the right exponent", () => {
    for (const currency of MULTI_CURRENCY_PRESENTMENT) {
      expect(CURRENCY_EXPONENTS[currency]).toBe(currency === "JPY" ? 0 : 2);
    }
    expect(toDecimalString(money(1234, "CHF"))).toBe("12.34");
    expect(fromDecimal("99.95", "SEK")).toEqual(money(9995, "SEK"));
  });

  it("speaks each region's checkout languages, defaulting per ledger currency", () => {
    expect(REGION_CHECKOUT_LANGUAGES.na).toEqual(["en_US"]);
    expect(REGION_CHECKOUT_LANGUAGES.jp).toEqual(["ja_JP"]);
    expect(REGION_CHECKOUT_LANGUAGES.eu).toEqual(["en_GB", "de_DE", "fr_FR", "it_IT", "es_ES"]);
    for (const currency of LEDGER_CURRENCIES) {
      const region = regionOfLedgerCurrency(currency);
      expect(REGION_CHECKOUT_LANGUAGES[region]).toContain(DEFAULT_CHECKOUT_LANGUAGE[currency]);
    }
    expect(checkoutLanguageFor("EUR", "fr_FR")).toBe("fr_FR");
    expect(checkoutLanguageFor("EUR", "ja_JP")).toBe("de_DE");
    expect(checkoutLanguageFor("GBP", null)).toBe("en_GB");
    expect(checkoutLanguageFor("JPY", "xx")).toBe("ja_JP");
    expect(REGIONS).toEqual(["na", "eu", "jp"]);
  });

  it("caps a transaction at 150,000.00 USD/EUR/GBP and 10,000,000 JPY", () => {
    for (const currency of ["USD", "EUR", "GBP"] as const) {
      expect(exceedsTransactionMaximum(fromDecimal("150000.00", currency))).toBe(false);
      expect(exceedsTransactionMaximum(fromDecimal("150000.01", currency))).toBe(true);
    }
    expect(exceedsTransactionMaximum(fromDecimal("10000000", "JPY"))).toBe(false);
    expect(exceedsTransactionMaximum(fromDecimal("10000001", "JPY"))).toBe(true);
  });
});
