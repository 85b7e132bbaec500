// Checkout Session operations: Create, Get, Update, Complete, and the processing
// step behind amazonPayRedirectUrl.
import { type Money } from "@storefront/amazon-pay/money";
import { formatPrice } from "../core/amounts";
import {
  ApiError,
  currencyMismatch,
  invalidCombination,
  invalidParameter,
  invalidSimulation,
  missingParameter,
} from "../core/api-error";
import type { EmulatorConfig } from "../core/config";
import { DAY, HOUR } from "../core/clock";
import { newChargePermissionId, newCheckoutSessionId, uniqueId } from "../core/ids";
import { findBuyer, findInstrument, type AddressRecord } from "../core/test-buyers";
import { constraintsOf } from "../model/constraints";
import {
  DEFAULT_SCOPES,
  emptyMerchantMetadata,
  type ChargePermissionRecord,
  type CheckoutOutcome,
  type CheckoutSessionRecord,
  type MerchantMetadata,
  type PaymentDetails,
  type ProductType,
  type RecurringMetadata,
} from "../model/records";
import { checkoutSessionJson, sessionBuyerDetails } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import {
  completeCheckoutSessionSchema,
  createCheckoutSessionSchema,
  updateCheckoutSessionSchema,
  type CreateCheckoutSessionInput,
} from "../schemas/requests";
import {
  checkoutSessionTransition,
  initialCheckoutSessionStatus,
  type CheckoutSessionEvent,
} from "../state/checkout-session";
import type { Emulator } from "../emulator";
import { resolveCheckoutOutcome } from "./checkout-outcome";
import type { OpContext, OpResult } from "./context";
import { chargePermissionCreated, createCharge } from "./lifecycle";

export const sessionJson = (sb: Emulator, s: CheckoutSessionRecord) =>
  checkoutSessionJson(s, { redirectUrl: (id) => sb.redirectUrl(id) });

/** Applies a session transition or throws its refusal. */
export function changeSession(
  sb: Emulator,
  s: CheckoutSessionRecord,
  event: CheckoutSessionEvent,
  at = sb.now(),
): void {
  const result = checkoutSessionTransition(s.status, event);
  if (!result.ok)
    throw new ApiError(result.refusal.status, result.refusal.reasonCode, result.refusal.message);
  const stateChanged = result.next.state !== s.status.state;
  s.status = result.next;
  if (stateChanged) s.statusUpdatedAt = at;
}

