// What each market is, as data: one market per Amazon Pay ledger currency. Imported by the
// browser too (prices are written in the market's locale), so nothing here reads the environment.
import type { Region } from "@storefront/amazon-pay/environment";
import type { CheckoutLanguage, LedgerCurrency } from "@storefront/amazon-pay/regions";
import type { Currency } from "@/lib/money";

/**
 * How tax reaches the buyer. `sales-tax`: prices exclude it, and the destination state's sales
 * tax is added at checkout (United States). `vat` and `consumption-tax`: prices include it, and
 * the shop shows the part of each amount that is tax (UK and EU VAT, Japanese consumption tax).
 */
export const TAX_MODES = ["sales-tax", "vat", "consumption-tax"] as const;
export type TaxMode = (typeof TAX_MODES)[number];

export const isTaxIncluded = (taxMode: TaxMode): boolean => taxMode !== "sales-tax";

export interface Market {
  region: Region;
  /** The currency the merchant account is paid in; the shop prices and charges in it. */
  ledgerCurrency: LedgerCurrency;
  /** BCP 47 locale for Intl.NumberFormat: how prices are written. */
  locale: string;
  /** The language of Amazon's button and hosted pages. */
  checkoutLanguage: CheckoutLanguage;
  /** ISO 3166 country codes the shop delivers to, the first the shop's own. */
  deliveryCountries: readonly string[];
  taxMode: TaxMode;
}

export type MarketFacts = Omit<Market, "region" | "ledgerCurrency">;

export const MARKET_FACTS: Readonly<Record<LedgerCurrency, MarketFacts>> = {
  USD: { locale: "en-US", checkoutLanguage: "en_US", deliveryCountries: ["US"], taxMode: "sales-tax" },
  GBP: { locale: "en-GB", checkoutLanguage: "en_GB", deliveryCountries: ["GB"], taxMode: "vat" },
  // The euro countries of Amazon Pay's EU region the shop delivers to from Germany.
  EUR: {
    locale: "de-DE",
    checkoutLanguage: "de_DE",
    deliveryCountries: ["DE", "AT", "FR", "IT", "ES", "NL", "BE", "LU", "IE", "PT", "FI"],
    taxMode: "vat",
  },
  JPY: { locale: "ja-JP", checkoutLanguage: "ja_JP", deliveryCountries: ["JP"], taxMode: "consumption-tax" },
};

/**
 * The locale amounts in `currency` are written in: the locale of the market that sells in it
 * (en-US, en-GB, de-DE, ja-JP). Presentment currencies exist only in the EU/UK region; they are
 * written the British way.
 */
export function displayLocale(currency: Currency): string {
  const market = (MARKET_FACTS as Readonly<Partial<Record<Currency, MarketFacts>>>)[currency];
  return market?.locale ?? MARKET_FACTS.GBP.locale;
}
