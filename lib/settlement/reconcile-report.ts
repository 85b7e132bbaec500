// One settlement report reconciled against the shop's records: every line matched (or not),
// the same movement listed twice, captures the report should hold and does not, and the totals
// per currency, checked against the sums of the report's own fee and net columns.
import type { SettlementTransaction } from "@storefront/amazon-pay/settlement-report";
import { add, equals, zero, type Currency } from "@/lib/money";
import type { LineAmounts } from "./line-amounts";
import { matchLine } from "./match-lines";
import type { CurrencyTotals, LineKind, Mismatch, Reconciliation } from "./result";
import type { ShopRecords } from "./shop-records";

export interface ReportToReconcile {
  reportId: string;
  settlementId: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  expectedDays: number;
  transactions: readonly SettlementTransaction[];
}

function emptyTotals(currency: Currency): CurrencyTotals {
  const none = zero(currency);
  return {
    currency,
    captures: none,
    refunds: none,
    chargebacks: none,
    other: none,
    fees: none,
    net: none,
    reportedFees: none,
    reportedNet: none,
  };
}

const BUCKETS = {
  capture: "captures",
  refund: "refunds",
  chargeback: "chargebacks",
  other: "other",
} as const;

function addToTotals(totals: CurrencyTotals, kind: LineKind, a: LineAmounts) {
  const fee = add(a.percentageFee, a.fixedFee);
  const key = BUCKETS[kind];
  totals[key] = add(totals[key], a.amount);
  totals.fees = add(totals.fees, fee);
  totals.net = add(totals.net, add(a.amount, fee));
  totals.reportedFees = add(totals.reportedFees, a.reportedFee);
  totals.reportedNet = add(totals.reportedNet, a.reportedNet);
}

function totalsMismatches(totals: CurrencyTotals): Mismatch[] {
  const found: Mismatch[] = [];
  const base = { lineNumber: null, transactionId: null, orderNumber: null };
  if (!equals(totals.fees, totals.reportedFees))
    found.push({
      ...base,
      kind: "totals-differ",
      expected: totals.fees,
      reported: totals.reportedFees,
      detail: `${totals.currency} fees: the lines' TotalTransactionFee column does not sum to their fees.`,
    });
  if (!equals(totals.net, totals.reportedNet))
    found.push({
      ...base,
      kind: "totals-differ",
      expected: totals.net,
      reported: totals.reportedNet,
      detail: `${totals.currency} net: the lines' NetTransactionAmount column does not sum to amounts plus fees.`,
    });
  return found;
}

export function reconcileReport(report: ReportToReconcile, records: ShopRecords): Reconciliation {
  const matched = report.transactions.map((tx, index) => matchLine(tx, index + 1, records));
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  const totals = new Map<Currency, CurrencyTotals>();
  const capturedIds = new Set<string>();
  for (const { line, amounts, mismatches: found } of matched) {
    mismatches.push(...found);
    if (line.kind === "capture" && line.transactionId) capturedIds.add(line.transactionId);
    if (!amounts) continue;
    const key = `${line.kind}:${line.transactionId ?? ""}:${Math.sign(amounts.amount.amount)}`;
    if (line.transactionId && seen.has(key)) {
      line.matched = false;
      mismatches.push({
        kind: "duplicate-line",
        lineNumber: line.lineNumber,
        transactionId: line.transactionId,
        orderNumber: line.orderNumber,
        expected: null,
        reported: amounts.amount,
        detail: `${line.transactionType} ${line.transactionId} is listed more than once.`,
      });
    }
    seen.add(key);
    const current = totals.get(amounts.currency) ?? emptyTotals(amounts.currency);
    addToTotals(current, line.kind, amounts);
    totals.set(amounts.currency, current);
  }
  for (const charge of records.dueCaptures) {
    if (capturedIds.has(charge.chargeId)) continue;
    mismatches.push({
      kind: "not-settled",
      lineNumber: null,
      transactionId: charge.chargeId,
      orderNumber: charge.orderNumber,
      expected: charge.captured,
      reported: null,
      detail: `Captured ${charge.capturedAt?.toISOString() ?? "in this period"}, more than ${report.expectedDays} days before the report's end, and not in it.`,
    });
  }
  const currencyTotals = [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  for (const t of currencyTotals) mismatches.push(...totalsMismatches(t));
  return {
    reportId: report.reportId,
    settlementId: report.settlementId,
    periodStart: report.periodStart?.toISOString() ?? null,
    periodEnd: report.periodEnd?.toISOString() ?? null,
    expectedDays: report.expectedDays,
    lines: matched.map((m) => m.line),
    mismatches,
    totals: currencyTotals,
  };
}
