// The cart in the currency the buyer pays in (Amazon Pay multi-currency). The shop prices in its
// ledger currency (lib/pricing); here each unit price, the shipping and the tax are converted with
// the merchant's exact rate, and the lines and the total are summed again in the new currency,
// so every amount the buyer sees adds up to exactly what Amazon charges.
import { add, multiply, sum, type Money } from "@/lib/money";
import { addedTax, type Quote } from "@/lib/pricing/quote";
import { convertMoney } from "@/lib/presentment/convert";
import type { ExchangeRate } from "@/lib/presentment/exchange-rate";
import type { CartView } from "./repository";

export interface PresentedCart extends CartView {
  /** The cart as priced in the ledger currency, and the rate from it to `currency`. */
  ledger: { quote: Quote; rate: ExchangeRate };
}

export function presentCart(cart: CartView, rate: ExchangeRate): PresentedCart {
  if (rate.from !== cart.currency)
    throw new Error(`a ${rate.from}→${rate.to} rate cannot convert a ${cart.currency} cart`);
  if (rate.from === rate.to) return { ...cart, ledger: { quote: cart.quote, rate } };
  const convert = (value: Money) => convertMoney(value, rate);
  const lines = cart.lines.map((line) => {
    const unitPrice = convert(line.unitPrice);
    return { ...line, unitPrice, lineTotal: multiply(unitPrice, line.quantity) };
  });
  const ledger = cart.quote;
  const subtotal = sum(
    lines.filter((line) => line.available).map((line) => line.lineTotal),
    rate.to,
  );
  const shipping = convert(ledger.shipping);
  const tax = convert(ledger.tax);
  // Where prices include the tax (VAT), the tax is a part of the total, not added to it.
  const addedOnTop = convert(addedTax(ledger));
  const quote: Quote = {
    ...ledger,
    currency: rate.to,
    subtotal,
    shipping,
    tax,
    total: add(add(subtotal, shipping), addedOnTop),
  };
  return { ...cart, currency: rate.to, lines, quote, ledger: { quote: ledger, rate } };
}
