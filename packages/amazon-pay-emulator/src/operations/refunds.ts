// Refund operations: Create (always asynchronous) and Get.
import { add } from "@storefront/amazon-pay/money";
import { formatPrice, overAmountTolerance } from "../core/amounts";
import { ApiError, currencyMismatch, unprocessable } from "../core/api-error";
import { newRefundId, uniqueId } from "../core/ids";
import type { RefundRecord } from "../model/records";
import { refundJson } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import { createRefundSchema } from "../schemas/requests";
import { canRefund } from "../state/charge";
import { initialRefundStatus, type RefundEvent } from "../state/refund";
import type { OpContext, OpResult } from "./context";
import { refundCreated } from "./refund-lifecycle";

const SIMULATED_OUTCOMES: Record<string, RefundEvent> = {
  "Emulator:RefundDeclined": { type: "decline", reasonCode: "AmazonRejected" },
  "Emulator:RefundProcessingFailure": { type: "decline", reasonCode: "ProcessingFailure" },
};

/** What the buyer got back through chargebacks on the charge (open, or decided for the buyer). */
function chargedBack(sb: OpContext["sb"], chargeId: string): number {
  let total = 0;
  for (const dispute of sb.store.disputes.values())
    if (dispute.chargeId === chargeId && dispute.status.resolution !== "MerchantWon")
      total += dispute.disputeAmount.amount;
  return total;
}

export function createRefundOperation(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(createRefundSchema, raw);
  const charge = sb.store.charge(input.chargeId, ctx.merchant.merchantId);
  const allowed = canRefund(charge.status);
  if (!allowed.ok)
    throw new ApiError(allowed.refusal.status, allowed.refusal.reasonCode, allowed.refusal.message);
  const amount = input.refundAmount;
  const captured = charge.captureAmount ?? charge.chargeAmount;
  if (amount.currency !== captured.currency)
    throw currencyMismatch(
      `refundAmount is in ${amount.currency} but the Charge is in ${captured.currency}.`,
    );
  if (charge.refundIds.length >= sb.config.maxRefundsPerCharge) {
    throw unprocessable(
      "TransactionCountExceeded",
      `A Charge allows at most ${sb.config.maxRefundsPerCharge} refunds.`,
    );
  }
  let refunded = 0;
  for (const id of charge.refundIds) {
    const refund = sb.store.refunds.get(id);
    if (refund && refund.status.state !== "Declined") refunded += refund.refundAmount.amount;
  }
  const maxTotal = add(captured, overAmountTolerance(captured, sb.config));
  if (refunded + amount.amount > maxTotal.amount) {
    throw unprocessable(
      "TransactionAmountExceeded",
      `refundAmount ${formatPrice(amount)} would bring the refunded total over the captured amount plus the allowed over-refund (${formatPrice(maxTotal)}; already refunded or pending: ${formatPrice({ amount: refunded, currency: amount.currency })}).`,
    );
  }
  const now = sb.now();
  const refund: RefundRecord = {
    refundId: uniqueId(
      () => newRefundId(charge.chargePermissionId),
      (id) => sb.store.refunds.has(id),
    ),
    chargeId: charge.chargeId,
    chargePermissionId: charge.chargePermissionId,
    merchantId: charge.merchantId,
    refundAmount: amount,
    softDescriptor: input.softDescriptor ?? null,
    status: initialRefundStatus(),
    statusUpdatedAt: now,
    createdAt: now,
  };
  // Amazon declines a refund the buyer already got through a chargeback (ProcessingFailure).
  const alreadyReturned = refunded + chargedBack(sb, charge.chargeId) + amount.amount > captured.amount;
  const outcome: RefundEvent =
    (ctx.simulationCode && SIMULATED_OUTCOMES[ctx.simulationCode]) ||
    (alreadyReturned ? { type: "decline", reasonCode: "ProcessingFailure" } : { type: "settle" });
  refundCreated(sb, refund, charge, outcome);
  return { status: 201, body: refundJson(refund) };
}

export function getRefund(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: refundJson(ctx.sb.store.refund(id, ctx.merchant.merchantId)) };
}
