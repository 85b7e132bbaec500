// Amazon Pay reason codes as sentences a merchant can act on.
import { AmazonPayError } from "@storefront/amazon-pay/errors";

const MESSAGES: Record<string, string> = {
  InvalidChargeStatus:
    "The payment is not in a state that allows this; it may already be captured, canceled or still pending.",
  InvalidChargePermissionStatus: "The buyer's payment authorization is closed or not chargeable any more.",
  ChargePermissionNotModifiable: "The buyer's payment authorization can no longer be changed.",
  TransactionAmountExceeded: "That amount is more than Amazon Pay allows for this payment.",
  TransactionCountExceeded: "Amazon Pay allows no more transactions on this payment.",
  PeriodicAmountExceeded: "That amount exceeds what the buyer agreed to for this period.",
  SoftDeclined: "Amazon Pay declined the charge for now. Try again later.",
  HardDeclined: "Amazon Pay declined the charge. Ask the buyer for another payment method.",
  AmazonRejected: "Amazon Pay rejected the transaction.",
  ProcessingFailure: "Amazon Pay could not process the transaction. Try again later.",
  TransactionTimedOut: "Amazon Pay timed out processing the transaction. Try again later.",
  PaymentMethodNotAllowed: "The buyer's payment method cannot be used for this transaction.",
  MFANotCompleted: "The buyer has to confirm this payment with their bank first.",
  InvalidDisputeStatus: "The dispute is no longer waiting for your answer; it was contested or decided.",
  CurrencyMismatch: "The currency does not match the order's currency.",
  InvalidParameterValue: "Amazon Pay did not accept a value in the request.",
  DuplicateIdempotencyKey: "This action was already sent with different details.",
  ResourceNotFound: "Amazon Pay does not know this payment.",
  TooManyRequests: "Amazon Pay is busy. Try again in a moment.",
  UnauthorizedAccess: "The shop's Amazon Pay keys are not allowed to do this.",
  InvalidRequestSignature: "Amazon Pay did not accept the shop's signature; check the configured keys.",
};

/** A failure of the shop itself: logged in full for the operator, never shown as such. */
const SHOP_FAILURE =
  "The shop could not finish this action because of an internal error (logged on the server). Refresh the order to see where it stands before trying again.";

/**
 * The sentence a merchant sees for a failed action. Amazon Pay's reason codes are shown (they are
 * Amazon's words, and support asks for them); the shop's own error text never is: it can hold
 * queries, paths and values that mean nothing to a merchant, and it is logged instead.
 */
export function merchantMessage(error: unknown): string {
  if (!(error instanceof AmazonPayError)) {
    console.error("[merchant] action failed:", error);
    return SHOP_FAILURE;
  }
  if (error.kind === "network" || error.kind === "timeout" || error.kind === "aborted")
    return "Amazon Pay did not answer in time, so the action may or may not have reached it. Sending the same form again is safe: Amazon Pay does it once.";
  if (error.kind === "invalid-request" || error.kind === "contract") {
    console.error(`[merchant] ${error.operation}: ${error.message}`, error.issues);
    return error.kind === "contract"
      ? "Amazon Pay's answer could not be read (logged on the server). Refresh the order from Amazon Pay to see the outcome."
      : SHOP_FAILURE;
  }
  const code = error.reasonCode;
  const sentence =
    (code && MESSAGES[code]) ||
    (error.status && error.status >= 500
      ? "Amazon Pay had a problem. Try again in a moment."
      : "Amazon Pay refused the action.");
  return code ? `${sentence} (${code})` : sentence;
}
