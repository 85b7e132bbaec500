// Matching each line of a settlement report to what the shop recorded: a capture to its charge
// (by chargeId, then the order by merchant reference), a refund to its refund record, a
// chargeback to its order. Amounts are compared as Money in the line's own currency.
import type { SettlementTransaction } from "@storefront/amazon-pay/settlement-report";
import { equals, money, type Money } from "@/lib/money";
import { lineAmounts, type LineAmounts } from "./line-amounts";
import type { LineKind, Mismatch, SettlementLine } from "./result";
import type { ShopRecords } from "./shop-records";

export interface MatchedLine {
  line: SettlementLine;
  amounts: LineAmounts | null;
  mismatches: Mismatch[];
}

export function lineKind(transactionType: string): LineKind {
  const type = transactionType.trim().toLowerCase();
  if (type === "capture") return "capture";
  if (type === "refund") return "refund";
  if (type === "chargeback" || type === "dispute") return "chargeback";
  return "other";
}

const negate = (m: Money): Money => money(m.amount === 0 ? 0 : -m.amount, m.currency);

const firstPresent = (...values: (string | null)[]) => values.find((v) => v !== null && v !== "") ?? null;

/** The order a line belongs to when its transaction id is unknown: by reference, then by permission. */
function orderByReference(tx: SettlementTransaction, records: ShopRecords): string | null {
  for (const reference of [tx.sellerOrderId, tx.sellerReferenceId]) {
    if (reference && records.orderNumbers.has(reference)) return reference;
  }
  return tx.amazonOrderReferenceId
    ? (records.orderByChargePermission.get(tx.amazonOrderReferenceId) ?? null)
    : null;
}

function matchCapture(tx: SettlementTransaction, amounts: LineAmounts, records: ShopRecords) {
  const id = tx.amazonTransactionId;
  const charge = id ? records.charges.get(id) : undefined;
  if (!charge) {
    const orderNumber = orderByReference(tx, records);
    const reference = firstPresent(tx.sellerOrderId, tx.sellerReferenceId);
    return {
      orderNumber,
      problem: orderNumber
        ? {
            kind: "capture-without-charge" as const,
            expected: null,
            detail: `Order ${orderNumber} has no record of charge ${id ?? "(no id)"}.`,
          }
        : {
            kind: "capture-without-order" as const,
            expected: null,
            detail: `No order has charge ${id ?? "(no id)"}${reference ? ` or reference ${reference}` : ""}.`,
          },
    };
  }
  if (equals(charge.captured, amounts.amount)) return { orderNumber: charge.orderNumber, problem: null };
  return {
    orderNumber: charge.orderNumber,
    problem: {
      kind: "amount-differs" as const,
      expected: charge.captured,
      detail: `Charge ${charge.chargeId} was captured for a different amount in the shop.`,
    },
  };
}

function matchRefund(tx: SettlementTransaction, amounts: LineAmounts, records: ShopRecords) {
  const id = tx.amazonTransactionId;
  const refund = id ? records.refunds.get(id) : undefined;
  if (!refund) {
    return {
      orderNumber: orderByReference(tx, records),
      problem: {
        kind: "refund-without-record" as const,
        expected: null,
        detail: `The shop has no record of refund ${id ?? "(no id)"}.`,
      },
    };
  }
  // A refund is a debit in the report: the shop's record is the same amount, negated.
  const expected = negate(refund.amount);
  if (equals(expected, amounts.amount) && refund.state === "Refunded")
    return { orderNumber: refund.orderNumber, problem: null };
  return {
    orderNumber: refund.orderNumber,
    problem: {
      kind: "amount-differs" as const,
      expected,
      detail:
        refund.state === "Refunded"
          ? `Refund ${refund.refundId} has a different amount in the shop.`
          : `Refund ${refund.refundId} is ${refund.state} in the shop, settled in the report.`,
    },
  };
}

