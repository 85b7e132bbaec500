// Refund state machine: every refund is asynchronous,
// RefundInitiated → Refunded | Declined(reason).
import { allow, refuse, type Transition } from "./transition";

export type RefundState = "RefundInitiated" | "Refunded" | "Declined";

export interface RefundStatus {
  state: RefundState;
  reasonCode: string | null;
}

export type RefundEvent =
  | { type: "settle" }
  | { type: "decline"; reasonCode: "AmazonRejected" | "ProcessingFailure" | "AmazonCanceled" };

export const REFUND_REASON_DESCRIPTIONS: Record<string, string> = {
  AmazonRejected: "Amazon rejected the refund; refund the buyer by other means.",
  ProcessingFailure: "Amazon could not process the refund because of an internal processing error.",
  AmazonCanceled: "Amazon canceled the refund.",
};

export const initialRefundStatus = (): RefundStatus => ({ state: "RefundInitiated", reasonCode: null });

export function refundTransition(s: RefundStatus, event: RefundEvent): Transition<RefundStatus> {
  if (s.state !== "RefundInitiated") {
    return refuse(
      422,
      "InvalidRefundStatus",
      `The Refund is already ${s.state}; only a RefundInitiated refund can settle.`,
    );
  }
  return event.type === "settle"
    ? allow({ state: "Refunded", reasonCode: null })
    : allow({ state: "Declined", reasonCode: event.reasonCode });
}
