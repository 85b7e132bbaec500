import "server-only";
// The currencies this shop offers and the one this browser chose (its cookie), for the cart,
// review and "Place order". Only pages rendered per buyer read the choice: the catalog pages are
// cached for every buyer alike and show the ledger currency.
import { cookies } from "next/headers";
import { REGION_PRESENTMENT_CURRENCIES } from "@storefront/amazon-pay/regions";
import { currentMarket } from "@/lib/market/server";
import { chosenRate, CURRENCY_COOKIE } from "./choice";
import type { ExchangeRate } from "./exchange-rate";
import { currencyOffer, type CurrencyOffer } from "./offer";
import { currentRateTable } from "./rate-table-file";

export function currentCurrencyOffer(): CurrencyOffer {
  const { region, ledgerCurrency } = currentMarket();
  return currencyOffer({
    ledgerCurrency,
    presentmentCurrencies: REGION_PRESENTMENT_CURRENCIES[region],
    table: currentRateTable(),
  });
}

/** The rate from the ledger currency to the currency this browser pays in (identity by default). */
export async function currentExchangeRate(): Promise<ExchangeRate> {
  return chosenRate((await cookies()).get(CURRENCY_COOKIE)?.value, currentCurrencyOffer());
}