function matchChargeback(tx: SettlementTransaction, amounts: LineAmounts, records: ShopRecords) {
  const id = tx.amazonTransactionId;
  const dispute = id ? records.disputes.get(id) : undefined;
  const orderNumber = dispute?.orderNumber ?? orderByReference(tx, records);
  const won = amounts.amount.amount > 0;
  const what = `${won ? "Chargeback won back" : "Chargeback"} ${id ?? "(no id)"}`;
  if (!dispute) {
    return {
      orderNumber,
      problem: {
        kind: "chargeback" as const,
        expected: null,
        detail: `${what}: the shop has no record of this dispute${orderNumber ? "" : " nor its order"}.`,
      },
    };
  }
  // The debit takes the disputed amount; a win gives it back.
  const expected = won ? dispute.amount : negate(dispute.amount);
  const state = `${dispute.state}${dispute.resolution ? `, ${dispute.resolution}` : ""}`;
  return {
    orderNumber,
    problem: equals(expected, amounts.amount)
      ? { kind: "chargeback" as const, expected, detail: `${what} (dispute ${state} in the shop).` }
      : {
          kind: "amount-differs" as const,
          expected,
          detail: `${what}: the shop recorded the dispute for a different amount (${state}).`,
        },
  };
}

/** The line's own fee and net columns checked against its parts. */
function doesNotAddUp(amounts: LineAmounts): { detail: string; expected: Money; reported: Money } | null {
  const fee = money(amounts.percentageFee.amount + amounts.fixedFee.amount, amounts.currency);
  if (!equals(fee, amounts.reportedFee))
    return {
      detail: "TotalTransactionFee is not the sum of the percentage and fixed fee.",
      expected: fee,
      reported: amounts.reportedFee,
    };
  const net = money(amounts.amount.amount + amounts.reportedFee.amount, amounts.currency);
  if (!equals(net, amounts.reportedNet))
    return {
      detail: "NetTransactionAmount is not TransactionAmount plus TotalTransactionFee.",
      expected: net,
      reported: amounts.reportedNet,
    };
  return null;
}

export function matchLine(tx: SettlementTransaction, lineNumber: number, records: ShopRecords): MatchedLine {
  const kind = lineKind(tx.transactionType);
  const read = lineAmounts(tx);
  const base = {
    lineNumber,
    postedAt: tx.transactionPostedDate,
    kind,
    transactionType: tx.transactionType,
    transactionId: tx.amazonTransactionId,
  };
  const mismatch = (m: Omit<Mismatch, "lineNumber" | "transactionId">): Mismatch => ({
    lineNumber,
    transactionId: tx.amazonTransactionId,
    ...m,
  });
  if (!read.ok) {
    const orderNumber = orderByReference(tx, records);
    return {
      line: { ...base, orderNumber, amount: null, fee: null, net: null, matched: false },
      amounts: null,
      mismatches: [
        mismatch({
          kind: "unreadable-line",
          orderNumber,
          expected: null,
          reported: null,
          detail: read.error,
        }),
      ],
    };
  }
  const amounts = read.value;
  const found =
    kind === "capture"
      ? matchCapture(tx, amounts, records)
      : kind === "refund"
        ? matchRefund(tx, amounts, records)
        : kind === "chargeback"
          ? matchChargeback(tx, amounts, records)
          : {
              orderNumber: orderByReference(tx, records),
              problem: {
                kind: "unexpected-type" as const,
                expected: null,
                detail: `Transaction type "${tx.transactionType}" is not reconciled by the shop.`,
              },
            };
  const mismatches: Mismatch[] = [];
  if (found.problem) {
    const { kind: problemKind, expected, detail } = found.problem;
    mismatches.push(
      mismatch({
        kind: problemKind,
        orderNumber: found.orderNumber,
        expected: expected as Money | null,
        reported: amounts.amount,
        detail,
      }),
    );
  }
  const arithmetic = doesNotAddUp(amounts);
  if (arithmetic) {
    mismatches.push(
      mismatch({ kind: "line-does-not-add-up", orderNumber: found.orderNumber, ...arithmetic }),
    );
  }
  return {
    line: {
      ...base,
      orderNumber: found.orderNumber,
      amount: amounts.amount,
      fee: amounts.reportedFee,
      net: amounts.reportedNet,
      matched: mismatches.length === 0,
    },
    amounts,
    mismatches,
  };
}
