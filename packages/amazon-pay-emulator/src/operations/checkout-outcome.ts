// What a checkout's authorization does: the chosen emulator instrument, overridden by
// a checkout simulation code, for the session's paymentIntent. Pure.
import type { EmulatorConfig } from "../core/config";
import type { TestInstrument } from "../core/test-buyers";
import type { CheckoutOutcome, PaymentIntent } from "../model/records";

export interface OutcomeInput {
  instrument: TestInstrument;
  simulationCode: string | null;
  paymentIntent: PaymentIntent;
  canHandlePendingAuthorization: boolean;
  pendingWithoutPrerequisite: EmulatorConfig["pendingInstrumentWithoutPrerequisite"];
}

function pending(input: OutcomeInput, result: "approve" | "decline", what: string): CheckoutOutcome {
  if (input.paymentIntent === "Authorize" && input.canHandlePendingAuthorization)
    return { kind: "approve", pending: result };
  switch (input.pendingWithoutPrerequisite) {
    case "error":
      return {
        kind: "error",
        message: `${what} needs paymentIntent Authorize and canHandlePendingAuthorization true on the Checkout Session (it has paymentIntent ${input.paymentIntent}, canHandlePendingAuthorization ${input.canHandlePendingAuthorization}).`,
      };
    case "decline":
      return { kind: "cancel", reasonCode: "Declined" };
    case "authorize":
      return { kind: "approve", pending: null };
  }
}

export function resolveCheckoutOutcome(input: OutcomeInput): CheckoutOutcome {
  switch (input.simulationCode) {
    case "BuyerCanceled":
      return { kind: "cancel", reasonCode: "BuyerCanceled" };
    case "AmazonCanceled":
      return { kind: "cancel", reasonCode: "AmazonCanceled" };
    case "Declined":
      return { kind: "cancel", reasonCode: "Declined" };
    case "AuthorizationInitiated":
      return pending(input, "approve", "Simulation code AuthorizationInitiated");
    default:
      break;
  }
  const card = `The emulator payment method ending in ${input.instrument.last4}`;
  switch (input.instrument.outcome) {
    case "approve":
      return { kind: "approve", pending: null };
    case "decline":
      return { kind: "cancel", reasonCode: "Declined" };
    case "buyerCancel":
      return { kind: "cancel", reasonCode: "BuyerCanceled" };
    case "pendingApprove":
      return pending(input, "approve", card);
    case "pendingDecline":
      return pending(input, "decline", card);
  }
}
