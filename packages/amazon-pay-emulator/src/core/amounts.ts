// Prices on the wire ({ amount, currencyCode }) and the amount rules Amazon applies to them:
// per-transaction maxima, the currency's decimals, and the over-capture / over-refund
// tolerance. Amounts are @storefront/amazon-pay/money Money values (integer minor units) inside.
import {
  CURRENCY_EXPONENTS,
  fromDecimal,
  isCurrency,
  percentage,
  toDecimalString,
  type Currency,
  type Money,
} from "@storefront/amazon-pay/money";
import {
  exceedsTransactionMaximum,
  isLedgerCurrency,
  MAX_TRANSACTION_MINOR,
} from "@storefront/amazon-pay/regions";
import type { EmulatorConfig } from "./config";

export interface PriceJson {
  amount: string;
  currencyCode: string;
}

/** Largest amount per transaction, in minor units (USD/EUR/GBP 150,000; JPY 10,000,000). */
export const MAX_AMOUNT = MAX_TRANSACTION_MINOR;

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as Currency[];

export type AmountProblem = { field: "amount" | "currencyCode"; detail: string };

/** Parses a request price; returns the Money or what is wrong with it. */
export function parsePrice(
  input: { amount: string | number; currencyCode: string },
  options: { allowZero?: boolean } = {},
): Money | AmountProblem {
  if (!isCurrency(input.currencyCode)) {
    return {
      field: "currencyCode",
      detail: `unsupported currency ${JSON.stringify(input.currencyCode)} (the emulator supports ${SUPPORTED_CURRENCIES.join(", ")})`,
    };
  }
  const currency = input.currencyCode;
  // Amazon refuses any decimal point in a currency without minor units ("1999.00" JPY too).
  if (CURRENCY_EXPONENTS[currency] === 0 && /[.eE]/.test(String(input.amount))) {
    return {
      field: "amount",
      detail: `${currency} amounts have no decimals, got ${JSON.stringify(input.amount)}`,
    };
  }
  let value: Money;
  try {
    value = fromDecimal(input.amount, currency);
  } catch (error) {
    return { field: "amount", detail: error instanceof Error ? error.message : String(error) };
  }
  if (value.amount < 0 || (value.amount === 0 && !options.allowZero)) {
    return { field: "amount", detail: `must be greater than ${options.allowZero ? "or equal to " : ""}0` };
  }
  if (isLedgerCurrency(currency) && exceedsTransactionMaximum(value)) {
    return {
      field: "amount",
      detail: `exceeds the maximum of ${toDecimalString({ amount: MAX_AMOUNT[currency], currency })} ${currency} per transaction`,
    };
  }
  return value;
}

export const isMoney = (value: Money | AmountProblem): value is Money => "currency" in value;

export function priceJson(value: Money): PriceJson {
  return { amount: toDecimalString(value), currencyCode: value.currency };
}

export const priceJsonOrNull = (value: Money | null): PriceJson | null => (value ? priceJson(value) : null);

/** The tolerance over `base`: the lesser of the configured percentage and the currency's cap. */
export function overAmountTolerance(
  base: Money,
  config: Pick<EmulatorConfig, "overAmountTolerancePercent" | "overAmountToleranceCap">,
): Money {
  const byPercent = percentage(base, config.overAmountTolerancePercent * 100);
  // Amazon documents caps only for the ledger currencies; other currencies use the percentage.
  const cap = isLedgerCurrency(base.currency)
    ? config.overAmountToleranceCap[base.currency]
    : byPercent.amount;
  return { amount: Math.min(byPercent.amount, cap), currency: base.currency };
}

export const formatPrice = (value: Money): string => `${toDecimalString(value)} ${value.currency}`;
