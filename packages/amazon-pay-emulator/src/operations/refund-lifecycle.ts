// State changes of Refunds: the IPN, the settlement timer on the movable clock, and the charge's
// refunded amount.
import { add, subtract } from "@storefront/amazon-pay/money";
import type { ChargeRecord, RefundRecord } from "../model/records";
import { refundTransition, type RefundEvent } from "../state/refund";
import type { Emulator } from "../emulator";
import { applyTransition } from "./apply-transition";

function notifyRefund(sb: Emulator, refund: RefundRecord): void {
  sb.notify(
    {
      MerchantID: refund.merchantId,
      ObjectType: "REFUND",
      ObjectId: refund.refundId,
      ChargePermissionId: refund.chargePermissionId,
      NotificationType: "STATE_CHANGE",
    },
    refund.status.state,
  );
}

/** Registers a new (RefundInitiated) refund and schedules its settlement. */
export function refundCreated(
  sb: Emulator,
  refund: RefundRecord,
  charge: ChargeRecord,
  outcome: RefundEvent,
): void {
  sb.store.refunds.set(refund.refundId, refund);
  charge.refundIds.push(refund.refundId);
  const countedEarly = sb.config.refundedAmountOn === "RefundInitiated";
  if (countedEarly) charge.refundedAmount = add(charge.refundedAmount, refund.refundAmount);
  if (sb.config.ipn.notifyOnCreate) notifyRefund(sb, refund);
  sb.scheduler.schedule(
    refund.createdAt + sb.config.asyncDelayMs,
    `settle refund ${refund.refundId}`,
    (at) => {
      if (refund.status.state !== "RefundInitiated") return;
      refund.status = applyTransition(refundTransition(refund.status, outcome));
      refund.statusUpdatedAt = at;
      if (refund.status.state === "Refunded" && !countedEarly)
        charge.refundedAmount = add(charge.refundedAmount, refund.refundAmount);
      if (refund.status.state === "Declined" && countedEarly)
        charge.refundedAmount = subtract(charge.refundedAmount, refund.refundAmount);
      notifyRefund(sb, refund);
    },
  );
}
