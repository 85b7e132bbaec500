// Multi-currency conversion into a merchant's ledger currency: the conversion rate (presentment
// units per ledger unit, as Amazon reports it on a Charge) and the converted amount, which is
// chargeAmount / conversionRate rounded half away from zero to a whole minor unit.
import { CURRENCY_EXPONENTS, type Currency, type Money } from "@storefront/amazon-pay/money";
import type { LedgerCurrency } from "@storefront/amazon-pay/regions";

export interface Conversion {
  ledgerCurrency: LedgerCurrency;
  /** Presentment units per 1 ledger unit, six decimals. */
  rate: number;
}

/** The conversion of `presentment` into `ledger` at the configured rates (units per 1 EUR). */
export function conversionBetween(
  presentment: Currency,
  ledger: LedgerCurrency,
  rates: Readonly<Record<Currency, number>>,
): Conversion {
  const rate = Math.round((rates[presentment] / rates[ledger]) * 1e6) / 1e6;
  return { ledgerCurrency: ledger, rate };
}

export function convert(value: Money, conversion: Conversion): Money {
  const scale = 10 ** (CURRENCY_EXPONENTS[conversion.ledgerCurrency] - CURRENCY_EXPONENTS[value.currency]);
  const exact = (value.amount * scale) / conversion.rate;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return { amount: rounded === 0 ? 0 : rounded, currency: conversion.ledgerCurrency };
}
