// The buyer's currency choice, from the form that sets it and from the cookie that keeps it.
// Neither is trusted beyond choosing among the currencies the shop offers: the rate always comes
// from the shop's own table.
import { z } from "zod";
import { identityRate, type ExchangeRate } from "./exchange-rate";
import { offeredRate, type CurrencyOffer } from "./offer";

export const CURRENCY_COOKIE = "currency";

const currencyCodeSchema = z
  .string({ error: "Choose a currency." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: "Choose a currency from the list." });

export const currencyChoiceInput = z.object({ currency: currencyCodeSchema });

export type ChoiceResult = { ok: true; rate: ExchangeRate } | { ok: false; error: string };

/** The form's choice: an unknown or unoffered currency is refused with a clear message. */
export function parseCurrencyChoice(fields: unknown, offer: CurrencyOffer): ChoiceResult {
  const input = currencyChoiceInput.safeParse(fields);
  if (!input.success) return { ok: false, error: input.error.issues[0]?.message ?? "Choose a currency." };
  const rate = offeredRate(offer, input.data.currency);
  if (!rate) {
    return {
      ok: false,
      error: `Paying in ${input.data.currency} is not offered. Choose one of ${offer.currencies.join(", ")}.`,
    };
  }
  return { ok: true, rate };
}

/**
 * The cookie's choice, or the ledger currency when there is none, it is malformed, or the shop
 * stopped offering it (a rate removed from the table, multi-currency off in this region).
 */
export function chosenRate(cookieValue: string | undefined, offer: CurrencyOffer): ExchangeRate {
  const parsed = currencyCodeSchema.safeParse(cookieValue);
  const rate = parsed.success ? offeredRate(offer, parsed.data) : null;
  return rate ?? identityRate(offer.ledgerCurrency);
}
