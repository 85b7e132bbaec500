// What a reconciliation of one settlement report found: each line of the report and the order it
// belongs to, what does not match, and the totals per currency. Stored as JSON with the report
// (SettlementReport.result) and parsed back with the same schema.
import { z } from "zod";
import { CURRENCIES, type Money } from "@/lib/money";

export const MISMATCH_KINDS = [
  /** A capture Amazon settled for which the shop has no order. */
  "capture-without-order",
  /** A capture of a known order whose charge the shop has no record of. */
  "capture-without-charge",
  /** The report's amount is not the amount the shop recorded. */
  "amount-differs",
  /** A refund Amazon settled that the shop has no record of. */
  "refund-without-record",
  /** A chargeback: the buyer's bank took money back. Always listed. */
  "chargeback",
  /** The shop captured this payment longer than the expected delay ago, and the report lacks it. */
  "not-settled",
  /** A line whose fees and net do not add up to its own amount. */
  "line-does-not-add-up",
  /** A line whose currency or amounts cannot be read. */
  "unreadable-line",
  /** The same movement twice in one report. */
  "duplicate-line",
  /** A transaction type the shop does not reconcile (an adjustment, ...). */
  "unexpected-type",
  /** The sum of the lines' own fee or net columns differs from the sum of their parts. */
  "totals-differ",
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export const LINE_KINDS = ["capture", "refund", "chargeback", "other"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

const moneySchema = z.object({ amount: z.number().int(), currency: z.enum(CURRENCIES) });

export const settlementLineSchema = z.object({
  /** 1-based, in the order of the document. */
  lineNumber: z.number().int(),
  postedAt: z.string(),
  kind: z.enum(LINE_KINDS),
  transactionType: z.string(),
  transactionId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  amount: moneySchema.nullable(),
  fee: moneySchema.nullable(),
  net: moneySchema.nullable(),
  matched: z.boolean(),
});
export type SettlementLine = z.infer<typeof settlementLineSchema>;

export const mismatchSchema = z.object({
  kind: z.enum(MISMATCH_KINDS),
  lineNumber: z.number().int().nullable(),
  transactionId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  /** What the shop recorded. */
  expected: moneySchema.nullable(),
  /** What the report says. */
  reported: moneySchema.nullable(),
  detail: z.string(),
});
export type Mismatch = z.infer<typeof mismatchSchema>;

export const currencyTotalsSchema = z.object({
  currency: z.enum(CURRENCIES),
  captures: moneySchema,
  refunds: moneySchema,
  chargebacks: moneySchema,
  other: moneySchema,
  /** Sum of every line's percentage and fixed fee (negative: Amazon keeps it). */
  fees: moneySchema,
  /** captures + refunds + chargebacks + other + fees. */
  net: moneySchema,
  /** Sum of the report's own TotalTransactionFee column. */
  reportedFees: moneySchema,
  /** Sum of the report's own NetTransactionAmount column: what Amazon pays out. */
  reportedNet: moneySchema,
});
export type CurrencyTotals = z.infer<typeof currencyTotalsSchema>;

export const reconciliationSchema = z.object({
  reportId: z.string(),
  settlementId: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  expectedDays: z.number().int(),
  lines: z.array(settlementLineSchema),
  mismatches: z.array(mismatchSchema),
  totals: z.array(currencyTotalsSchema),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export type { Money };
