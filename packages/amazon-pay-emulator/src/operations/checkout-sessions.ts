// Checkout Session operations: Create, Get, Update, Complete, and the processing
// step behind amazonPayRedirectUrl.
import { type Money } from "@storefront/amazon-pay/money";
import { formatPrice } from "../core/amounts";
import {
  ApiError,
  currencyMismatch,
  invalidCombination,
  invalidParameter,
  missingParameter,
} from "../core/api-error";
import { findInstrument } from "../core/test-buyers";
import { constraintsOf } from "../model/constraints";
import { type CheckoutOutcome, type CheckoutSessionRecord } from "../model/records";
import { parseRequest } from "../schemas/parse";
import { completeCheckoutSessionSchema, updateCheckoutSessionSchema } from "../schemas/requests";
import { checkoutSessionTransition } from "../state/checkout-session";
import type { Emulator } from "../emulator";
import { resolveCheckoutOutcome } from "./checkout-outcome";
import type { OpContext, OpResult } from "./context";
import {
  mergeMerchantMetadata,
  mergeRecurringMetadata,
  mergePaymentDetails,
  checkPaymentDetails,
} from "./session-details";
import { sessionJson, changeSession, createSessionRecord } from "./session-records";
import { finishCheckout } from "./finish-checkout";

export function createCheckoutSession(ctx: OpContext, raw: unknown): OpResult {
  const s = createSessionRecord(ctx, raw, { origin: "api" });
  return { status: 201, body: sessionJson(ctx.sb, s) };
}

export function getCheckoutSession(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: sessionJson(ctx.sb, ctx.sb.store.session(id, ctx.merchant.merchantId)) };
}

export function updateCheckoutSession(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const s = sb.store.session(id, ctx.merchant.merchantId);
  const input = parseRequest(updateCheckoutSessionSchema, raw);
  changeSession(sb, s, { type: "update" });
  for (const field of ["allowOvercharge", "extendExpiration"] as const) {
    if (input.paymentDetails?.[field] !== undefined)
      throw invalidParameter(
        `paymentDetails.${field}`,
        "it can only be set when the Checkout Session is created",
      );
  }
  const paymentDetails = mergePaymentDetails(s.paymentDetails, input.paymentDetails);
  checkPaymentDetails(paymentDetails, sb.config, ctx.merchant);
  const chargePermissionType = input.chargePermissionType ?? s.chargePermissionType;
  const recurringMetadata = mergeRecurringMetadata(s.recurringMetadata, input.recurringMetadata);
  if (input.recurringMetadata && chargePermissionType !== "Recurring")
    throw invalidCombination("recurringMetadata is only allowed with chargePermissionType Recurring.");
  const web = input.webCheckoutDetails;
  if (web) {
    s.webCheckoutDetails = {
      ...s.webCheckoutDetails,
      ...(web.checkoutReviewReturnUrl !== undefined
        ? { checkoutReviewReturnUrl: web.checkoutReviewReturnUrl }
        : {}),
      ...(web.checkoutResultReturnUrl !== undefined
        ? { checkoutResultReturnUrl: web.checkoutResultReturnUrl }
        : {}),
      ...(web.checkoutCancelUrl !== undefined ? { checkoutCancelUrl: web.checkoutCancelUrl } : {}),
    };
  }
  s.paymentDetails = paymentDetails;
  s.chargePermissionType = chargePermissionType;
  s.recurringMetadata = recurringMetadata;
  s.merchantMetadata = mergeMerchantMetadata(s.merchantMetadata, input.merchantMetadata);
  if (input.platformId !== undefined) s.platformId = input.platformId;
  if (input.supplementaryData !== undefined) s.supplementaryData = input.supplementaryData;
  if (input.providerMetadata?.providerReferenceId !== undefined)
    s.providerMetadata = { providerReferenceId: input.providerMetadata.providerReferenceId };
  if (ctx.simulationCode) s.simulationCode = ctx.simulationCode;
  return { status: 200, body: sessionJson(sb, s) };
}

/** The outcome of processing the session with its chosen instrument, optionally overridden by a simulation code. */
export function outcomeFor(
  sb: Emulator,
  s: CheckoutSessionRecord,
  simulationCode: string | null,
): CheckoutOutcome {
  const instrument = s.choice ? findInstrument(s.choice.instrumentId) : undefined;
  if (!instrument || !s.paymentDetails.paymentIntent)
    return { kind: "error", message: "The buyer has not chosen a payment method." };
  return resolveCheckoutOutcome({
    instrument,
    simulationCode,
    paymentIntent: s.paymentDetails.paymentIntent,
    canHandlePendingAuthorization: s.paymentDetails.canHandlePendingAuthorization,
    pendingWithoutPrerequisite: sb.config.pendingInstrumentWithoutPrerequisite,
  });
}

/**
 * The step behind amazonPayRedirectUrl: the buyer is processed with the chosen instrument.
 * Declines and buyer cancellations cancel the session now; authorizations are played on Complete.
 * Returns a problem for the page to show, or null.
 */
export function processCheckout(sb: Emulator, s: CheckoutSessionRecord): string | null {
  if (s.status.state !== "Open" || s.status.buyerRedirected) return null;
  const constraints = constraintsOf(s);
  if (constraints.length > 0) {
    return `The Checkout Session is not ready for processing: ${constraints.map((c) => c.constraintId).join(", ")}. Update it first; amazonPayRedirectUrl is only given once there are no constraints.`;
  }
  changeSession(sb, s, { type: "redirect" });
  s.outcome = outcomeFor(sb, s, s.simulationCode);
  if (s.outcome.kind === "cancel") changeSession(sb, s, { type: "cancel", reasonCode: s.outcome.reasonCode });
  return null;
}

/** Checks a Complete/Finalize amount against the session's. */
export function checkAmount(
  sb: Emulator,
  field: string,
  given: Money | undefined,
  expected: Money | null,
  fallback: Money | null,
): void {
  const target = expected ?? fallback;
  if (!given) {
    if (expected) throw missingParameter(field);
    return;
  }
  if (!target) return;
  if (given.currency !== target.currency)
    throw currencyMismatch(
      `${field} is in ${given.currency} but the Checkout Session is in ${target.currency}.`,
    );
  if (given.amount !== target.amount) {
    throw new ApiError(
      sb.config.amountMismatchStatus,
      "AmountMismatch",
      `${field} does not match the amount of the Checkout Session (${formatPrice(given)} given, ${formatPrice(target)} expected).`,
    );
  }
}

export function completeCheckoutSession(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const s = sb.store.session(id, ctx.merchant.merchantId);
  const input = parseRequest(completeCheckoutSessionSchema, raw);
  const check = checkoutSessionTransition(s.status, {
    type: "complete",
    expiredError: sb.config.completeExpiredSessionError,
  });
  if (!check.ok) throw new ApiError(check.refusal.status, check.refusal.reasonCode, check.refusal.message);
  const setupOnly = s.paymentMethodOnFileMetadata?.setupOnly === true;
  if (!setupOnly || input.chargeAmount)
    checkAmount(sb, "chargeAmount", input.chargeAmount, s.paymentDetails.chargeAmount, null);
  checkAmount(
    sb,
    "totalOrderAmount",
    input.totalOrderAmount,
    s.paymentDetails.totalOrderAmount,
    s.paymentDetails.chargeAmount,
  );
  const outcome = ctx.simulationCode
    ? outcomeFor(sb, s, ctx.simulationCode)
    : (s.outcome ?? outcomeFor(sb, s, s.simulationCode));
  return finishCheckout(sb, s, outcome);
}
