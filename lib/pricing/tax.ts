// Sales tax by US state, in basis points (725 = 7.25 %), applied to the items subtotal.
// Before an address is known (the cart page), the estimate uses the shop's home state.
import { percentage, type Money } from "@/lib/money";

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

export function taxRateFor(stateOrRegion: string | null | undefined): number {
  const state = stateOrRegion?.trim().toUpperCase();
  if (!state) return TAX_BASIS_POINTS_BY_STATE[HOME_STATE] ?? DEFAULT_TAX_BASIS_POINTS;
  return TAX_BASIS_POINTS_BY_STATE[state] ?? DEFAULT_TAX_BASIS_POINTS;
}

export function salesTax(itemsSubtotal: Money, stateOrRegion: string | null | undefined): Money {
  return percentage(itemsSubtotal, taxRateFor(stateOrRegion));
}
