// The money of one settlement report line, read exactly from its decimal columns in the line's
// own currency (CurrencyCode): never a float, never an assumed currency.
import type { SettlementTransaction } from "@storefront/amazon-pay/settlement-report";
import { add, fromDecimal, isCurrency, zero, type Currency, type Money } from "@/lib/money";

export interface LineAmounts {
  currency: Currency;
  amount: Money;
  percentageFee: Money;
  fixedFee: Money;
  /** The line's TotalTransactionFee column (percentage + fixed when the column is blank). */
  reportedFee: Money;
  /** The line's NetTransactionAmount column (amount + fee when the column is blank). */
  reportedNet: Money;
}

export type LineAmountsResult = { ok: true; value: LineAmounts } | { ok: false; error: string };

function column(
  name: string,
  text: string | null,
  currency: Currency,
): { ok: true; value: Money | null } | { ok: false; error: string } {
  if (text === null) return { ok: true, value: null };
  try {
    return { ok: true, value: fromDecimal(text, currency) };
  } catch {
    return { ok: false, error: `${name} "${text}" is not a ${currency} amount` };
  }
}

export function lineAmounts(line: SettlementTransaction): LineAmountsResult {
  const code = line.currencyCode?.toUpperCase() ?? null;
  if (code === null || !isCurrency(code))
    return { ok: false, error: `CurrencyCode "${line.currencyCode ?? ""}" is not a currency the shop knows` };
  if (line.transactionAmount === null) return { ok: false, error: "TransactionAmount is blank" };
  const read = [
    column("TransactionAmount", line.transactionAmount, code),
    column("TransactionPercentageFee", line.transactionPercentageFee, code),
    column("TransactionFixedFee", line.transactionFixedFee, code),
    column("TotalTransactionFee", line.totalTransactionFee, code),
    column("NetTransactionAmount", line.netTransactionAmount, code),
  ];
  const failed = read.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const [amount, percentageFee, fixedFee, reportedFee, reportedNet] = read.map((r) =>
    r.ok ? r.value : null,
  );
  const none = zero(code);
  const fee = add(percentageFee ?? none, fixedFee ?? none);
  return {
    ok: true,
    value: {
      currency: code,
      amount: amount ?? none,
      percentageFee: percentageFee ?? none,
      fixedFee: fixedFee ?? none,
      reportedFee: reportedFee ?? fee,
      reportedNet: reportedNet ?? add(amount ?? none, reportedFee ?? fee),
    },
  };
}
