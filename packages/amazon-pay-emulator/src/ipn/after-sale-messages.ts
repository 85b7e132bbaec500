// IPN messages of what follows the sale: a CHARGEBACK STATE_CHANGE for each state of a dispute,
// and a CHARGE_PERMISSION ATTRIBUTE_CHANGE when the buyer changes the permission's payment
// method without its state changing. Sent through the dispatcher like every other IPN.
import type { ChargePermissionRecord } from "../model/records";
import type { DisputeRecord } from "../model/after-sale-records";
import type { IpnMessage } from "./sns";

export type IpnMessageDraft = Omit<IpnMessage, "NotificationId" | "NotificationVersion">;

export const chargebackMessage = (dispute: DisputeRecord): IpnMessageDraft => ({
  MerchantID: dispute.merchantId,
  ObjectType: "CHARGEBACK",
  ObjectId: dispute.disputeId,
  ChargePermissionId: dispute.chargePermissionId,
  NotificationType: "STATE_CHANGE",
});

export const chargePermissionAttributeChange = (cp: ChargePermissionRecord): IpnMessageDraft => ({
  MerchantID: cp.merchantId,
  ObjectType: "CHARGE_PERMISSION",
  ObjectId: cp.chargePermissionId,
  ChargePermissionId: cp.chargePermissionId,
  NotificationType: "ATTRIBUTE_CHANGE",
});
