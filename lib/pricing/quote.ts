// Prices an order from database unit prices: items subtotal, shipping, tax and total.
// The only place where order amounts are computed; cart, review, place order, Buy Now and
// the mobile finalize route all call it, so the same cart always yields the same amounts.
import {
  exceedsTransactionMaximum,
  MAX_TRANSACTION_MINOR,
  type LedgerCurrency,
} from "@storefront/amazon-pay/regions";
import { add, money, multiply, sum, zero, type Currency, type Money } from "@/lib/money";
import { isTaxIncluded, type Market, type TaxMode } from "@/lib/market/markets";
import { shippingCost, type ShippingMethodId } from "./shipping-methods";
import { taxOf, type TaxDestination } from "./tax";

export const MAX_QUANTITY_PER_LINE = 99;

export interface QuoteLine {
  unitPrice: Money;
  quantity: number;
}

export interface Quote {
  currency: Currency;
  subtotal: Money;
  shipping: Money;
  /** Sales tax added to the total, or (taxIncluded) the part of the total that is VAT or consumption tax. */
  tax: Money;
  total: Money;
  shippingMethod: ShippingMethodId;
  taxMode: TaxMode;
  /** True when prices include the tax: the total is subtotal + shipping. */
  taxIncluded: boolean;
  taxRateBasisPoints: number;
  /** True when the tax used the destination; false when it is the home state's or country's estimate. */
  taxIsFinal: boolean;
}

export class QuoteError extends Error {
  override name = "QuoteError";
}

export type PricingMarket = Pick<Market, "taxMode" | "deliveryCountries">;

export function priceOrder(input: {
  market: PricingMarket;
  currency: Currency;
  lines: readonly QuoteLine[];
  shippingMethod: ShippingMethodId;
  destination?: TaxDestination | null;
  /** False when nothing in the order is shipped (a PayOnly checkout): no shipping cost. */
  ships?: boolean;
}): Quote {
  for (const line of input.lines) {
    if (line.unitPrice.currency !== input.currency)
      throw new QuoteError("every line must be priced in the cart currency");
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY_PER_LINE) {
      throw new QuoteError(`quantity must be between 1 and ${MAX_QUANTITY_PER_LINE}`);
    }
  }
  const subtotal = sum(
    input.lines.map((line) => multiply(line.unitPrice, line.quantity)),
    input.currency,
  );
  const shipping =
    input.ships === false ? zero(input.currency) : shippingCost(input.shippingMethod, subtotal);
  const taxIncluded = isTaxIncluded(input.market.taxMode);
  const tax = taxOf(input.market, { subtotal, shipping }, input.destination);
  const total = taxIncluded ? add(subtotal, shipping) : add(add(subtotal, shipping), tax.tax);
  return {
    currency: input.currency,
    subtotal,
    shipping,
    tax: tax.tax,
    total,
    shippingMethod: input.shippingMethod,
    taxMode: input.market.taxMode,
    taxIncluded,
    taxRateBasisPoints: tax.rateBasisPoints,
    taxIsFinal: tax.final,
  };
}

/** The tax to add on top of subtotal and shipping: none where prices include it. */
export const addedTax = (quote: Quote): Money => (quote.taxIncluded ? zero(quote.currency) : quote.tax);

/** True above Amazon Pay's maximum per transaction (USD/EUR/GBP 150,000; JPY 10,000,000). */
export function exceedsPaymentLimit(total: Money): boolean {
  return exceedsTransactionMaximum(total);
}

/** Amazon Pay's maximum per transaction in a ledger currency. */
export const paymentLimit = (currency: LedgerCurrency): Money =>
  money(MAX_TRANSACTION_MINOR[currency], currency);

export const emptyQuote = (
  market: PricingMarket,
  currency: Currency,
  shippingMethod: ShippingMethodId,
): Quote => priceOrder({ market, currency, lines: [], shippingMethod });
