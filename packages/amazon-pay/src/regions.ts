// What each Amazon Pay region sells in: ledger currencies (what the merchant is paid in), the
// presentment currencies of multi-currency (EU/UK only), the checkout languages of the hosted
// pages, and the per-transaction maximum. API hosts and checkout.js URLs live in environment.ts.
// Maxima: https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html
import { REGIONS, type Region } from "./environment";
import type { Currency, Money } from "./money";

export { REGIONS, type Region };

export const LEDGER_CURRENCIES = ["USD", "EUR", "GBP", "JPY"] as const satisfies readonly Currency[];
export type LedgerCurrency = (typeof LEDGER_CURRENCIES)[number];

export const REGION_LEDGER_CURRENCIES: Readonly<Record<Region, readonly LedgerCurrency[]>> = {
  na: ["USD"],
  eu: ["EUR", "GBP"],
  jp: ["JPY"],
};

/** Currencies an EU/UK merchant may present and charge in (multi-currency); none in na or jp. */
export const MULTI_CURRENCY_PRESENTMENT = [
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
] as const satisfies readonly Currency[];

export const REGION_PRESENTMENT_CURRENCIES: Readonly<Record<Region, readonly Currency[]>> = {
  na: [],
  eu: MULTI_CURRENCY_PRESENTMENT,
  jp: [],
};

export const CHECKOUT_LANGUAGES = ["en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "es_ES", "ja_JP"] as const;
export type CheckoutLanguage = (typeof CHECKOUT_LANGUAGES)[number];

export const REGION_CHECKOUT_LANGUAGES: Readonly<Record<Region, readonly CheckoutLanguage[]>> = {
  na: ["en_US"],
  eu: ["en_GB", "de_DE", "fr_FR", "it_IT", "es_ES"],
  jp: ["ja_JP"],
};

/** The language a merchant's hosted pages use when the button sends no checkoutLanguage. */
export const DEFAULT_CHECKOUT_LANGUAGE: Readonly<Record<LedgerCurrency, CheckoutLanguage>> = {
  USD: "en_US",
  EUR: "de_DE",
  GBP: "en_GB",
  JPY: "ja_JP",
};

/** Largest amount per transaction in minor units: USD/EUR/GBP 150,000.00, JPY 10,000,000. */
export const MAX_TRANSACTION_MINOR: Readonly<Record<LedgerCurrency, number>> = {
  USD: 15_000_000,
  EUR: 15_000_000,
  GBP: 15_000_000,
  JPY: 10_000_000,
};

export const isLedgerCurrency = (value: string): value is LedgerCurrency =>
  (LEDGER_CURRENCIES as readonly string[]).includes(value);

export const isCheckoutLanguage = (value: string): value is CheckoutLanguage =>
  (CHECKOUT_LANGUAGES as readonly string[]).includes(value);

/** The region whose merchants are paid in `ledgerCurrency`. */
export function regionOfLedgerCurrency(ledgerCurrency: LedgerCurrency): Region {
  const region = REGIONS.find((r) => REGION_LEDGER_CURRENCIES[r].includes(ledgerCurrency));
  if (!region) throw new Error(`no region has the ledger currency ${ledgerCurrency}`);
  return region;
}

export const isLedgerCurrencyOf = (region: Region, currency: string): boolean =>
  (REGION_LEDGER_CURRENCIES[region] as readonly string[]).includes(currency);

export const isPresentmentCurrencyOf = (region: Region, currency: string): boolean =>
  (REGION_PRESENTMENT_CURRENCIES[region] as readonly string[]).includes(currency);

export const isCheckoutLanguageOf = (region: Region, language: string): boolean =>
  (REGION_CHECKOUT_LANGUAGES[region] as readonly string[]).includes(language);

/** Currencies a merchant with this ledger currency may charge in: its ledger currency, plus presentment in EU/UK. */
export function chargeableCurrencies(ledgerCurrency: LedgerCurrency): readonly Currency[] {
  const presentment = REGION_PRESENTMENT_CURRENCIES[regionOfLedgerCurrency(ledgerCurrency)];
  return [ledgerCurrency, ...presentment.filter((c) => c !== ledgerCurrency)];
}

/** True when `value` is above the per-transaction maximum of its (ledger) currency. */
export function exceedsTransactionMaximum(value: Money): boolean {
  return isLedgerCurrency(value.currency) && value.amount > MAX_TRANSACTION_MINOR[value.currency];
}

/** Parses a region's checkoutLanguage, falling back to the ledger currency's default. */
export function checkoutLanguageFor(
  ledgerCurrency: LedgerCurrency,
  requested?: string | null,
): CheckoutLanguage {
  const region = regionOfLedgerCurrency(ledgerCurrency);
  if (requested && isCheckoutLanguage(requested) && isCheckoutLanguageOf(region, requested)) return requested;
  return DEFAULT_CHECKOUT_LANGUAGE[ledgerCurrency];
}
