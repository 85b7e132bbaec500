// Checkout Session state machine: Open → Completed, or Open → Canceled with a
// reason. `buyerRedirected` records that the buyer went through amazonPayRedirectUrl (or pressed
// Pay now in the Buy Now dialog): Update is refused afterwards, Complete/Finalize require it.
import { allow, refuse, type Transition } from "./transition";

export type CheckoutSessionState = "Open" | "Completed" | "Canceled";
export type CheckoutSessionCancelReason = "BuyerCanceled" | "Declined" | "Expired" | "AmazonCanceled";

export interface CheckoutSessionStatus {
  state: CheckoutSessionState;
  reasonCode: CheckoutSessionCancelReason | null;
  buyerRedirected: boolean;
}

export type CheckoutSessionEvent =
  | { type: "update" }
  | { type: "selectDetails" }
  | { type: "redirect" }
  | { type: "cancel"; reasonCode: Exclude<CheckoutSessionCancelReason, "Expired"> }
  | { type: "expire" }
  | { type: "complete"; expiredError: "InvalidCheckoutSessionStatus" | "CheckoutSessionCanceled" };

export const REASON_DESCRIPTIONS: Record<CheckoutSessionCancelReason, string> = {
  BuyerCanceled: "The buyer canceled the checkout.",
  Declined: "The payment was declined.",
  Expired: "The Checkout Session expired: it was not completed within 24 hours.",
  AmazonCanceled: "Amazon canceled the checkout.",
};

export const initialCheckoutSessionStatus = (): CheckoutSessionStatus => ({
  state: "Open",
  reasonCode: null,
  buyerRedirected: false,
});

const notOpen = (s: CheckoutSessionStatus, action: string) =>
  `The Checkout Session is in state ${s.state}${s.reasonCode ? ` (${s.reasonCode})` : ""} and cannot be ${action}.`;

export function checkoutSessionTransition(
  s: CheckoutSessionStatus,
  event: CheckoutSessionEvent,
): Transition<CheckoutSessionStatus> {
  switch (event.type) {
    case "update":
    case "selectDetails": {
      const action = event.type === "update" ? "updated" : "changed by the buyer";
      if (s.state !== "Open") return refuse(422, "InvalidCheckoutSessionStatus", notOpen(s, action));
      if (s.buyerRedirected)
        return refuse(
          422,
          "InvalidCheckoutSessionStatus",
          `The buyer was already redirected to amazonPayRedirectUrl; the Checkout Session cannot be ${action}.`,
        );
      return allow(s);
    }
    case "redirect":
      if (s.state !== "Open") return refuse(422, "InvalidCheckoutSessionStatus", notOpen(s, "processed"));
      return allow({ ...s, buyerRedirected: true });
    case "cancel":
      if (s.state !== "Open") return refuse(422, "InvalidCheckoutSessionStatus", notOpen(s, "canceled"));
      return allow({ ...s, state: "Canceled", reasonCode: event.reasonCode });
    case "expire":
      if (s.state !== "Open") return refuse(422, "InvalidCheckoutSessionStatus", notOpen(s, "expired"));
      return allow({ ...s, state: "Canceled", reasonCode: "Expired" });
    case "complete":
      if (s.state === "Completed")
        return refuse(
          422,
          "InvalidCheckoutSessionStatus",
          "The Checkout Session is already Completed; a Completed session cannot be used again.",
        );
      if (s.state === "Canceled") {
        if (s.reasonCode === "Expired" && event.expiredError === "InvalidCheckoutSessionStatus") {
          return refuse(422, "InvalidCheckoutSessionStatus", REASON_DESCRIPTIONS.Expired);
        }
        return refuse(
          422,
          "CheckoutSessionCanceled",
          `The Checkout Session was canceled (${s.reasonCode ?? "Canceled"}). Get the Checkout Session for statusDetails.reasonCode.`,
        );
      }
      if (!s.buyerRedirected) {
        return refuse(
          422,
          "InvalidCheckoutSessionStatus",
          "The buyer has not been redirected to amazonPayRedirectUrl yet; complete the Checkout Session after the buyer returns to checkoutResultReturnUrl.",
        );
      }
      return allow({ ...s, state: "Completed", reasonCode: null });
  }
}
