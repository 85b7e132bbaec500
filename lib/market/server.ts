import "server-only";
// The market this shop sells in, from AMAZON_PAY_REGION and SHOP_CURRENCY (lib/env.ts has already
// refused combinations Amazon refuses). Every view, amount and Amazon Pay call takes it from here.
import { env } from "@/lib/env";
import { marketFor, type Market } from "./markets";

export type { Market, TaxMode } from "./markets";
export { isTaxIncluded } from "./markets";

let cached: { key: string; market: Market } | undefined;

export function currentMarket(): Market {
  const { AMAZON_PAY_REGION: region, SHOP_CURRENCY: currency } = env();
  const key = `${region}:${currency}`;
  if (cached?.key !== key) cached = { key, market: marketFor(region, currency) };
  return cached.market;
}
