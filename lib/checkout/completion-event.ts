// Turns Amazon's answer to Complete/Finalize (or a later GET) into the event the order state
// machine records. Complete's answer carries no charge state, so it is inferred as Amazon
// documents it: 202 = AuthorizationInitiated; 200 = Captured for AuthorizeWithCapture,
// Authorized for Authorize; Confirm creates no charge and leaves the permission Chargeable.
// Such a charge is marked inferred: the reconciler reads it back soon, and what Amazon says
// replaces the inference (lib/orders/payment-facts.ts).
import type { Charge } from "@storefront/amazon-pay/schemas/charge";
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import type { PaymentIntent } from "@/lib/env";
import { chargeFactFromApi } from "@/lib/orders/payment-facts-from-api";
import type { ChargeFact, PermissionFact } from "@/lib/orders/payment-facts";
import type { OrderEvent } from "@/lib/orders/state-machine";
import type { EventSource } from "@/lib/payment-events";

export function completionEvent(input: {
  session: Pick<CheckoutSession, "chargePermissionId" | "chargeId">;
  httpStatus: number;
  intent: PaymentIntent;
  totalMinor: number;
  source: EventSource;
  /** The charge as read from the API, when the caller has it (reconciler, adoption). */
  charge?: Charge | null;
}): OrderEvent | null {
  const { session, httpStatus, intent, totalMinor } = input;
  if (!session.chargePermissionId) return null;
  let charge: ChargeFact | null = null;
  if (input.charge) charge = chargeFactFromApi(input.charge);
  else if (session.chargeId) {
    const state =
      httpStatus === 202
        ? "AuthorizationInitiated"
        : intent === "AuthorizeWithCapture"
          ? "Captured"
          : "Authorized";
    charge = {
      chargeId: session.chargeId,
      state,
      amountMinor: totalMinor,
      capturedMinor: state === "Captured" ? totalMinor : 0,
      refundedMinor: 0,
      reasonCode: null,
      inferred: true,
    };
  }
  const permission: PermissionFact | null =
    !session.chargeId && intent === "Confirm" ? { state: "Chargeable", updatedAt: 0 } : null;
  return {
    type: "checkout.completed",
    source: input.source,
    chargePermissionId: session.chargePermissionId,
    permission,
    charge,
  };
}
