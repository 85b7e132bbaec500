// The fees Amazon keeps, as the emulator models them for settlement documents: a percentage and
// a fixed amount per capture, the percentage given back on refunds (configurable), and a fee per
// chargeback. Amounts are Money; the sign is left to the document (fees are debits there).
import { percentage, type Money } from "@storefront/amazon-pay/money";
import { isLedgerCurrency } from "@storefront/amazon-pay/regions";
import type { FeeConfig, PerCurrency } from "./after-sale-config";

/** Fees are set per ledger currency; settlement converts presentment amounts before they apply. */
const feeIn = (table: PerCurrency, currency: string): number =>
  isLedgerCurrency(currency) ? table[currency] : 0;

export interface Fees {
  percentage: Money;
  fixed: Money;
}

export function captureFees(captured: Money, fees: FeeConfig): Fees {
  return {
    percentage: percentage(captured, fees.captureBasisPoints),
    fixed: { amount: feeIn(fees.captureFixed, captured.currency), currency: captured.currency },
  };
}

/** What a refund gives back: the percentage fee of the refunded amount, or nothing. */
export function refundFeeReturn(refunded: Money, fees: FeeConfig): Fees {
  const back = fees.refundReturnsPercentageFee ? percentage(refunded, fees.captureBasisPoints).amount : 0;
  return {
    percentage: { amount: back, currency: refunded.currency },
    fixed: { amount: 0, currency: refunded.currency },
  };
}

export function chargebackFee(disputed: Money, fees: FeeConfig): Money {
  return { amount: feeIn(fees.chargeback, disputed.currency), currency: disputed.currency };
}
