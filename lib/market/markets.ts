// The markets the shop can sell in: one per Amazon Pay ledger currency. A market is where the
// merchant account is (the region and its ledger currency) and what buyers there expect: the
// locale prices are written in, the language of Amazon's pages, the countries the shop delivers
// to, and how tax is shown. Everything here is data; lib/market/server.ts picks the market of
// this process from AMAZON_PAY_REGION and SHOP_CURRENCY.
import type { Region } from "@storefront/amazon-pay/environment";
import {
  REGION_LEDGER_CURRENCIES,
  type CheckoutLanguage,
  type LedgerCurrency,
} from "@storefront/amazon-pay/regions";

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

type MarketFacts = Omit<Market, "region" | "ledgerCurrency">;

const MARKET_FACTS: Readonly<Record<LedgerCurrency, MarketFacts>> = {
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

export class MarketError extends Error {
  override name = "MarketError";
}

/** The market of a merchant account in `region` paid in `ledgerCurrency`; throws when Amazon has none. */
export function marketFor(region: Region, ledgerCurrency: LedgerCurrency): Market {
  if (!REGION_LEDGER_CURRENCIES[region].includes(ledgerCurrency)) {
    throw new MarketError(
      `Amazon Pay's ${region} region has no ${ledgerCurrency} merchant accounts (it has ${REGION_LEDGER_CURRENCIES[region].join(", ")})`,
    );
  }
  return { region, ledgerCurrency, ...MARKET_FACTS[ledgerCurrency] };
}

/** The country whose tax applies before the buyer has chosen an address: the shop's own. */
export const homeCountry = (market: Pick<Market, "deliveryCountries">): string =>
  market.deliveryCountries[0] ?? "";
