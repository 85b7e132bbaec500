// An exchange rate as an exact decimal: "0.9412" is held as 9412 / 10^4, never as a float, so
// converting money with it is integer arithmetic from end to end.
import type { Currency } from "@/lib/money";

/** How many units of `to` one unit of `from` buys: numerator / denominator, exactly. */
export interface ExchangeRate {
  from: Currency;
  to: Currency;
  numerator: bigint;
  /** A power of ten. */
  denominator: bigint;
  /** The decimal text the merchant wrote, for display and the order record. */
  text: string;
}

export const MAX_RATE_FRACTION_DIGITS = 12;
const RATE_TEXT = new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${MAX_RATE_FRACTION_DIGITS}}))?$`);

export class ExchangeRateError extends Error {
  override name = "ExchangeRateError";
}

/** Parses a positive decimal rate ("0.9412", "157", "1.0"); refuses exponents, signs and zero. */
export function parseExchangeRate(from: Currency, to: Currency, text: string): ExchangeRate {
  const match = RATE_TEXT.exec(text);
  if (!match) {
    throw new ExchangeRateError(
      `rate ${from}→${to} must be a decimal number such as "0.9412" (at most 9 digits before the point and ${MAX_RATE_FRACTION_DIGITS} after), got ${JSON.stringify(text)}`,
    );
  }
  const [, whole = "0", fraction = ""] = match;
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) throw new ExchangeRateError(`rate ${from}→${to} must be greater than zero`);
  return { from, to, numerator, denominator: 10n ** BigInt(fraction.length), text };
}

/** The rate that leaves amounts as they are (a buyer paying in the ledger currency). */
export function identityRate(currency: Currency): ExchangeRate {
  return { from: currency, to: currency, numerator: 1n, denominator: 1n, text: "1" };
}