export function mergeMerchantMetadata(
  current: MerchantMetadata,
  patch: Partial<Record<keyof MerchantMetadata, string | null | undefined>> | undefined,
): MerchantMetadata {
  const next = { ...current };
  if (!patch) return next;
  for (const key of Object.keys(next) as (keyof MerchantMetadata)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
}

export function mergeRecurringMetadata(
  current: RecurringMetadata,
  patch: { frequency?: { unit: string; value: string } | undefined; amount?: Money | undefined } | undefined,
): RecurringMetadata {
  if (!patch) return current;
  return { frequency: patch.frequency ?? current.frequency, amount: patch.amount ?? current.amount };
}

type PaymentDetailsPatch = NonNullable<CreateCheckoutSessionInput["paymentDetails"]>;

export function mergePaymentDetails(
  current: PaymentDetails,
  patch: PaymentDetailsPatch | undefined,
): PaymentDetails {
  if (!patch) return current;
  const next: PaymentDetails = {
    paymentIntent: patch.paymentIntent ?? current.paymentIntent,
    canHandlePendingAuthorization:
      patch.canHandlePendingAuthorization ?? current.canHandlePendingAuthorization,
    chargeAmount: patch.chargeAmount ?? current.chargeAmount,
    totalOrderAmount: patch.totalOrderAmount ?? current.totalOrderAmount,
    softDescriptor: patch.softDescriptor ?? current.softDescriptor,
    presentmentCurrency:
      (patch.presentmentCurrency as PaymentDetails["presentmentCurrency"]) ?? current.presentmentCurrency,
    allowOvercharge: patch.allowOvercharge ?? current.allowOvercharge,
    extendExpiration: patch.extendExpiration ?? current.extendExpiration,
  };
  if (patch.chargeAmount && !patch.presentmentCurrency)
    next.presentmentCurrency = patch.chargeAmount.currency;
  return next;
}

const emptyPaymentDetails = (): PaymentDetails => ({
  paymentIntent: null,
  canHandlePendingAuthorization: false,
  chargeAmount: null,
  totalOrderAmount: null,
  softDescriptor: null,
  presentmentCurrency: null,
  allowOvercharge: null,
  extendExpiration: null,
});

/** The documented combination rules of paymentDetails, on the merged details. */
export function checkPaymentDetails(p: PaymentDetails, config: EmulatorConfig): void {
  if (
    config.rejectPendingWithAuthorizeWithCapture &&
    p.canHandlePendingAuthorization &&
    p.paymentIntent === "AuthorizeWithCapture"
  ) {
    throw invalidCombination(
      "paymentDetails.canHandlePendingAuthorization cannot be true when paymentDetails.paymentIntent is AuthorizeWithCapture.",
    );
  }
  if (
    config.softDescriptorRequiresCapture &&
    p.softDescriptor !== null &&
    p.paymentIntent !== null &&
    p.paymentIntent !== "AuthorizeWithCapture"
  ) {
    throw invalidCombination(
      "paymentDetails.softDescriptor is only allowed when paymentDetails.paymentIntent is AuthorizeWithCapture.",
    );
  }
  if (p.chargeAmount && p.totalOrderAmount) {
    if (p.chargeAmount.currency !== p.totalOrderAmount.currency) {
      throw currencyMismatch(
        `paymentDetails.chargeAmount is in ${p.chargeAmount.currency} but paymentDetails.totalOrderAmount is in ${p.totalOrderAmount.currency}.`,
      );
    }
    if (p.chargeAmount.amount > p.totalOrderAmount.amount)
      throw invalidParameter("paymentDetails.chargeAmount", "it exceeds paymentDetails.totalOrderAmount");
  }
  if (p.chargeAmount && p.presentmentCurrency && p.presentmentCurrency !== p.chargeAmount.currency) {
    throw currencyMismatch(
      `paymentDetails.presentmentCurrency ${p.presentmentCurrency} differs from the currency of paymentDetails.chargeAmount (${p.chargeAmount.currency}); the emulator does not convert currencies.`,
    );
  }
}

export function addressFromDetails(
  d: NonNullable<CreateCheckoutSessionInput["addressDetails"]>,
): AddressRecord {
  return {
    name: d.name,
    addressLine1: d.addressLine1,
    addressLine2: d.addressLine2 ?? null,
    addressLine3: d.addressLine3 ?? null,
    city: d.city ?? null,
    county: d.districtOrCounty ?? null,
    district: null,
    stateOrRegion: d.stateOrRegion ?? null,
    postalCode: d.postalCode ?? null,
    countryCode: d.countryCode,
    phoneNumber: d.phoneNumber ?? null,
  };
}

export function checkStoreId(ctx: OpContext, storeId: string): void {
  const known = ctx.sb.merchants
    .list()
    .filter((m) => m.merchantId === ctx.merchant.merchantId)
    .map((m) => m.storeId);
  if (!known.includes(storeId))
    throw invalidParameter("storeId", `it does not belong to merchant ${ctx.merchant.merchantId}`);
}

export interface NewSessionOptions {
  origin: CheckoutSessionRecord["origin"];
  productType?: ProductType;
  checkoutLanguage?: string | null;
}

/** Validates a Create Checkout Session body (or a button payload) and stores the new session. */
export function createSessionRecord(
  ctx: OpContext,
  raw: unknown,
  options: NewSessionOptions,
): CheckoutSessionRecord {
  const input = parseRequest(createCheckoutSessionSchema, raw);
  const { sb } = ctx;
  checkStoreId(ctx, input.storeId);
  const web = input.webCheckoutDetails;
  const productType = options.productType ?? "PayAndShip";
  const processOrder = web.checkoutMode === "ProcessOrder";
  if (!processOrder && !web.checkoutReviewReturnUrl)
    throw missingParameter("webCheckoutDetails.checkoutReviewReturnUrl");
  if (processOrder) {
    if (!web.checkoutResultReturnUrl) throw missingParameter("webCheckoutDetails.checkoutResultReturnUrl");
    if (!input.paymentDetails?.paymentIntent) throw missingParameter("paymentDetails.paymentIntent");
    if (!input.paymentDetails.chargeAmount) throw missingParameter("paymentDetails.chargeAmount");
    if (productType === "PayAndShip" && !input.addressDetails) throw missingParameter("addressDetails");
  }
  if (input.addressDetails && !processOrder)
    throw invalidCombination(
      "addressDetails is only allowed with webCheckoutDetails.checkoutMode ProcessOrder.",
    );
  const chargePermissionType = input.chargePermissionType ?? "OneTime";
  if (chargePermissionType === "Recurring" && !input.recurringMetadata)
    throw missingParameter("recurringMetadata");
  if (input.recurringMetadata && chargePermissionType !== "Recurring")
    throw invalidCombination("recurringMetadata is only allowed with chargePermissionType Recurring.");
  const paymentDetails = mergePaymentDetails(emptyPaymentDetails(), input.paymentDetails);
  checkPaymentDetails(paymentDetails, sb.config);
  if (input.chargePermissionId) sb.store.chargePermission(input.chargePermissionId, ctx.merchant.merchantId);
  return storeSession(sb, {
    merchantId: ctx.merchant.merchantId,
    storeId: input.storeId,
    origin: options.origin,
    webCheckoutDetails: {
      checkoutReviewReturnUrl: web.checkoutReviewReturnUrl ?? null,
      checkoutResultReturnUrl: web.checkoutResultReturnUrl ?? null,
      checkoutCancelUrl: web.checkoutCancelUrl ?? null,
      checkoutMode: web.checkoutMode ?? null,
    },
    productType,
    paymentDetails,
    chargePermissionType,
    recurringMetadata: mergeRecurringMetadata({ frequency: null, amount: null }, input.recurringMetadata),
    paymentMethodOnFileMetadata: input.paymentMethodOnFileMetadata ?? null,
    merchantMetadata: mergeMerchantMetadata(emptyMerchantMetadata(), input.merchantMetadata),
    supplementaryData: input.supplementaryData ?? null,
    platformId: input.platformId ?? null,
    providerMetadata: { providerReferenceId: input.providerMetadata?.providerReferenceId ?? null },
    scopes: input.scopes ?? [...DEFAULT_SCOPES],
    deliverySpecifications: input.deliverySpecifications ?? null,
    addressDetails: input.addressDetails ? addressFromDetails(input.addressDetails) : null,
    existingChargePermissionId: input.chargePermissionId ?? null,
    checkoutLanguage: options.checkoutLanguage ?? null,
  });
}

type SessionFields = Omit<
  CheckoutSessionRecord,
  | "checkoutSessionId"
  | "status"
  | "statusUpdatedAt"
  | "createdAt"
  | "expiresAt"
  | "choice"
  | "simulationCode"
  | "outcome"
  | "chargePermissionId"
  | "chargeId"
  | "cartDetails"
  | "cartAddressId"
>;

/** Stores a new Open session and arms its 24-hour expiry and its deletion after the retention period. */
export function storeSession(sb: Emulator, fields: SessionFields): CheckoutSessionRecord {
  const now = sb.now();
  const s: CheckoutSessionRecord = {
    ...fields,
    checkoutSessionId: uniqueId(newCheckoutSessionId, (id) => sb.store.checkoutSessions.has(id)),
    cartDetails: null,
    cartAddressId: null,
    choice: null,
    status: initialCheckoutSessionStatus(),
    statusUpdatedAt: now,
    simulationCode: null,
    outcome: null,
    chargePermissionId: null,
    chargeId: null,
    createdAt: now,
    expiresAt: now + sb.config.sessionExpiryHours * HOUR,
  };
  sb.store.checkoutSessions.set(s.checkoutSessionId, s);
  sb.scheduler.schedule(s.expiresAt, `expire checkout session ${s.checkoutSessionId}`, (at) => {
    if (s.status.state === "Open") changeSession(sb, s, { type: "expire" }, at);
  });
  sb.scheduler.schedule(
    s.createdAt + sb.config.sessionRetentionDays * DAY,
    `delete checkout session ${s.checkoutSessionId}`,
    () => {
      sb.store.checkoutSessions.delete(s.checkoutSessionId);
      sb.store.purgedSessions.add(s.checkoutSessionId);
    },
  );
  return s;
}

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
  checkPaymentDetails(paymentDetails, sb.config);
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

/** Plays the checkout's outcome: cancel ⇒ 422 CheckoutSessionCanceled; approve ⇒ Completed (202 when pending). */
export function finishCheckout(sb: Emulator, s: CheckoutSessionRecord, outcome: CheckoutOutcome): OpResult {
  if (outcome.kind === "error") throw invalidSimulation(outcome.message);
  if (outcome.kind === "cancel") {
    if (s.status.state === "Open") changeSession(sb, s, { type: "cancel", reasonCode: outcome.reasonCode });
    throw new ApiError(
      422,
      "CheckoutSessionCanceled",
      `The Checkout Session was canceled (${outcome.reasonCode}). Get the Checkout Session for statusDetails.reasonCode.`,
    );
  }
  const now = sb.now();
  const cp = chargePermissionFor(sb, s, now);
  const p = s.paymentDetails;
  let chargeId: string | null = null;
  if (p.paymentIntent !== "Confirm" && p.chargeAmount) {
    const charge = createCharge(
      sb,
      cp,
      {
        amount: p.chargeAmount,
        captureNow: p.paymentIntent === "AuthorizeWithCapture",
        capture: "sync",
        authorization:
          outcome.pending === null
            ? { kind: "approve" }
            : {
                kind: "pending",
                result: outcome.pending === "approve" ? "approve" : { declineReason: "HardDeclined" },
              },
        softDescriptor: p.softDescriptor,
        merchantMetadata: { ...s.merchantMetadata },
        providerReferenceId: s.providerMetadata.providerReferenceId,
        platformId: s.platformId,
        channel: null,
        chargeInitiator: null,
      },
      now,
    );
    chargeId = charge.chargeId;
  }
  changeSession(sb, s, { type: "complete", expiredError: sb.config.completeExpiredSessionError }, now);
  s.chargePermissionId = cp.chargePermissionId;
  s.chargeId = chargeId;
  return { status: outcome.pending === null ? 200 : 202, body: sessionJson(sb, s) };
}

function chargePermissionFor(sb: Emulator, s: CheckoutSessionRecord, now: number): ChargePermissionRecord {
  const choice = s.choice;
  const buyer = choice ? findBuyer(choice.buyerId) : undefined;
  if (!choice || !buyer)
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No buyer is associated with the Checkout Session.",
    );
  const details = sessionBuyerDetails(s);
  if (s.existingChargePermissionId) {
    const existing = sb.store.chargePermissions.get(s.existingChargePermissionId);
    if (existing) {
      existing.instrumentId = choice.instrumentId;
      return existing;
    }
  }
  const p = s.paymentDetails;
  const order = p.totalOrderAmount ?? p.chargeAmount;
  const currency = order?.currency ?? p.presentmentCurrency ?? "USD";
  const oneTime = s.chargePermissionType === "OneTime";
  const validityDays =
    oneTime && !p.extendExpiration
      ? sb.config.chargePermissionValidityDays
      : sb.config.extendedChargePermissionValidityDays;
  const cp: ChargePermissionRecord = {
    chargePermissionId: uniqueId(newChargePermissionId, (id) => sb.store.chargePermissions.has(id)),
    merchantId: s.merchantId,
    checkoutSessionId: s.checkoutSessionId,
    platformId: s.platformId,
    scopes: s.scopes,
    buyerId: buyer.buyerId,
    shippingAddress:
      s.productType === "PayAndShip"
        ? (s.addressDetails ?? buyer.addresses.find((a) => a.id === choice.addressId)?.address ?? null)
        : null,
    billingAddress: details.billingAddress ? buyer.billingAddress : null,
    instrumentId: choice.instrumentId,
    status: { state: "Chargeable", reasons: [] },
    statusUpdatedAt: now,
    createdAt: now,
    expiresAt: s.chargePermissionType === "PaymentMethodOnFile" ? null : now + validityDays * DAY,
    merchantMetadata: { ...s.merchantMetadata },
    amountLimit: oneTime && order ? amountLimitFor(order, p.allowOvercharge === true) : null,
    capturedTotal: { amount: 0, currency },
    chargePermissionType: s.chargePermissionType,
    recurringMetadata: s.recurringMetadata,
    presentmentCurrency: currency,
    paymentMethodOnFileMetadata: s.paymentMethodOnFileMetadata,
    chargeIds: [],
    expiryEventId: null,
  };
  chargePermissionCreated(sb, cp);
  return cp;
}

/** allowOvercharge: the greater of 900 % of the order and 500 USD/GBP/EUR (70,000 JPY). */
function amountLimitFor(order: Money, allowOvercharge: boolean): Money {
  if (!allowOvercharge) return order;
  const floor = order.currency === "JPY" ? 70_000 : 50_000;
  return { amount: Math.max(order.amount * 9, floor), currency: order.currency };
}
