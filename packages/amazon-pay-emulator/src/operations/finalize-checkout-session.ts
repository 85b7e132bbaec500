// Finalize Checkout Session: the merchant's onCompleteCheckout handler confirms the amounts and
// the addresses the buyer chose, and the checkout's outcome is played.
import { ApiError, invalidParameter, missingParameter } from "../core/api-error";
import { findBuyer, findInstrument, type AddressRecord } from "../core/test-buyers";
import { type PaymentDetails } from "../model/records";
import { fieldName, parseRequest } from "../schemas/parse";
import { finalizeCheckoutSessionSchema } from "../schemas/requests";
import { checkoutSessionTransition } from "../state/checkout-session";
import { checkAmount, outcomeFor } from "./checkout-sessions";
import { finishCheckout } from "./finish-checkout";
import { checkPaymentDetails } from "./session-details";
import type { OpContext, OpResult } from "./context";

const ADDRESS_FIELDS = [
  "name",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "city",
  "county",
  "district",
  "stateOrRegion",
  "postalCode",
  "countryCode",
] as const;
const normalized = (value: string | null | undefined) =>
  (value ?? "").trim().replace(/\s+/g, " ").toLowerCase();

function checkAddress(
  field: "shippingAddress" | "billingAddress",
  given: Partial<Record<(typeof ADDRESS_FIELDS)[number], string | null>> | undefined,
  expected: AddressRecord,
): void {
  if (!given) throw missingParameter(field);
  for (const key of ADDRESS_FIELDS) {
    if (normalized(given[key]) !== normalized(expected[key])) {
      throw new ApiError(
        400,
        "InvalidParameterValue",
        `The value provided for [${fieldName([field, key])}] does not match the address the buyer selected (expected ${JSON.stringify(expected[key])}).`,
      );
    }
  }
}

/** Finalize Checkout Session. */
export function finalizeCheckoutSession(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const s = sb.store.session(id, ctx.merchant.merchantId);
  const input = parseRequest(finalizeCheckoutSessionSchema, raw);
  const check = checkoutSessionTransition(s.status, {
    type: "complete",
    expiredError: sb.config.completeExpiredSessionError,
  });
  if (!check.ok) throw new ApiError(check.refusal.status, check.refusal.reasonCode, check.refusal.message);
  if (s.paymentDetails.paymentIntent && s.paymentDetails.paymentIntent !== input.paymentIntent) {
    throw invalidParameter(
      "paymentIntent",
      `the Checkout Session was configured with ${s.paymentDetails.paymentIntent}`,
    );
  }
  const paymentDetails: PaymentDetails = {
    ...s.paymentDetails,
    paymentIntent: input.paymentIntent,
    canHandlePendingAuthorization:
      input.canHandlePendingAuthorization ?? s.paymentDetails.canHandlePendingAuthorization,
  };
  checkPaymentDetails(paymentDetails, sb.config, ctx.merchant);
  checkAmount(sb, "chargeAmount", input.chargeAmount, s.paymentDetails.chargeAmount, null);
  checkAmount(
    sb,
    "totalOrderAmount",
    input.totalOrderAmount,
    s.paymentDetails.totalOrderAmount,
    s.paymentDetails.chargeAmount,
  );
  const buyer = s.choice ? findBuyer(s.choice.buyerId) : undefined;
  if (!buyer || !s.choice)
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No buyer is associated with the Checkout Session.",
    );
  if (s.productType === "PayAndShip") {
    const chosen = s.addressDetails ?? buyer.addresses.find((a) => a.id === s.choice?.addressId)?.address;
    if (chosen) checkAddress("shippingAddress", input.shippingAddress, chosen);
  } else {
    checkAddress("billingAddress", input.billingAddress, buyer.billingAddress);
  }
  if (!findInstrument(s.choice.instrumentId))
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No payment method is associated with the Checkout Session.",
    );
  s.paymentDetails = paymentDetails;
  if (input.supplementaryData !== undefined) s.supplementaryData = input.supplementaryData;
  const outcome = outcomeFor(sb, s, ctx.simulationCode ?? s.simulationCode);
  s.outcome = outcome;
  return finishCheckout(sb, s, outcome);
}
