import { describe, expect, it } from "vitest";
import { parseCurrencyChoice, chosenRate } from "./choice";
import { currencyOffer } from "./offer";
import { parseRateTable, RateTableError } from "./rate-table";

const EU_PRESENTMENT = [
  "AUD",
  "GBP",
  "DKK",
  "EUR",
  "HKD",
  "JPY",
  "NZD",
  "NOK",
  "ZAR",
  "SEK",
  "CHF",
  "USD",
] as const;
const table = parseRateTable(
  JSON.stringify({ EUR: { CHF: "0.9412", USD: "1.0845" }, GBP: { EUR: "1.1667" } }),
);

describe("parseRateTable", () => {
  it("reads exact rates per ledger currency", () => {
    expect(table.get("EUR")?.get("CHF")).toMatchObject({
      numerator: 9412n,
      denominator: 10_000n,
      text: "0.9412",
    });
    expect(table.get("GBP")?.get("EUR")?.text).toBe("1.1667");
  });

  it("names each problem with its place in the file", () => {
    const refused = (json: string) => {
      try {
        parseRateTable(json);
      } catch (error) {
        expect(error).toBeInstanceOf(RateTableError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${json}`);
    };
    expect(refused("{")).toMatch(/not valid JSON/);
    expect(refused('{"EUR": {"CHF": 0.9412}}')).toMatch(/EUR\.CHF: must be a decimal string/);
    expect(refused('{"EUR": {"XYZ": "1.2"}}')).toMatch(/EUR\.XYZ: is not a currency/);
    expect(refused('{"EUR": {"CHF": "-0.94"}}')).toMatch(/EUR\.CHF: rate EUR→CHF must be a decimal number/);
    expect(refused('{"EUR": {"CHF": "0"}}')).toMatch(/greater than zero/);
    expect(refused('{"EUR": {"EUR": "1"}}')).toMatch(/EUR\.EUR: a currency needs no rate to itself/);
    expect(refused('["EUR"]')).toMatch(/\(file\)/);
  });
});

describe("currency offer and choice", () => {
  it("offers the ledger currency and the priced presentment currencies of the region", () => {
    const offer = currencyOffer({ ledgerCurrency: "EUR", presentmentCurrencies: EU_PRESENTMENT, table });
    expect(offer.currencies).toEqual(["EUR", "CHF", "USD"]);
  });

  it("offers only the ledger currency where the region has no multi-currency", () => {
    const offer = currencyOffer({ ledgerCurrency: "USD", presentmentCurrencies: [], table });
    expect(offer.currencies).toEqual(["USD"]);
    expect(chosenRate("CHF", offer)).toMatchObject({ from: "USD", to: "USD", text: "1" });
  });

  it("accepts an offered currency from the form and refuses anything else clearly", () => {
    const offer = currencyOffer({ ledgerCurrency: "EUR", presentmentCurrencies: EU_PRESENTMENT, table });
    expect(parseCurrencyChoice({ currency: "chf" }, offer)).toMatchObject({ ok: true, rate: { to: "CHF" } });
    expect(parseCurrencyChoice({ currency: "EUR" }, offer)).toMatchObject({ ok: true, rate: { to: "EUR" } });
    expect(parseCurrencyChoice({ currency: "SEK" }, offer)).toEqual({
      ok: false,
      error: "Paying in SEK is not offered. Choose one of EUR, CHF, USD.",
    });
    expect(parseCurrencyChoice({ currency: "<script>" }, offer)).toEqual({
      ok: false,
      error: "Choose a currency from the list.",
    });
    expect(parseCurrencyChoice({}, offer)).toMatchObject({ ok: false });
  });

  it("falls back to the ledger currency for a missing, malformed or withdrawn cookie", () => {
    const offer = currencyOffer({ ledgerCurrency: "EUR", presentmentCurrencies: EU_PRESENTMENT, table });
    expect(chosenRate("USD", offer).to).toBe("USD");
    for (const value of [undefined, "", "usd ", "SEK", "E U R", "x".repeat(1000)]) {
      expect(chosenRate(value, offer).to, String(value)).toBe(value === "usd " ? "USD" : "EUR");
    }
  });
});
