// The shop in each market other than the United States: the same production build started with
// another AMAZON_PAY_REGION and SHOP_CURRENCY, on the e2e database and emulator. Started by the
// specs that need them (not by servers.ts), so a run without those specs pays nothing for them.
// Each is its own process and so has its own page cache (lib/catalog/page-cache-handler.mjs keeps
// pages in memory only): a cached page never shows another market's prices. Each has its own data
// folder, so its own merchant key, which it registers with the emulator for its region at start
// (Amazon Pay's regions are separate services: a key of one is unknown in another).
import path from "node:path";
import { E2E_DATA_DIR, SHOPS } from "./environment";
import { startShop, type ShopProcess } from "./shop-process";

export const MARKET_SHOPS = {
  EUR: { region: "eu", currency: "EUR", port: SHOPS.AuthorizeWithCapture.port + 10 },
  GBP: { region: "eu", currency: "GBP", port: SHOPS.AuthorizeWithCapture.port + 11 },
  JPY: { region: "jp", currency: "JPY", port: SHOPS.AuthorizeWithCapture.port + 12 },
} as const;
export type MarketCurrency = keyof typeof MARKET_SHOPS;

/** Starts the shop of one market; stop() it when the spec is done. */
export async function startMarketShop(currency: MarketCurrency): Promise<ShopProcess> {
  const { region, port } = MARKET_SHOPS[currency];
  return startShop({
    port,
    quiet: true,
    env: {
      AMAZON_PAY_REGION: region,
      SHOP_CURRENCY: currency,
      DATA_DIR: path.join(E2E_DATA_DIR, "markets", currency),
      // The reconciler lease is shared through the database: one held by this shop would leave
      // the other shops' orders to its key, which Amazon Pay does not know in their region.
      RECONCILER_INTERVAL_SECONDS: "0",
    },
  });
}
