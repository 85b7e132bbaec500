import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { marketFor } from "@/lib/market/markets";
import { add, money, multiply, sum, type Currency } from "@/lib/money";
import { priceOrder } from "@/lib/pricing/quote";
import { convertMoney } from "@/lib/presentment/convert";
import { identityRate, parseExchangeRate } from "@/lib/presentment/exchange-rate";
import { presentCart } from "./presentment";
import type { CartView } from "./repository";

const EU = marketFor("eu", "EUR");
const US = marketFor("na", "USD");

/** A cart of these unit prices and quantities, priced by lib/pricing as loadCart does. */
function cartOf(
  market: typeof EU,
  currency: Currency,
  items: { unitMinor: number; quantity: number; available?: boolean }[],
): CartView {
  const lines = items.map((item, index) => {
    const unitPrice = money(item.unitMinor, currency);
    return {
      productId: `p${index}`,
      slug: `product-${index}`,
      name: `Product ${index}`,
      imagePath: "/x.svg",
      unitPrice,
      quantity: item.quantity,
      lineTotal: multiply(unitPrice, item.quantity),
      available: item.available ?? true,
    };
  });
  const quote = priceOrder({
    market,
    currency,
    lines: lines.filter((line) => line.available),
    shippingMethod: "standard",
  });
  return { id: "cart", currency, lines, itemCount: 0, quote, checkoutReady: true };
}

describe("presentCart", () => {
  it("leaves a cart paid in the ledger currency as it is", () => {
    const cart = cartOf(EU, "EUR", [{ unitMinor: 1790, quantity: 2 }]);
    const presented = presentCart(cart, identityRate("EUR"));
    expect(presented).toMatchObject({ currency: "EUR", lines: cart.lines, quote: cart.quote });
    expect(presented.ledger.quote).toBe(cart.quote);
  });

  it("converts unit prices, shipping and VAT, and sums lines and total again in the buyer's currency", () => {
    const cart = cartOf(EU, "EUR", [
      { unitMinor: 1790, quantity: 2 },
      { unitMinor: 4500, quantity: 1 },
    ]);
    const rate = parseExchangeRate("EUR", "CHF", "0.9412");
    const presented = presentCart(cart, rate);

    expect(presented.currency).toBe("CHF");
    expect(presented.lines.map((line) => [line.unitPrice, line.lineTotal])).toEqual([
      [money(1685, "CHF"), money(3370, "CHF")], // 17.90 € × 0.9412 = 16.84748 CHF
      [money(4235, "CHF"), money(4235, "CHF")], // 45.00 € × 0.9412 = 42.354 CHF
    ]);
    expect(presented.quote.subtotal).toEqual(money(7605, "CHF"));
    expect(presented.quote.shipping).toEqual(convertMoney(cart.quote.shipping, rate));
    expect(presented.quote.tax).toEqual(convertMoney(cart.quote.tax, rate));
    // Prices include VAT: the total is items and shipping, the tax is a part of it.
    expect(presented.quote.total).toEqual(add(presented.quote.subtotal, presented.quote.shipping));
    expect(presented.ledger).toEqual({ quote: cart.quote, rate });
  });

  it("adds converted sales tax on top where prices exclude it", () => {
    const cart = cartOf(US, "USD", [{ unitMinor: 2500, quantity: 3 }]);
    const presented = presentCart(cart, parseExchangeRate("USD", "EUR", "0.92"));
    const { subtotal, shipping, tax, total } = presented.quote;
    expect(tax.amount).toBeGreaterThan(0);
    expect(total).toEqual(add(add(subtotal, shipping), tax));
  });

  it("prices lines no longer sold at nothing, as the ledger cart does", () => {
    const cart = cartOf(EU, "EUR", [
      { unitMinor: 1790, quantity: 1 },
      { unitMinor: 999, quantity: 1, available: false },
    ]);
    const presented = presentCart(cart, parseExchangeRate("EUR", "USD", "1.0845"));
    expect(presented.quote.subtotal).toEqual(presented.lines[0]?.lineTotal);
  });

  it("refuses a rate from another currency than the cart's", () => {
    const cart = cartOf(EU, "EUR", [{ unitMinor: 1790, quantity: 1 }]);
    expect(() => presentCart(cart, parseExchangeRate("GBP", "CHF", "1.1"))).toThrow(
      /cannot convert a EUR cart/,
    );
  });

  it("always shows amounts that add up, within a minor unit per line of converting the ledger total", () => {
    const rateText = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 9999 }))
      .filter(([whole, fraction]) => whole + fraction > 0)
      .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(4, "0")}`);
    const items = fc.array(
      fc.record({
        unitMinor: fc.integer({ min: 1, max: 500_000 }),
        quantity: fc.integer({ min: 1, max: 99 }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    const target = fc.constantFrom<Currency>("CHF", "USD", "JPY", "SEK", "GBP");
    fc.assert(
      fc.property(items, target, rateText, (cartItems, to, text) => {
        const cart = cartOf(EU, "EUR", cartItems);
        const rate = parseExchangeRate("EUR", to, text);
        const { lines, quote } = presentCart(cart, rate);
        for (const line of lines) expect(line.lineTotal).toEqual(multiply(line.unitPrice, line.quantity));
        expect(quote.subtotal).toEqual(
          sum(
            lines.map((line) => line.lineTotal),
            to,
          ),
        );
        expect(quote.total).toEqual(add(quote.subtotal, quote.shipping));
        const direct = convertMoney(cart.quote.total, rate).amount;
        const perLine = lines.reduce((bound, line) => bound + line.quantity, 0);
        expect(Math.abs(quote.total.amount - direct)).toBeLessThanOrEqual(perLine + 1);
      }),
    );
  });
});
