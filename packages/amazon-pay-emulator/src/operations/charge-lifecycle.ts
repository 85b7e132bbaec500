// State changes of Charges with everything that follows from them: the IPN, timers on the movable
// clock (authorization expiry, async settlement), captured totals, and a OneTime permission
// closing once fully captured.
import { add, type Money } from "@storefront/amazon-pay/money";
import { DAY } from "../core/clock";
import { newChargeId, uniqueId } from "../core/ids";
import type { ChargePermissionRecord, ChargeRecord, MerchantMetadata } from "../model/records";
import { chargeTransition, type ChargeEvent, type ChargeStatus } from "../state/charge";
import type { Emulator } from "../emulator";
import { changeChargePermission, hardDeclined } from "./charge-permission-lifecycle";
import { ledgerConversion } from "./merchant-currencies";
import { applyTransition } from "./apply-transition";

function notifyCharge(sb: Emulator, charge: ChargeRecord): void {
  sb.notify(
    {
      MerchantID: charge.merchantId,
      ObjectType: "CHARGE",
      ObjectId: charge.chargeId,
      ChargePermissionId: charge.chargePermissionId,
      NotificationType: "STATE_CHANGE",
    },
    charge.status.state,
  );
}

function permissionOf(sb: Emulator, charge: ChargeRecord): ChargePermissionRecord {
  const cp = sb.store.chargePermissions.get(charge.chargePermissionId);
  if (!cp) throw new Error(`charge ${charge.chargeId} has no charge permission`);
  return cp;
}

/** Side effects of a charge entering `state`. */
function enteredChargeState(sb: Emulator, charge: ChargeRecord, at: number): void {
  const cp = permissionOf(sb, charge);
  switch (charge.status.state) {
    case "Authorized":
      charge.authorizedAt = at;
      armAuthorizationExpiry(sb, charge, at);
      break;
    case "Captured":
      charge.authorizedAt ??= at;
      if (charge.captureAmount) addCaptured(sb, cp, charge.captureAmount, at);
      break;
    case "Declined":
      if (charge.status.reasonCode === "HardDeclined") hardDeclined(sb, cp, at);
      break;
    default:
      break;
  }
}

function armAuthorizationExpiry(sb: Emulator, charge: ChargeRecord, authorizedAt: number): void {
  sb.scheduler.cancel(charge.expiryEventId);
  charge.expiresAt = authorizedAt + sb.config.authorizationValidityDays * DAY;
  charge.expiryEventId = sb.scheduler.schedule(
    charge.expiresAt,
    `expire authorization ${charge.chargeId}`,
    (at) => {
      charge.expiryEventId = null;
      if (charge.status.state === "Authorized") changeCharge(sb, charge, { type: "expire" }, at);
    },
  );
}

function addCaptured(sb: Emulator, cp: ChargePermissionRecord, amount: Money, at: number): void {
  cp.capturedTotal = add(cp.capturedTotal, amount);
  if (
    cp.chargePermissionType === "OneTime" &&
    cp.amountLimit &&
    cp.capturedTotal.amount >= cp.amountLimit.amount &&
    cp.status.state !== "Closed"
  ) {
    changeChargePermission(
      sb,
      cp,
      { type: "fullyCaptured", reasonCode: sb.config.fullyCapturedClosureReason },
      at,
    );
  }
}

export function changeCharge(sb: Emulator, charge: ChargeRecord, event: ChargeEvent, at = sb.now()): void {
  const before = charge.status.state;
  charge.status = applyTransition(chargeTransition(charge.status, event));
  charge.statusUpdatedAt = at;
  if (before === "Authorized" && charge.status.state !== "Authorized") {
    sb.scheduler.cancel(charge.expiryEventId);
    charge.expiryEventId = null;
  }
  notifyCharge(sb, charge);
  enteredChargeState(sb, charge, at);
}

export type AuthorizationPlan =
  { kind: "approve" } | { kind: "pending"; result: "approve" | { declineReason: string } };

export type CapturePlan = "sync" | "async" | "asyncDecline";

