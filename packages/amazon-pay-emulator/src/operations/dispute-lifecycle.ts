// Disputes as the emulator plays them: a chargeback opened against a captured charge (from the
// developer endpoint or the dashboard), every state change announced with a CHARGEBACK IPN, the
// merchant's response deadline on the movable clock, and the decision (merchant or buyer wins).
import type { Money } from "@storefront/amazon-pay/money";
import type { DisputeFilingReason } from "@storefront/amazon-pay/schemas/dispute";
import { ApiError, unprocessable } from "../core/api-error";
import { formatPrice } from "../core/amounts";
import { DAY } from "../core/clock";
import { newDisputeId, uniqueId } from "../core/ids";
import { chargebackMessage } from "../ipn/after-sale-messages";
import type { DisputeRecord } from "../model/after-sale-records";
import { disputeTransition, openedDisputeStatus, type DisputeEvent } from "../state/dispute";
import type { Emulator } from "../emulator";
import { applyTransition } from "./apply-transition";

function notify(sb: Emulator, dispute: DisputeRecord): void {
  sb.notify(chargebackMessage(dispute), dispute.status.state);
}

/** While ActionRequired, the deadline runs; once the merchant answered or it was decided, it stops. */
function armDeadline(sb: Emulator, dispute: DisputeRecord, at: number): void {
  sb.scheduler.cancel(dispute.deadlineEventId);
  dispute.deadlineEventId = null;
  if (dispute.status.state !== "ActionRequired") return;
  dispute.responseDeadline = at + sb.config.chargebackResponseDays * DAY;
  dispute.deadlineEventId = sb.scheduler.schedule(
    dispute.responseDeadline,
    `dispute ${dispute.disputeId} response deadline`,
    (expiredAt) => {
      dispute.deadlineEventId = null;
      if (dispute.status.state === "ActionRequired")
        changeDispute(sb, dispute, { type: "deadlineExpired" }, expiredAt);
    },
  );
}

export function changeDispute(
  sb: Emulator,
  dispute: DisputeRecord,
  event: DisputeEvent,
  at = sb.now(),
): void {
  const wasActionRequired = dispute.status.state === "ActionRequired";
  dispute.status = applyTransition(disputeTransition(dispute.status, event));
  dispute.statusUpdatedAt = at;
  if (wasActionRequired || dispute.status.state === "ActionRequired") armDeadline(sb, dispute, at);
  notify(sb, dispute);
}

export interface OpenDisputeInput {
  chargeId: string;
  /** Default: what was captured and not refunded. */
  amount?: Money;
  filingReason?: DisputeFilingReason;
}

const isOpen = (d: DisputeRecord) => d.status.state === "ActionRequired" || d.status.state === "UnderReview";

/** The buyer's bank files a chargeback against a captured charge. */
export function openDispute(sb: Emulator, input: OpenDisputeInput): DisputeRecord {
  const charge = sb.store.charges.get(input.chargeId);
  if (!charge) throw new ApiError(404, "ResourceNotFound", `No Charge [${input.chargeId}].`);
  if (charge.status.state !== "Captured" || !charge.captureAmount)
    throw unprocessable(
      "InvalidChargeStatus",
      `Only a Captured charge can be disputed; it is ${charge.status.state}.`,
    );
  if ([...sb.store.disputes.values()].some((d) => d.chargeId === charge.chargeId && isOpen(d)))
    throw unprocessable(
      "InvalidChargeStatus",
      `The Charge [${charge.chargeId}] already has an open dispute.`,
    );
  const captured = charge.captureAmount;
  const amount = input.amount ?? {
    amount: captured.amount - charge.refundedAmount.amount,
    currency: captured.currency,
  };
  if (amount.currency !== captured.currency || amount.amount <= 0 || amount.amount > captured.amount)
    throw new ApiError(
      400,
      "InvalidParameterValue",
      `The disputed amount must be more than 0 and at most the captured ${formatPrice(captured)}.`,
    );
  const at = sb.now();
  const dispute: DisputeRecord = {
    disputeId: uniqueId(
      () => newDisputeId(charge.chargePermissionId),
      (id) => sb.store.disputes.has(id),
    ),
    chargeId: charge.chargeId,
    chargePermissionId: charge.chargePermissionId,
    merchantId: charge.merchantId,
    disputeAmount: amount,
    filingReason: input.filingReason ?? "ProductNotReceived",
    status: openedDisputeStatus(),
    statusUpdatedAt: at,
    createdAt: at,
    responseDeadline: at,
    evidences: [],
    deadlineEventId: null,
  };
  sb.store.disputes.set(dispute.disputeId, dispute);
  armDeadline(sb, dispute, at);
  notify(sb, dispute);
  return dispute;
}

export type DisputeOutcome = "won" | "lost" | "moreEvidence";

/** The resolution authority decides (or asks the merchant for more evidence). */
export function settleDispute(sb: Emulator, dispute: DisputeRecord, outcome: DisputeOutcome): void {
  const event: DisputeEvent =
    outcome === "moreEvidence"
      ? { type: "requestEvidence" }
      : { type: "decide", winner: outcome === "won" ? "merchant" : "buyer" };
  changeDispute(sb, dispute, event);
}
