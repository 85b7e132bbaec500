// Checkout Session records: creating one from a request or a button payload, storing it with its
// expiry and deletion, applying transitions, and its JSON.
import { ApiError, invalidCombination, invalidParameter, missingParameter } from "../core/api-error";
import { DAY, HOUR } from "../core/clock";
import { newCheckoutSessionId, uniqueId } from "../core/ids";
import {
  DEFAULT_SCOPES,
  emptyMerchantMetadata,
  type CheckoutSessionRecord,
  type ProductType,
} from "../model/records";
import { checkoutSessionJson } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import { createCheckoutSessionSchema } from "../schemas/requests";
import {
  checkoutSessionTransition,
  initialCheckoutSessionStatus,
  type CheckoutSessionEvent,
} from "../state/checkout-session";
import type { Emulator } from "../emulator";
import type { OpContext } from "./context";
import {
  addressFromDetails,
  checkPaymentDetails,
  emptyPaymentDetails,
  mergeMerchantMetadata,
  mergePaymentDetails,
  mergeRecurringMetadata,
} from "./session-details";

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
  checkPaymentDetails(paymentDetails, sb.config, ctx.merchant);
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