export interface NewChargeInput {
  amount: Money;
  captureNow: boolean;
  capture: CapturePlan;
  authorization: AuthorizationPlan;
  softDescriptor: string | null;
  merchantMetadata: MerchantMetadata;
  providerReferenceId: string | null;
  platformId: string | null;
  channel: string | null;
  chargeInitiator: string | null;
}

/** Creates a Charge on `cp` and plays its authorization (and capture) as planned. */
export function createCharge(
  sb: Emulator,
  cp: ChargePermissionRecord,
  input: NewChargeInput,
  at = sb.now(),
): ChargeRecord {
  const syncCapture = input.captureNow && input.capture === "sync" && input.authorization.kind === "approve";
  const status: ChargeStatus =
    input.authorization.kind === "pending"
      ? { state: "AuthorizationInitiated", reasonCode: null }
      : { state: syncCapture ? "Captured" : "Authorized", reasonCode: null };
  const charge: ChargeRecord = {
    chargeId: uniqueId(
      () => newChargeId(cp.chargePermissionId),
      (id) => sb.store.charges.has(id),
    ),
    chargePermissionId: cp.chargePermissionId,
    merchantId: cp.merchantId,
    chargeAmount: input.amount,
    captureAmount: syncCapture ? input.amount : null,
    refundedAmount: { amount: 0, currency: input.amount.currency },
    softDescriptor: input.softDescriptor,
    providerMetadata: { providerReferenceId: input.providerReferenceId },
    channel: input.channel,
    chargeInitiator: input.chargeInitiator,
    status,
    statusUpdatedAt: at,
    createdAt: at,
    authorizedAt: null,
    expiresAt: at + sb.config.authorizationValidityDays * DAY,
    merchantMetadata: input.merchantMetadata,
    platformId: input.platformId,
    refundIds: [],
    expiryEventId: null,
    conversion: ledgerConversion(sb, cp.merchantId, input.amount.currency),
  };
  sb.store.charges.set(charge.chargeId, charge);
  cp.chargeIds.push(charge.chargeId);
  if (sb.config.ipn.notifyOnCreate) notifyCharge(sb, charge);
  if (input.authorization.kind === "pending") {
    const result = input.authorization.result;
    sb.scheduler.schedule(
      at + sb.config.asyncDelayMs,
      `settle authorization ${charge.chargeId}`,
      (settledAt) => {
        if (charge.status.state !== "AuthorizationInitiated") return;
        if (result === "approve") {
          changeCharge(sb, charge, { type: "authorizationApproved" }, settledAt);
          if (input.captureNow)
            captureCharge(sb, charge, input.amount, input.capture, input.softDescriptor, settledAt);
        } else {
          changeCharge(
            sb,
            charge,
            { type: "authorizationDeclined", reasonCode: result.declineReason },
            settledAt,
          );
        }
      },
    );
  } else {
    enteredChargeState(sb, charge, at);
    if (input.captureNow && !syncCapture)
      captureCharge(sb, charge, input.amount, input.capture, input.softDescriptor, at);
  }
  return charge;
}

/** Captures an Authorized charge synchronously, or starts an asynchronous capture. */
export function captureCharge(
  sb: Emulator,
  charge: ChargeRecord,
  amount: Money,
  plan: CapturePlan,
  softDescriptor: string | null,
  at = sb.now(),
): void {
  const asynchronous = plan !== "sync";
  // Validate the transition before touching the record.
  applyTransition(chargeTransition(charge.status, { type: "capture", asynchronous }));
  charge.captureAmount = amount;
  if (softDescriptor !== null) charge.softDescriptor = softDescriptor;
  changeCharge(sb, charge, { type: "capture", asynchronous }, at);
  if (!asynchronous) return;
  sb.scheduler.schedule(at + sb.config.asyncDelayMs, `settle capture ${charge.chargeId}`, (settledAt) => {
    if (charge.status.state !== "CaptureInitiated") return;
    if (plan === "asyncDecline")
      changeCharge(sb, charge, { type: "captureDeclined", reasonCode: "AmazonRejected" }, settledAt);
    else changeCharge(sb, charge, { type: "captureSettled" }, settledAt);
  });
}
