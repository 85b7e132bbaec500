import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { marketFor } from "@/lib/market/markets";
import { money, subtract } from "@/lib/money";
import { includedPercentage } from "./included-tax";
import { priceOrder } from "./quote";
import { INCLUDED_TAX_BASIS_POINTS_BY_COUNTRY, taxOf } from "./tax";

const GERMANY = marketFor("eu", "EUR");
const UK = marketFor("eu", "GBP");
const JAPAN = marketFor("jp", "JPY");
const US = marketFor("na", "USD");

describe("tax included in a price", () => {
  it("is the part of the gross amount that is tax", () => {
    expect(includedPercentage(money(11900, "EUR"), 1900)).toEqual(money(1900, "EUR"));
    expect(includedPercentage(money(1200, "GBP"), 2000)).toEqual(money(200, "GBP"));
    expect(includedPercentage(money(1100, "JPY"), 1000)).toEqual(money(100, "JPY"));
    expect(includedPercentage(money(0, "EUR"), 1900)).toEqual(money(0, "EUR"));
  });

  it("rounds half away from zero to a whole minor unit", () => {
    expect(includedPercentage(money(1790, "EUR"), 1900)).toEqual(money(286, "EUR")); // 285.798…
    expect(includedPercentage(money(2980, "JPY"), 1000)).toEqual(money(271, "JPY")); // 270.909…
    expect(includedPercentage(money(21, "GBP"), 2000)).toEqual(money(4, "GBP")); // 3.5
    expect(includedPercentage(money(-21, "GBP"), 2000)).toEqual(money(-4, "GBP"));
  });

  it("is the rounded exact share, never more than the price, and net plus tax is the gross", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15_000_000 }),
        fc.constantFrom(...Object.values(INCLUDED_TAX_BASIS_POINTS_BY_COUNTRY)),
        (gross, basisPoints) => {
          const tax = includedPercentage(money(gross, "EUR"), basisPoints).amount;
          const exact = (gross * basisPoints) / (10_000 + basisPoints);
          expect(Math.abs(tax - exact)).toBeLessThanOrEqual(0.5);
          expect(tax).toBeLessThanOrEqual(gross);
          const net = subtract(money(gross, "EUR"), money(tax, "EUR")).amount;
          // The net part carries the tax back to the gross amount within one minor unit.
          expect(Math.abs(Math.round((net * (10_000 + basisPoints)) / 10_000) - gross)).toBeLessThanOrEqual(
            1,
          );
        },
      ),
    );
  });
});

describe("tax per market", () => {
  const amounts = (minor: number, currency: "EUR" | "GBP" | "JPY" | "USD") => ({
    subtotal: money(minor, currency),
    shipping: money(0, currency),
  });

  it("uses the destination country's VAT rate, and the home country's until there is one", () => {
    expect(taxOf(GERMANY, amounts(11900, "EUR"), null)).toEqual({
      tax: money(1900, "EUR"),
      rateBasisPoints: 1900,
      final: false,
    });
    expect(taxOf(GERMANY, amounts(12000, "EUR"), { countryCode: "FR" })).toEqual({
      tax: money(2000, "EUR"),
      rateBasisPoints: 2000,
      final: true,
    });
    expect(taxOf(GERMANY, amounts(12200, "EUR"), { countryCode: "it" }).tax).toEqual(money(2200, "EUR"));
    expect(taxOf(UK, amounts(12000, "GBP"), { countryCode: "GB" }).tax).toEqual(money(2000, "GBP"));
    expect(taxOf(JAPAN, amounts(2980, "JPY"), { countryCode: "JP" }).tax).toEqual(money(271, "JPY"));
  });

  it("keeps US sales tax by state on the items only", () => {
    expect(
      taxOf(
        US,
        { subtotal: money(1000, "USD"), shipping: money(599, "USD") },
        { countryCode: "US", stateOrRegion: "CA" },
      ),
    ).toEqual({ tax: money(73, "USD"), rateBasisPoints: 725, final: true });
    expect(taxOf(US, amounts(1000, "USD"), { countryCode: "DE", stateOrRegion: "CA" }).final).toBe(false);
  });

  it("includes VAT in the total and counts it on shipping too", () => {
    const quote = priceOrder({
      market: GERMANY,
      currency: "EUR",
      lines: [{ unitPrice: money(1790, "EUR"), quantity: 2 }],
      shippingMethod: "standard",
      destination: { countryCode: "DE" },
    });
    expect(quote.subtotal).toEqual(money(3580, "EUR"));
    expect(quote.shipping).toEqual(money(495, "EUR"));
    expect(quote.total).toEqual(money(4075, "EUR"));
    expect(quote.tax).toEqual(money(651, "EUR")); // 40.75 × 19/119 = 6.506…
    expect(quote).toMatchObject({
      taxIncluded: true,
      taxMode: "vat",
      taxRateBasisPoints: 1900,
      taxIsFinal: true,
    });
  });

  it("prices yen in whole yen, consumption tax included, free standard shipping from ¥8,000", () => {
    const quote = priceOrder({
      market: JAPAN,
      currency: "JPY",
      lines: [{ unitPrice: money(2980, "JPY"), quantity: 3 }],
      shippingMethod: "standard",
      destination: { countryCode: "JP", stateOrRegion: "東京都" },
    });
    expect(quote.shipping).toEqual(money(0, "JPY"));
    expect(quote.total).toEqual(money(8940, "JPY"));
    expect(quote.tax).toEqual(money(813, "JPY")); // 8940 / 11 = 812.7…
  });

  it("keeps the total of an inclusive market equal to what the buyer saw, whatever the destination", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom(...GERMANY.deliveryCountries, "CH", null),
        (unit, quantity, country) => {
          const quote = priceOrder({
            market: GERMANY,
            currency: "EUR",
            lines: [{ unitPrice: money(unit, "EUR"), quantity }],
            shippingMethod: "express",
            destination: country ? { countryCode: country } : null,
          });
          expect(quote.total.amount).toBe(unit * quantity + 1290);
          expect(quote.tax.amount).toBeGreaterThan(0);
          expect(quote.tax.amount).toBeLessThan(quote.total.amount);
        },
      ),
    );
  });
});
