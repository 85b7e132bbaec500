// Charge operations: Create, Get, Capture, Cancel.
import { add, type Money } from "@storefront/amazon-pay/money";
import { formatPrice, overAmountTolerance } from "../core/amounts";
import {
  ApiError,
  currencyMismatch,
  invalidCombination,
  invalidSimulation,
  unprocessable,
} from "../core/api-error";
import { DAY } from "../core/clock";
import type { ChargePermissionRecord, ChargeRecord } from "../model/records";
import { chargeJson } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import { cancelChargeSchema, captureChargeSchema, createChargeSchema } from "../schemas/requests";
import { chargeTransition } from "../state/charge";
import { canCreateCharge } from "../state/charge-permission";
import type { Emulator } from "../emulator";
import { mergeMerchantMetadata } from "./session-details";
import type { OpContext, OpResult } from "./context";
import {
  captureCharge,
  changeCharge,
  createCharge,
  type AuthorizationPlan,
  type CapturePlan,
} from "./charge-lifecycle";
import { armChargePermissionExpiry, hardDeclined } from "./charge-permission-lifecycle";

const DECLINE_SIMULATIONS: Record<string, string> = {
  SoftDeclined: "SoftDeclined",
  HardDeclined: "HardDeclined",
  AmazonRejected: "AmazonRejected",
  TransactionTimedOut: "TransactionTimedOut",
  "Emulator:ProcessingFailure": "ProcessingFailure",
};

/** Amount authorized but not yet captured on the permission (Authorized, pending, or capture pending). */
function outstanding(sb: Emulator, cp: ChargePermissionRecord): number {
  let total = 0;
  for (const id of cp.chargeIds) {
    const charge = sb.store.charges.get(id);
    if (!charge) continue;
    if (charge.status.state === "Authorized" || charge.status.state === "AuthorizationInitiated")
      total += charge.chargeAmount.amount;
    if (charge.status.state === "CaptureInitiated")
      total += (charge.captureAmount ?? charge.chargeAmount).amount;
  }
  return total;
}

export function createChargeOperation(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(createChargeSchema, raw);
  const cp = sb.store.chargePermission(input.chargePermissionId, ctx.merchant.merchantId);
  const allowed = canCreateCharge(cp.status);
  if (!allowed.ok)
    throw new ApiError(allowed.refusal.status, allowed.refusal.reasonCode, allowed.refusal.message);
  const amount = input.chargeAmount;
  if (amount.currency !== cp.presentmentCurrency)
    throw currencyMismatch(
      `chargeAmount is in ${amount.currency} but the Charge Permission is in ${cp.presentmentCurrency}.`,
    );
  const captureNow = input.captureNow === true;
  const pendingAllowed = input.canHandlePendingAuthorization === true;
  if (input.softDescriptor !== undefined && !captureNow && sb.config.softDescriptorRequiresCapture) {
    throw invalidCombination("softDescriptor is only allowed when captureNow is true.");
  }
  if (cp.chargePermissionType === "OneTime") {
    if (cp.chargeIds.length >= sb.config.maxChargesPerChargePermission) {
      throw unprocessable(
        "TransactionCountExceeded",
        `A OneTime Charge Permission allows at most ${sb.config.maxChargesPerChargePermission} charges.`,
      );
    }
    if (cp.amountLimit) {
      const available = cp.amountLimit.amount - cp.capturedTotal.amount - outstanding(sb, cp);
      if (amount.amount > available) {
        throw unprocessable(
          "TransactionAmountExceeded",
          `chargeAmount ${formatPrice(amount)} exceeds what remains chargeable on the Charge Permission (${formatPrice({ amount: Math.max(0, available), currency: amount.currency })}).`,
        );
      }
    }
  }
  let authorization: AuthorizationPlan = { kind: "approve" };
  let capture: CapturePlan = "sync";
  const code = ctx.simulationCode;
  const declineReason = code ? DECLINE_SIMULATIONS[code] : undefined;
  if (declineReason) {
    if (!pendingAllowed) {
      if (declineReason === "HardDeclined") hardDeclined(sb, cp, sb.now());
      throw unprocessable(declineReason, `The authorization was declined (${declineReason}, simulated).`);
    }
    authorization = { kind: "pending", result: { declineReason } };
  } else if (code === "Emulator:AuthorizationPending") {
    if (!pendingAllowed)
      throw invalidSimulation("Emulator:AuthorizationPending needs canHandlePendingAuthorization true.");
    authorization = { kind: "pending", result: "approve" };
  } else if (code === "CaptureInitiated") {
    if (!captureNow) throw invalidSimulation("CaptureInitiated on Create Charge needs captureNow true.");
    capture = "async";
  }
  const charge = createCharge(sb, cp, {
    amount,
    captureNow,
    capture,
    authorization,
    softDescriptor: input.softDescriptor ?? null,
    merchantMetadata: mergeMerchantMetadata(
      { merchantReferenceId: null, merchantStoreName: null, noteToBuyer: null, customInformation: null },
      input.merchantMetadata,
    ),
    providerReferenceId: input.providerMetadata?.providerReferenceId ?? null,
    platformId: input.platformId ?? null,
    channel: input.channel ?? null,
    chargeInitiator: input.chargeInitiator ?? null,
  });
  if (cp.chargePermissionType === "Recurring") {
    // Each charge renews a Recurring permission's 13-month validity.
    cp.expiresAt = charge.createdAt + sb.config.extendedChargePermissionValidityDays * DAY;
    armChargePermissionExpiry(sb, cp);
  }
  return { status: 201, body: chargeJson(charge) };
}

