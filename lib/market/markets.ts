// The markets the shop can sell in: one per Amazon Pay ledger currency. A market is where the
// merchant account is (the region and its ledger currency) and what buyers there expect: the
// locale prices are written in, the language of Amazon's pages, the countries the shop delivers
// to, and how tax is shown. Everything here is data; lib/market/server.ts picks the market of
// this process from AMAZON_PAY_REGION and SHOP_CURRENCY.
import type { Region } from "@storefront/amazon-pay/environment";
import { REGION_LEDGER_CURRENCIES, type LedgerCurrency } from "@storefront/amazon-pay/regions";
import { MARKET_FACTS, type Market } from "./facts";

export { isTaxIncluded, TAX_MODES, type Market, type TaxMode } from "./facts";

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
