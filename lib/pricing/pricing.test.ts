import { describe, expect, it } from "vitest";
import { marketFor } from "@/lib/market/markets";
import { money } from "@/lib/money";
import { exceedsPaymentLimit, priceOrder, QuoteError } from "./quote";
import { shippingCost } from "./shipping-methods";
import { deliveryArea, deliverySpecifications, shippingRestriction } from "./shipping-rules";
import { salesTax, taxRateFor } from "./tax";

const usd = (cents: number) => money(cents, "USD");
const US = marketFor("na", "USD");

describe("shipping", () => {
  it("charges standard shipping below $75 and nothing from $75", () => {
    expect(shippingCost("standard", usd(7499))).toEqual(usd(599));
    expect(shippingCost("standard", usd(7500))).toEqual(usd(0));
    expect(shippingCost("express", usd(100_000))).toEqual(usd(1499));
    expect(shippingCost("express", usd(0))).toEqual(usd(0));
  });
});

describe("tax", () => {
  it("uses the destination state's rate, the home state for estimates, a default otherwise", () => {
    expect(taxRateFor("ca")).toBe(725);
    expect(taxRateFor(null)).toBe(650);
    expect(taxRateFor("ZZ")).toBe(500);
    expect(salesTax(usd(1000), "CA")).toEqual(usd(73));
    expect(salesTax(usd(1000), "OR")).toEqual(usd(0));
  });
});

describe("priceOrder", () => {
  it("sums lines, adds shipping and tax on the items subtotal", () => {
    const quote = priceOrder({
      market: US,
      currency: "USD",
      lines: [
        { unitPrice: usd(1850), quantity: 2 },
        { unitPrice: usd(799), quantity: 1 },
      ],
      shippingMethod: "standard",
      destination: { countryCode: "US", stateOrRegion: "CA" },
    });
    expect(quote.subtotal).toEqual(usd(4499));
    expect(quote.shipping).toEqual(usd(599));
    expect(quote.tax).toEqual(usd(326)); // 7.25 % of 44.99 = 3.2617
    expect(quote.total).toEqual(usd(4499 + 599 + 326));
    expect(quote.taxIsFinal).toBe(true);
  });

  it("charges no shipping for an order with nothing to ship", () => {
    const quote = priceOrder({
      market: US,
      currency: "USD",
      lines: [{ unitPrice: usd(2500), quantity: 2 }],
      shippingMethod: "express",
      destination: { countryCode: "US", stateOrRegion: "NY" },
      ships: false,
    });
    expect(quote.shipping).toEqual(usd(0));
    expect(quote.total).toEqual(usd(5000 + 200)); // NY 4 %
  });

  it("refuses quantities outside 1-99 and foreign currencies", () => {
    for (const quantity of [0, -1, 100, 1.5, Number.NaN]) {
      expect(() =>
        priceOrder({
          market: US,
          currency: "USD",
          lines: [{ unitPrice: usd(100), quantity }],
          shippingMethod: "standard",
        }),
      ).toThrow(QuoteError);
    }
    expect(() =>
      priceOrder({
        market: US,
        currency: "USD",
        lines: [{ unitPrice: money(100, "EUR"), quantity: 1 }],
        shippingMethod: "standard",
      }),
    ).toThrow(QuoteError);
  });

  it("knows Amazon's per-transaction maximum", () => {
    expect(exceedsPaymentLimit(usd(15_000_000))).toBe(false);
    expect(exceedsPaymentLimit(usd(15_000_001))).toBe(true);
  });
});

describe("shipping rules", () => {
  const street = { addressLine1: "4996 Rockford Mountain Lane", countryCode: "US", stateOrRegion: "WI" };
  it("ships to US street addresses", () => expect(shippingRestriction(street)).toBeNull());
  it("refuses other countries, PO boxes and missing addresses", () => {
    expect(shippingRestriction({ ...street, countryCode: "CA" })).toMatch(/United States/);
    for (const line of ["PO Box 123", "P.O. Box 9", "p o box 1", "Post Office Box 77"]) {
      expect(shippingRestriction({ ...street, addressLine1: line }), line).toMatch(/PO boxes/);
    }
    expect(shippingRestriction({ ...street, addressLine2: "POB 12" })).toMatch(/PO boxes/);
    expect(shippingRestriction(null)).toMatch(/No shipping address/);
  });
  it("does not mistake street names for PO boxes", () => {
    expect(shippingRestriction({ ...street, addressLine1: "12 Poboxer Street" })).toBeNull();
  });
});

describe("delivery per market", () => {
  it("sends Amazon the market's delivery countries", () => {
    expect(deliverySpecifications(US)).toEqual({
      specialRestrictions: ["RestrictPOBoxes"],
      addressRestrictions: { type: "Allowed", restrictions: { US: {} } },
    });
    expect(
      Object.keys(deliverySpecifications(marketFor("eu", "GBP")).addressRestrictions.restrictions),
    ).toEqual(["GB"]);
    expect(
      Object.keys(deliverySpecifications(marketFor("jp", "JPY")).addressRestrictions.restrictions),
    ).toEqual(["JP"]);
    expect(
      Object.keys(deliverySpecifications(marketFor("eu", "EUR")).addressRestrictions.restrictions),
    ).toEqual(expect.arrayContaining(["DE", "AT", "FR", "IT", "ES", "NL", "BE", "LU", "IE"]));
  });

  it("refuses addresses outside the market, naming where it ships", () => {
    const british = { addressLine1: "10 Downing Street", countryCode: "GB" };
    expect(shippingRestriction(british, deliveryArea(marketFor("eu", "GBP")))).toBeNull();
    expect(shippingRestriction(british, deliveryArea(marketFor("eu", "EUR")))).toMatch(
      /^We only ship to addresses in Germany, Austria, France, .* or Finland\.$/,
    );
    expect(shippingRestriction({ ...british, countryCode: "DE" }, deliveryArea(marketFor("eu", "GBP")))).toBe(
      "We only ship to addresses in the United Kingdom.",
    );
    expect(shippingRestriction(british, deliveryArea(US))).toBe(
      "We only ship to addresses in the United States.",
    );
    expect(
      shippingRestriction(
        { addressLine1: "Postfach 12 34", countryCode: "DE" },
        deliveryArea(marketFor("eu", "EUR")),
      ),
    ).toMatch(/PO boxes/);
  });
});
