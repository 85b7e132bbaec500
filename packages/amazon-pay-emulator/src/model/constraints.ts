// Checkout Session constraints: what still prevents checkout. amazonPayRedirectUrl is
// only given once this list is empty.
import type { CheckoutSessionRecord } from "./records";

export interface Constraint {
  constraintId: string;
  description: string;
}

const DESCRIPTIONS = {
  BuyerNotAssociated:
    "There is no buyer associated with the Checkout Session. Return the checkout session id to the Amazon Pay Button to allow buyer to login.",
  ChargeAmountNotSet: "chargeAmount is not set.",
  CheckoutResultReturnUrlNotSet: "checkoutResultReturnUrl is not set.",
  PaymentIntentNotSet: "paymentIntent is not set.",
  RecurringFrequencyNotSet: "recurringMetadata.frequency is not set.",
} as const;

export function constraintsOf(s: CheckoutSessionRecord): Constraint[] {
  if (s.status.state !== "Open") return [];
  const ids: (keyof typeof DESCRIPTIONS)[] = [];
  if (!s.choice) ids.push("BuyerNotAssociated");
  const setupOnly = s.paymentMethodOnFileMetadata?.setupOnly === true;
  if (!s.paymentDetails.chargeAmount && !setupOnly) ids.push("ChargeAmountNotSet");
  // Buy Now sessions return through the merchant's handlers, not through a result URL.
  if (!s.webCheckoutDetails.checkoutResultReturnUrl && s.origin !== "buyNow")
    ids.push("CheckoutResultReturnUrlNotSet");
  if (!s.paymentDetails.paymentIntent) ids.push("PaymentIntentNotSet");
  if (s.chargePermissionType === "Recurring" && !s.recurringMetadata.frequency)
    ids.push("RecurringFrequencyNotSet");
  return ids.map((constraintId) => ({ constraintId, description: DESCRIPTIONS[constraintId] }));
}
