// Tax per market (lib/market): US sales tax by state, added to the items subtotal; UK and EU VAT
// by destination country and Japanese consumption tax, both included in the prices, of which the
// shop shows the tax part. Rates are in basis points (725 = 7.25 %). Before an address is known
// (the cart page) the estimate uses the shop's home state or country.
import { add, percentage, type Money } from "@/lib/money";
import { homeCountry, type Market } from "@/lib/market/markets";
import { includedPercentage } from "./included-tax";

export const TAX_BASIS_POINTS_BY_STATE: Readonly<Record<string, number>> = {
  CA: 725,
  NY: 400,
  WA: 650,
  TX: 625,
  FL: 600,
  IL: 625,
  MA: 625,
  CO: 290,
  GA: 400,
  NJ: 663,
  OR: 0,
  MT: 0,
  NH: 0,
  DE: 0,
  AK: 0,
};
/** States without an entry above. */
export const DEFAULT_TAX_BASIS_POINTS = 500;
export const HOME_STATE = "WA";

/**
 * Standard rates of VAT (UK, EU) and consumption tax (Japan) by country. A shop selling to
 * consumers in another EU country charges that country's VAT (the One-Stop Shop scheme).
 */
export const INCLUDED_TAX_BASIS_POINTS_BY_COUNTRY: Readonly<Record<string, number>> = {
  GB: 2000,
  DE: 1900,
  AT: 2000,
  FR: 2000,
  IT: 2200,
  ES: 2100,
  NL: 2100,
  BE: 2100,
  LU: 1700,
  IE: 2300,
  PT: 2300,
  FI: 2550,
  JP: 1000,
};

export function taxRateFor(stateOrRegion: string | null | undefined): number {
  const state = stateOrRegion?.trim().toUpperCase();
  if (!state) return TAX_BASIS_POINTS_BY_STATE[HOME_STATE] ?? DEFAULT_TAX_BASIS_POINTS;
  return TAX_BASIS_POINTS_BY_STATE[state] ?? DEFAULT_TAX_BASIS_POINTS;
}

export function salesTax(itemsSubtotal: Money, stateOrRegion: string | null | undefined): Money {
  return percentage(itemsSubtotal, taxRateFor(stateOrRegion));
}

/** Where the order goes, as far as tax cares. */
export interface TaxDestination {
  countryCode?: string | null;
  stateOrRegion?: string | null;
}

export interface TaxResult {
  /** Added to the total (sales tax), or the part of the total that is tax (VAT, consumption tax). */
  tax: Money;
  rateBasisPoints: number;
  /** False while the rate is the home state's or country's estimate. */
  final: boolean;
}

/**
 * The tax of an order in `market`: US sales tax on the items subtotal for a US state (the home
 * state's rate until there is one); elsewhere the tax included in items and shipping, at the
 * destination country's rate (the home country's until there is one).
 */
export function taxOf(
  market: Pick<Market, "taxMode" | "deliveryCountries">,
  amounts: { subtotal: Money; shipping: Money },
  destination: TaxDestination | null | undefined,
): TaxResult {
  const country = destination?.countryCode?.trim().toUpperCase() || null;
  if (market.taxMode === "sales-tax") {
    const state = country === "US" ? destination?.stateOrRegion?.trim() || null : null;
    return {
      tax: salesTax(amounts.subtotal, state),
      rateBasisPoints: taxRateFor(state),
      final: state !== null,
    };
  }
  const known = country !== null && Object.hasOwn(INCLUDED_TAX_BASIS_POINTS_BY_COUNTRY, country);
  const rateBasisPoints = INCLUDED_TAX_BASIS_POINTS_BY_COUNTRY[known ? country : homeCountry(market)] ?? 0;
  return {
    tax: includedPercentage(add(amounts.subtotal, amounts.shipping), rateBasisPoints),
    rateBasisPoints,
    final: known,
  };
}
