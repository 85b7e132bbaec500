// Charge state machine:
//   AuthorizationInitiated → Authorized | Declined | Canceled
//   Authorized → Captured (≤ 7 days) | CaptureInitiated (> 7 days) | Canceled (merchant, 30-day expiry)
//   CaptureInitiated → Captured | Declined
import { allow, refuse, type Transition } from "./transition";

export type ChargeState =
  "AuthorizationInitiated" | "Authorized" | "CaptureInitiated" | "Captured" | "Canceled" | "Declined";

export interface ChargeStatus {
  state: ChargeState;
  reasonCode: string | null;
}

export type ChargeEvent =
  | { type: "authorizationApproved" }
  | { type: "authorizationDeclined"; reasonCode: string }
  | { type: "capture"; asynchronous: boolean }
  | { type: "captureSettled" }
  | { type: "captureDeclined"; reasonCode: string }
  | {
      type: "cancel";
      reasonCode: "MerchantCanceled" | "ChargePermissionCanceled" | "AmazonCanceled" | "BuyerCanceled";
    }
  | { type: "expire" };

export const CHARGE_REASON_DESCRIPTIONS: Record<string, string> = {
  ExpiredUnused: "The authorization was not captured within 30 days.",
  MerchantCanceled: "The merchant canceled the charge.",
  ChargePermissionCanceled: "The Charge Permission was closed and its pending charges canceled.",
  AmazonCanceled: "Amazon canceled the charge.",
  BuyerCanceled: "The buyer canceled the charge.",
  SoftDeclined: "The authorization was soft declined; retrying may succeed.",
  HardDeclined: "The authorization was declined; the buyer must use another payment method.",
  AmazonRejected: "Amazon rejected the transaction.",
  ProcessingFailure: "Amazon could not process the transaction because of an internal processing error.",
  TransactionTimedOut: "The authorization timed out.",
};

const wrongState = (s: ChargeStatus, action: string) =>
  refuse<ChargeStatus>(
    422,
    "InvalidChargeStatus",
    `The Charge is in state ${s.state}${s.reasonCode ? ` (${s.reasonCode})` : ""} and cannot be ${action}.`,
  );

export function chargeTransition(s: ChargeStatus, event: ChargeEvent): Transition<ChargeStatus> {
  switch (event.type) {
    case "authorizationApproved":
      return s.state === "AuthorizationInitiated"
        ? allow({ state: "Authorized", reasonCode: null })
        : wrongState(s, "authorized");
    case "authorizationDeclined":
      return s.state === "AuthorizationInitiated"
        ? allow({ state: "Declined", reasonCode: event.reasonCode })
        : wrongState(s, "declined");
    case "capture":
      if (s.state !== "Authorized") return wrongState(s, "captured");
      return allow({ state: event.asynchronous ? "CaptureInitiated" : "Captured", reasonCode: null });
    case "captureSettled":
      return s.state === "CaptureInitiated"
        ? allow({ state: "Captured", reasonCode: null })
        : wrongState(s, "settled");
    case "captureDeclined":
      return s.state === "CaptureInitiated"
        ? allow({ state: "Declined", reasonCode: event.reasonCode })
        : wrongState(s, "declined");
    case "cancel":
      if (s.state !== "Authorized" && s.state !== "AuthorizationInitiated") return wrongState(s, "canceled");
      return allow({ state: "Canceled", reasonCode: event.reasonCode });
    case "expire":
      return s.state === "Authorized"
        ? allow({ state: "Canceled", reasonCode: "ExpiredUnused" })
        : wrongState(s, "expired");
  }
}

/** Refunds need a Captured charge. */
export function canRefund(s: ChargeStatus): Transition<ChargeStatus> {
  return s.state === "Captured" ? allow(s) : wrongState(s, "refunded");
}
