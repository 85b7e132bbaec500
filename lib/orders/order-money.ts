// An order's amounts as Money, in the currency the order was placed in, and how its tax was
// counted (lib/market): an order keeps both from "Place order" on, whatever the shop sells in now.
import { TAX_MODES, type TaxMode } from "@/lib/market/markets";
import { isCurrency, money, type Money } from "@/lib/money";

export function orderAmount(order: { currency: string }, amountMinor: number): Money {
  if (!isCurrency(order.currency)) throw new Error(`order currency ${order.currency} is not supported`);
  return money(amountMinor, order.currency);
}

export function asTaxMode(value: string): TaxMode {
  const mode = TAX_MODES.find((m) => m === value);
  if (!mode) throw new Error(`unknown tax mode ${JSON.stringify(value)}`);
  return mode;
}

/**
 * What the order cost in the shop's ledger currency before conversion (Amazon Pay
 * multi-currency) and the merchant's rate; null when the buyer paid in the ledger currency.
 */
export function ledgerAmount(order: {
  currency: string;
  ledgerCurrency: string | null;
  ledgerTotalMinor: number | null;
  exchangeRate: string | null;
}): { total: Money; exchangeRate: string } | null {
  const { ledgerCurrency, ledgerTotalMinor, exchangeRate } = order;
  if (!ledgerCurrency || ledgerCurrency === order.currency || ledgerTotalMinor === null || !exchangeRate)
    return null;
  return { total: orderAmount({ currency: ledgerCurrency }, ledgerTotalMinor), exchangeRate };
}
