// Charge Permission operations: Get, Update, Close.
import { invalidParameter } from "../core/api-error";
import type { MerchantMetadata } from "../model/records";
import { chargePermissionJson } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import { closeChargePermissionSchema, updateChargePermissionSchema } from "../schemas/requests";
import { canUpdateChargePermission, chargePermissionTransition } from "../state/charge-permission";
import { ApiError } from "../core/api-error";
import { mergeMerchantMetadata, mergeRecurringMetadata } from "./session-details";
import type { OpContext, OpResult } from "./context";
import { changeCharge } from "./charge-lifecycle";
import { changeChargePermission } from "./charge-permission-lifecycle";

export function getChargePermission(ctx: OpContext, id: string): OpResult {
  return {
    status: 200,
    body: chargePermissionJson(ctx.sb.store.chargePermission(id, ctx.merchant.merchantId)),
  };
}

export function updateChargePermission(ctx: OpContext, id: string, raw: unknown): OpResult {
  const cp = ctx.sb.store.chargePermission(id, ctx.merchant.merchantId);
  const input = parseRequest(updateChargePermissionSchema, raw);
  const allowed = canUpdateChargePermission(cp.status, {
    chargePermissionType: cp.chargePermissionType,
    changesRecurringMetadata: input.recurringMetadata !== undefined,
    merchantMetadata: Object.entries(input.merchantMetadata ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([member]) => ({ member, current: cp.merchantMetadata[member as keyof MerchantMetadata] })),
  });
  if (!allowed.ok)
    throw new ApiError(allowed.refusal.status, allowed.refusal.reasonCode, allowed.refusal.message);
  if (input.recurringMetadata && cp.chargePermissionType !== "Recurring") {
    throw invalidParameter("recurringMetadata", "only a Recurring Charge Permission has recurringMetadata");
  }
  cp.merchantMetadata = mergeMerchantMetadata(cp.merchantMetadata, input.merchantMetadata);
  cp.recurringMetadata = mergeRecurringMetadata(cp.recurringMetadata, input.recurringMetadata);
  return { status: 200, body: chargePermissionJson(cp) };
}

export function closeChargePermission(ctx: OpContext, id: string, raw: unknown): OpResult {
  const { sb } = ctx;
  const cp = sb.store.chargePermission(id, ctx.merchant.merchantId);
  const input = parseRequest(closeChargePermissionSchema, raw);
  if (cp.status.state === "Closed" && sb.config.closeClosedChargePermission === "ok")
    return { status: 200, body: chargePermissionJson(cp) };
  const reasonCode = ctx.simulationCode === "AmazonClosed" ? "AmazonClosed" : "MerchantClosed";
  const check = chargePermissionTransition(cp.status, { type: "close", reasonCode });
  if (!check.ok) throw new ApiError(check.refusal.status, check.refusal.reasonCode, check.refusal.message);
  const now = sb.now();
  if (input.cancelPendingCharges) {
    for (const chargeId of cp.chargeIds) {
      const charge = sb.store.charges.get(chargeId);
      if (
        charge &&
        (charge.status.state === "Authorized" || charge.status.state === "AuthorizationInitiated")
      ) {
        changeCharge(sb, charge, { type: "cancel", reasonCode: "ChargePermissionCanceled" }, now);
      }
    }
  }
  // Cancelling charges never closes the permission, so the transition checked above still holds.
  changeChargePermission(sb, cp, { type: "close", reasonCode }, now);
  sb.scheduler.cancel(cp.expiryEventId);
  cp.expiryEventId = null;
  return { status: 200, body: chargePermissionJson(cp) };
}
