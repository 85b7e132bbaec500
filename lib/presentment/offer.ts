// Which currencies a buyer may pay in: the ledger currency always; in a region with Amazon Pay
// multi-currency (EU/UK), also each presentment currency the merchant's rate table prices.
import type { Currency } from "@/lib/money";
import { identityRate, type ExchangeRate } from "./exchange-rate";
import type { RateTable } from "./rate-table";

export interface CurrencyOffer {
  ledgerCurrency: Currency;
  /** The ledger currency first, then the presentment currencies in the region's order. */
  currencies: readonly Currency[];
  rates: ReadonlyMap<Currency, ExchangeRate>;
}

export function currencyOffer(input: {
  ledgerCurrency: Currency;
  /** The region's presentment currencies; empty where multi-currency does not exist (na, jp). */
  presentmentCurrencies: readonly Currency[];
  table: RateTable;
}): CurrencyOffer {
  const fromLedger = input.table.get(input.ledgerCurrency);
  const rates = new Map<Currency, ExchangeRate>([[input.ledgerCurrency, identityRate(input.ledgerCurrency)]]);
  for (const currency of input.presentmentCurrencies) {
    const rate = fromLedger?.get(currency);
    if (rate && currency !== input.ledgerCurrency) rates.set(currency, rate);
  }
  return { ledgerCurrency: input.ledgerCurrency, currencies: [...rates.keys()], rates };
}

/** The rate for paying in `currency`, or null when the shop does not offer it. */
export function offeredRate(offer: CurrencyOffer, currency: string): ExchangeRate | null {
  return offer.rates.get(currency as Currency) ?? null;
}

export const offersChoice = (offer: CurrencyOffer): boolean => offer.currencies.length > 1;
