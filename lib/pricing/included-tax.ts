// The tax inside a tax-inclusive price: a gross amount G at rate r holds G × r / (1 + r) of tax
// (€119.00 at 19 % VAT holds €19.00). Integer arithmetic only, rounded half away from zero to a
// whole minor unit, so the tax and the net part always add up to the gross amount.
import { money, MoneyError, type Money } from "@/lib/money";

export function includedPercentage(gross: Money, basisPoints: number): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new MoneyError(`basis points must be a non-negative integer, got ${basisPoints}`);
  const numerator = BigInt(gross.amount) * BigInt(basisPoints);
  const denominator = 10_000n + BigInt(basisPoints);
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return money(Number(rounded * sign), gross.currency);
}
