// Money is an integer number of minor units (cents) together with its currency. Every amount
// the shop stores, computes or sends to Amazon goes through these helpers; floating point is
// never used for money.

/**
 * Every currency Amazon Pay charges in: the four ledger currencies and the presentment
 * currencies of EU/UK multi-currency. Only JPY has no minor unit.
 */
export const CURRENCY_EXPONENTS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  AUD: 2,
  DKK: 2,
  HKD: 2,
  NZD: 2,
  NOK: 2,
  ZAR: 2,
  SEK: 2,
  CHF: 2,
} as const;
export type Currency = keyof typeof CURRENCY_EXPONENTS;
export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as Currency[];

export interface Money {
  /** Integer minor units, e.g. 1999 for $19.99, 1999 for ¥1,999. */
  readonly amount: number;
  readonly currency: Currency;
}

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(CURRENCY_EXPONENTS, value);
}

export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount))
    throw new MoneyError(`amount must be a safe integer of minor units, got ${amount}`);
  if (!isCurrency(currency)) throw new MoneyError(`unsupported currency ${String(currency)}`);
  return { amount, currency };
}

export const zero = (currency: Currency): Money => money(0, currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiply(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new MoneyError(`factor must be an integer, got ${factor}`);
  return money(a.amount * factor, a.currency);
}

export function sum(values: readonly Money[], currency: Currency): Money {
  return values.reduce((total, value) => add(total, value), zero(currency));
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

/**
 * `basisPoints` hundredths of a percent of `a` (725 = 7.25 %), rounded half away from zero to
 * a whole minor unit. Integer arithmetic only, so 7.25 % of $10.00 is exactly 73 cents.
 */
export function percentage(a: Money, basisPoints: number): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new MoneyError(`basis points must be a non-negative integer, got ${basisPoints}`);
  const product = BigInt(a.amount) * BigInt(basisPoints);
  const sign = product < 0n ? -1n : 1n;
  const magnitude = product * sign;
  const rounded = (magnitude + 5_000n) / 10_000n;
  return money(Number(rounded * sign), a.currency);
}

/** Decimal string with the currency's exponent, as Amazon Pay expects: "19.99", JPY "1999". */
export function toDecimalString(a: Money): string {
  const exponent = CURRENCY_EXPONENTS[a.currency];
  const negative = a.amount < 0;
  const digits = Math.abs(a.amount)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(-exponent)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/**
 * Parses a decimal amount ("14", "14.5", "14.00", JSON number 14.5) exactly into minor units.
 * Refuses more fraction digits than the currency has, exponents, and anything not a number.
 */
export function fromDecimal(value: string | number, currency: Currency): Money {
  const text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, minus, whole = "0", fraction = ""] = match;
  const exponent = CURRENCY_EXPONENTS[currency];
  const trimmedFraction = fraction.replace(/0+$/, "");
  if (trimmedFraction.length > exponent) {
    throw new MoneyError(
      `${currency} amounts have at most ${exponent} decimal places, got ${JSON.stringify(value)}`,
    );
  }
  const minor =
    BigInt(whole) * 10n ** BigInt(exponent) + BigInt(trimmedFraction.padEnd(exponent, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER))
    throw new MoneyError(`amount too large: ${JSON.stringify(value)}`);
  return money(Number(minor) * (minus ? -1 : 1), currency);
}

// Shortest round-trip form of a JSON number; exponent forms (1e21, 1e-7) are refused by the parser.
const numberToPlainString = (value: number): string => String(value);
