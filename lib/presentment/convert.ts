// Converts money from the ledger currency to a presentment currency with an exact rate,
// rounding half away from zero to the target currency's minor unit (JPY: whole yen). BigInt only:
// amount × rate × 10^(target exponent − source exponent) is computed as one integer division.
import { CURRENCY_EXPONENTS, money, MoneyError, type Money } from "@/lib/money";
import type { ExchangeRate } from "./exchange-rate";

export function convertMoney(value: Money, rate: ExchangeRate): Money {
  if (value.currency !== rate.from)
    throw new MoneyError(`cannot convert ${value.currency} with a ${rate.from}→${rate.to} rate`);
  const scaleUp = 10n ** BigInt(CURRENCY_EXPONENTS[rate.to]);
  const scaleDown = 10n ** BigInt(CURRENCY_EXPONENTS[rate.from]);
  const dividend = BigInt(value.amount) * rate.numerator * scaleUp;
  const divisor = rate.denominator * scaleDown;
  const sign = dividend < 0n ? -1n : 1n;
  const magnitude = dividend * sign;
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  const result = rounded * sign;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new MoneyError(`converted amount too large: ${value.amount} ${value.currency} at ${rate.text}`);
  return money(Number(result), rate.to);
}
