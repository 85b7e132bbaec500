// The Sandbox Settlement Report document, built from the emulator's own money movements: each
// capture (less Amazon's percentage and fixed fee), each settled refund (with the percentage fee
// given back when configured), each chargeback (less the chargeback fee) and each chargeback the
// merchant won back. Columns and header follow Amazon's settlement report description; values are
// quoted CSV, times ISO 8601 with a UTC offset, amounts signed (debits negative).
import { toDecimalString, type Money } from "@storefront/amazon-pay/money";
import { convert } from "../core/currency-conversion";
import { captureFees, chargebackFee, refundFeeReturn } from "../core/fees";
import type { Emulator } from "../emulator";

export const SETTLEMENT_HEADER_COLUMNS = ["SellerId", "SettlementStartDate", "SettlementEndDate"] as const;

export const SETTLEMENT_BODY_COLUMNS = [
  "TransactionPostedDate",
  "SettlementId",
  "AmazonTransactionId",
  "SellerReferenceId",
  "TransactionType",
  "AmazonOrderReferenceId",
  "SellerOrderId",
  "StoreName",
  "CurrencyCode",
  "TransactionAmount",
  "TransactionPercentageFee",
  "TransactionFixedFee",
  "TotalTransactionFee",
  "NetTransactionAmount",
] as const;

export interface SettlementRow {
  postedAt: number;
  /** chargeId, refundId or disputeId. */
  transactionId: string;
  sellerReferenceId: string | null;
  type: "Capture" | "Refund" | "Chargeback";
  chargePermissionId: string;
  amount: Money;
  percentageFee: Money;
  fixedFee: Money;
}

const negate = (m: Money): Money => ({ amount: m.amount === 0 ? 0 : -m.amount, currency: m.currency });

/** Every money movement of `merchantId` posted in [from, to], oldest first, in the ledger currency. */
export function settlementRows(sb: Emulator, merchantId: string, from: number, to: number): SettlementRow[] {
  const { store, config } = sb;
  const rows: SettlementRow[] = [];
  // Multi-currency amounts settle in the ledger currency at their charge's conversion rate.
  const inLedger = (chargeId: string, value: Money): Money => {
    const conversion = store.charges.get(chargeId)?.conversion;
    return conversion ? convert(value, conversion) : value;
  };
  for (const charge of store.charges.values()) {
    if (charge.merchantId !== merchantId || charge.status.state !== "Captured" || !charge.captureAmount)
      continue;
    const captured = inLedger(charge.chargeId, charge.captureAmount);
    const fees = captureFees(captured, config.fees);
    rows.push({
      postedAt: charge.statusUpdatedAt,
      transactionId: charge.chargeId,
      sellerReferenceId: charge.merchantMetadata.merchantReferenceId,
      type: "Capture",
      chargePermissionId: charge.chargePermissionId,
      amount: captured,
      percentageFee: negate(fees.percentage),
      fixedFee: negate(fees.fixed),
    });
  }
  for (const refund of store.refunds.values()) {
    if (refund.merchantId !== merchantId || refund.status.state !== "Refunded") continue;
    const refunded = inLedger(refund.chargeId, refund.refundAmount);
    const back = refundFeeReturn(refunded, config.fees);
    rows.push({
      postedAt: refund.statusUpdatedAt,
      transactionId: refund.refundId,
      sellerReferenceId: null,
      type: "Refund",
      chargePermissionId: refund.chargePermissionId,
      amount: negate(refunded),
      percentageFee: back.percentage,
      fixedFee: back.fixed,
    });
  }
  for (const dispute of store.disputes.values()) {
    if (dispute.merchantId !== merchantId) continue;
    const disputed = inLedger(dispute.chargeId, dispute.disputeAmount);
    const none = { amount: 0, currency: disputed.currency };
    rows.push({
      postedAt: dispute.createdAt,
      transactionId: dispute.disputeId,
      sellerReferenceId: null,
      type: "Chargeback",
      chargePermissionId: dispute.chargePermissionId,
      amount: negate(disputed),
      percentageFee: none,
      fixedFee: negate(chargebackFee(disputed, config.fees)),
    });
    if (dispute.status.resolution === "MerchantWon") {
      rows.push({
        postedAt: dispute.statusUpdatedAt,
        transactionId: dispute.disputeId,
        sellerReferenceId: null,
        type: "Chargeback",
        chargePermissionId: dispute.chargePermissionId,
        amount: disputed,
        percentageFee: none,
        fixedFee: none,
      });
    }
  }
  return rows
    .filter((row) => row.postedAt >= from && row.postedAt <= to)
    .sort((a, b) => a.postedAt - b.postedAt || a.transactionId.localeCompare(b.transactionId));
}

/** ISO 8601 with the offset written as Amazon's examples write it: 2015-05-18T15:48:50-0000. */
export function settlementTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}-0000`;
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v.replace(/"/g, '""')}"`).join(",");

export interface SettlementDocumentInput {
  sellerId: string;
  settlementId: string;
  from: number;
  to: number;
  rows: readonly SettlementRow[];
  /** Merchant metadata of a Charge Permission: order id and store name. */
  orderOf: (chargePermissionId: string) => { sellerOrderId: string | null; storeName: string | null };
}

export function settlementCsv(input: SettlementDocumentInput): string {
  const lines = [
    quoted(SETTLEMENT_HEADER_COLUMNS),
    quoted([input.sellerId, settlementTime(input.from), settlementTime(input.to)]),
    "",
    quoted(SETTLEMENT_BODY_COLUMNS),
  ];
  for (const row of input.rows) {
    const order = input.orderOf(row.chargePermissionId);
    const totalFee: Money = {
      amount: row.percentageFee.amount + row.fixedFee.amount,
      currency: row.amount.currency,
    };
    const net: Money = { amount: row.amount.amount + totalFee.amount, currency: row.amount.currency };
    lines.push(
      quoted([
        settlementTime(row.postedAt),
        input.settlementId,
        row.transactionId,
        row.sellerReferenceId ?? "",
        row.type,
        row.chargePermissionId,
        order.sellerOrderId ?? "",
        order.storeName ?? "",
        row.amount.currency,
        toDecimalString(row.amount),
        toDecimalString(row.percentageFee),
        toDecimalString(row.fixedFee),
        toDecimalString(totalFee),
        toDecimalString(net),
      ]),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
