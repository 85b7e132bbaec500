// Switches of the regions: what a request to another region's endpoint gets, and the exchange
// rates of EU/UK multi-currency. Part of EmulatorConfig (config.ts); the README lists them.
import { z } from "zod";
import { CURRENCIES, type Currency } from "@storefront/amazon-pay/money";

export interface RegionConfig {
  /**
   * A key used at another region's endpoint (path prefix /na, /eu, /jp, or the x-amz-pay-region
   * header): Amazon's regions are separate services, so the key is unknown there. Answered like
   * an unknown key (401 UnauthorizedAccess), as InvalidRequestSignature, or accepted. [UNKNOWN]
   */
  wrongRegion: "UnauthorizedAccess" | "InvalidRequestSignature" | "accept";
  /**
   * Units of each currency per 1 EUR, for multi-currency conversion into the ledger currency
   * (conversionRate, convertedAmount, settlement). Amazon uses its daily rates. [approximate]
   */
  exchangeRates: Record<Currency, number>;
}

export const REGION_DEFAULTS: RegionConfig = {
  wrongRegion: "UnauthorizedAccess",
  exchangeRates: {
    EUR: 1,
    USD: 1.08,
    GBP: 0.85,
    JPY: 162,
    AUD: 1.65,
    DKK: 7.46,
    HKD: 8.45,
    NZD: 1.8,
    NOK: 11.5,
    ZAR: 20,
    SEK: 11.3,
    CHF: 0.95,
  },
};

const rate = z.number().positive().finite();

/** The members of configPatchSchema that belong here. */
export const regionPatchShape = {
  wrongRegion: z.enum(["UnauthorizedAccess", "InvalidRequestSignature", "accept"]),
  exchangeRates: z
    .strictObject(Object.fromEntries(CURRENCIES.map((c) => [c, rate])) as Record<Currency, typeof rate>)
    .partial(),
};

export function mergeExchangeRates(
  base: Record<Currency, number>,
  patch: Partial<Record<Currency, number | undefined>> | undefined,
): Record<Currency, number> {
  if (!patch) return base;
  const defined = Object.entries(patch).filter(([, v]) => v !== undefined) as [Currency, number][];
  return { ...base, ...Object.fromEntries(defined) };
}
