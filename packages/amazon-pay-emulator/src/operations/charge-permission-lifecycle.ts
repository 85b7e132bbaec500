// State changes of Charge Permissions with everything that follows from them: the IPN, the
// expiry timer on the movable clock, and a hard decline making the permission NonChargeable.
import { chargePermissionAttributeChange } from "../ipn/after-sale-messages";
import type { ChargePermissionRecord } from "../model/records";
import { chargePermissionTransition, type ChargePermissionEvent } from "../state/charge-permission";
import type { Emulator } from "../emulator";
import { applyTransition } from "./apply-transition";

export function changeChargePermission(
  sb: Emulator,
  cp: ChargePermissionRecord,
  event: ChargePermissionEvent,
  at = sb.now(),
): void {
  cp.status = applyTransition(chargePermissionTransition(cp.status, event));
  cp.statusUpdatedAt = at;
  sb.notify(
    {
      MerchantID: cp.merchantId,
      ObjectType: "CHARGE_PERMISSION",
      ObjectId: cp.chargePermissionId,
      ChargePermissionId: cp.chargePermissionId,
      NotificationType: "STATE_CHANGE",
    },
    cp.status.state,
  );
}

/**
 * The buyer chose another payment method for the permission: a NonChargeable one becomes
 * Chargeable (STATE_CHANGE); otherwise only an attribute changed (ATTRIBUTE_CHANGE).
 */
export function changePaymentMethod(sb: Emulator, cp: ChargePermissionRecord, instrumentId: string): void {
  cp.instrumentId = instrumentId;
  if (cp.status.state === "NonChargeable") changeChargePermission(sb, cp, { type: "markChargeable" });
  else sb.notify(chargePermissionAttributeChange(cp), cp.status.state);
}

/** Announces a new Charge Permission and arms its expiry. */
export function chargePermissionCreated(sb: Emulator, cp: ChargePermissionRecord): void {
  sb.store.chargePermissions.set(cp.chargePermissionId, cp);
  if (sb.config.ipn.notifyOnCreate) {
    sb.notify(
      {
        MerchantID: cp.merchantId,
        ObjectType: "CHARGE_PERMISSION",
        ObjectId: cp.chargePermissionId,
        ChargePermissionId: cp.chargePermissionId,
        NotificationType: "STATE_CHANGE",
      },
      cp.status.state,
    );
  }
  armChargePermissionExpiry(sb, cp);
}

export function armChargePermissionExpiry(sb: Emulator, cp: ChargePermissionRecord): void {
  sb.scheduler.cancel(cp.expiryEventId);
  cp.expiryEventId = null;
  const expiresAt = cp.expiresAt;
  if (expiresAt === null) return;
  cp.expiryEventId = sb.scheduler.schedule(
    expiresAt,
    `expire charge permission ${cp.chargePermissionId}`,
    (at) => {
      cp.expiryEventId = null;
      if (cp.status.state !== "Closed" && cp.expiresAt === expiresAt)
        changeChargePermission(sb, cp, { type: "expire" }, at);
    },
  );
}

export function hardDeclined(sb: Emulator, cp: ChargePermissionRecord, at: number): void {
  if (sb.config.hardDeclineMakesChargePermissionNonChargeable && cp.status.state !== "Closed") {
    changeChargePermission(sb, cp, { type: "markNonChargeable", reasonCode: "PaymentMethodInvalid" }, at);
  }
}