export function getCharge(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: chargeJson(ctx.sb.store.charge(id, ctx.merchant.merchantId)) };
}

function checkCaptureAmount(
  sb: Emulator,
  charge: ChargeRecord,
  cp: ChargePermissionRecord,
  amount: Money,
): void {
  if (amount.currency !== charge.chargeAmount.currency)
    throw currencyMismatch(
      `captureAmount is in ${amount.currency} but the Charge is in ${charge.chargeAmount.currency}.`,
    );
  const maxForCharge = add(charge.chargeAmount, overAmountTolerance(charge.chargeAmount, sb.config));
  if (amount.amount > maxForCharge.amount) {
    throw unprocessable(
      "TransactionAmountExceeded",
      `captureAmount ${formatPrice(amount)} exceeds the authorized amount plus the allowed over-capture (${formatPrice(maxForCharge)}).`,
    );
  }
  if (cp.chargePermissionType === "OneTime" && cp.amountLimit) {
    const maxTotal = add(cp.amountLimit, overAmountTolerance(cp.amountLimit, sb.config));
    if (cp.capturedTotal.amount + amount.amount > maxTotal.amount) {
      throw unprocessable(
        "TransactionAmountExceeded",
        `captureAmount ${formatPrice(amount)} would bring the captured total over the Charge Permission's limit (${formatPrice(maxTotal)} including the over-capture allowance).`,
      );
    }
  }
}

export function captureChargeOperation(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const charge = sb.store.charge(id, ctx.merchant.merchantId);
  const input = parseRequest(captureChargeSchema, raw);
  const check = chargeTransition(charge.status, { type: "capture", asynchronous: false });
  if (!check.ok) throw new ApiError(check.refusal.status, check.refusal.reasonCode, check.refusal.message);
  const cp = sb.store.chargePermission(charge.chargePermissionId, ctx.merchant.merchantId);
  checkCaptureAmount(sb, charge, cp, input.captureAmount);
  const now = sb.now();
  let plan: CapturePlan = "sync";
  if (ctx.simulationCode === "CaptureInitiated") plan = "async";
  else if (ctx.simulationCode === "AmazonRejected") plan = "asyncDecline";
  else if (charge.authorizedAt !== null && now - charge.authorizedAt > sb.config.synchronousCaptureDays * DAY)
    plan = "async";
  captureCharge(sb, charge, input.captureAmount, plan, input.softDescriptor ?? null, now);
  return { status: 200, body: chargeJson(charge) };
}

export function cancelChargeOperation(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const charge = sb.store.charge(id, ctx.merchant.merchantId);
  parseRequest(cancelChargeSchema, raw);
  changeCharge(sb, charge, { type: "cancel", reasonCode: "MerchantCanceled" });
  return { status: 200, body: chargeJson(charge) };
}
