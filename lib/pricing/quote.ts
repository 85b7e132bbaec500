// Prices an order from database unit prices: items subtotal, shipping, tax and total.
// The only place where order amounts are computed; cart, review, place order, Buy Now and
// the mobile finalize route all call it, so the same cart always yields the same amounts.
import { add, multiply, sum, zero, type Currency, type Money } from "@/lib/money";
import { shippingCost, type ShippingMethodId } from "./shipping-methods";
import { salesTax } from "./tax";
import { exceedsTransactionMaximum, MAX_TRANSACTION_MINOR } from "@storefront/amazon-pay/regions";

export const MAX_QUANTITY_PER_LINE = 99;
/** Amazon Pay's maximum per transaction (USD/EUR/GBP 150,000; JPY 10,000,000). */
export const MAX_ORDER_TOTAL_MINOR = MAX_TRANSACTION_MINOR;

export interface QuoteLine {
  unitPrice: Money;
  quantity: number;
}

export interface Quote {
  currency: Currency;
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  shippingMethod: ShippingMethodId;
  /** True when the tax used the destination; false when it is the home-state estimate. */
  taxIsFinal: boolean;
}

export class QuoteError extends Error {
  override name = "QuoteError";
}

export function priceOrder(input: {
  currency: Currency;
  lines: readonly QuoteLine[];
  shippingMethod: ShippingMethodId;
  destinationState?: string | null;
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
  const tax = salesTax(subtotal, input.destinationState);
  const total = add(add(subtotal, shipping), tax);
  return {
    currency: input.currency,
    subtotal,
    shipping,
    tax,
    total,
    shippingMethod: input.shippingMethod,
    taxIsFinal: Boolean(input.destinationState),
  };
}

export function exceedsPaymentLimit(total: Money): boolean {
  return exceedsTransactionMaximum(total);
}

export const emptyQuote = (currency: Currency, shippingMethod: ShippingMethodId): Quote =>
  priceOrder({ currency, lines: [], shippingMethod });
