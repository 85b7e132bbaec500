// Charge Permission state machine: Chargeable ⇄ NonChargeable(reasons),
// Chargeable|NonChargeable → Closed(reasons). Closed is final.
import { allow, refuse, type Transition } from "./transition";

export type ChargePermissionState = "Chargeable" | "NonChargeable" | "Closed";

export interface ChargePermissionStatus {
  state: ChargePermissionState;
  reasons: string[];
}

export type ChargePermissionEvent =
  | { type: "markNonChargeable"; reasonCode: string }
  | { type: "markChargeable" }
  | { type: "close"; reasonCode: string }
  | { type: "expire" }
  | { type: "fullyCaptured"; reasonCode: string | null };

export const CHARGE_PERMISSION_REASON_DESCRIPTIONS: Record<string, string> = {
  MerchantClosed: "The merchant closed the Charge Permission.",
  AmazonClosed: "Amazon closed the Charge Permission.",
  AmazonCanceled: "Amazon canceled the Charge Permission.",
  BuyerCanceled: "The buyer canceled the Charge Permission.",
  Expired: "The Charge Permission expired.",
  PaymentMethodInvalid: "The payment method was declined; the buyer must choose another one.",
  ChargeInProgress: "A charge is in progress.",
};

export const chargeableStatus = (): ChargePermissionStatus => ({ state: "Chargeable", reasons: [] });

export function chargePermissionTransition(
  s: ChargePermissionStatus,
  event: ChargePermissionEvent,
): Transition<ChargePermissionStatus> {
  if (s.state === "Closed") {
    return refuse(
      422,
      "InvalidChargePermissionStatus",
      `The Charge Permission is Closed (${s.reasons.join(", ") || "no reason"}).`,
    );
  }
  switch (event.type) {
    case "markNonChargeable":
      return allow({ state: "NonChargeable", reasons: [...new Set([...s.reasons, event.reasonCode])] });
    case "markChargeable":
      if (s.state === "Chargeable")
        return refuse(422, "InvalidChargePermissionStatus", "The Charge Permission is already Chargeable.");
      return allow({ state: "Chargeable", reasons: [] });
    case "close":
      return allow({ state: "Closed", reasons: [event.reasonCode] });
    case "expire":
      return allow({ state: "Closed", reasons: ["Expired"] });
    case "fullyCaptured":
      return allow({ state: "Closed", reasons: event.reasonCode ? [event.reasonCode] : [] });
  }
}

/** Create Charge needs a Chargeable permission. */
export function canCreateCharge(s: ChargePermissionStatus): Transition<ChargePermissionStatus> {
  if (s.state === "Chargeable") return allow(s);
  return refuse(
    422,
    "InvalidChargePermissionStatus",
    `The Charge Permission is ${s.state}${s.reasons.length ? ` (${s.reasons.join(", ")})` : ""}; charges can only be created while it is Chargeable.`,
  );
}

export interface ChargePermissionUpdate {
  chargePermissionType: string;
  changesRecurringMetadata: boolean;
  /** The merchantMetadata members the update sets, with their current values. */
  merchantMetadata: { member: string; current: string | null }[];
}

/**
 * Update Charge Permission: anything until the permission is Closed; once Closed, only the
 * merchantMetadata members of a OneTime permission that are still null or empty (Amazon's
 * "update info post-checkout" rules).
 */
export function canUpdateChargePermission(
  s: ChargePermissionStatus,
  update?: ChargePermissionUpdate,
): Transition<ChargePermissionStatus> {
  if (s.state !== "Closed") return allow(s);
  if (update?.chargePermissionType === "OneTime" && !update.changesRecurringMetadata) {
    const filled = update.merchantMetadata.find((m) => m.current !== null && m.current !== "");
    if (!filled) return allow(s);
    return refuse(
      422,
      "ChargePermissionNotModifiable",
      `The Charge Permission is Closed: merchantMetadata.${filled.member} already has a value and can no longer be modified.`,
    );
  }
  return refuse(
    422,
    "ChargePermissionNotModifiable",
    "The Charge Permission is Closed and can no longer be modified.",
  );
}
