import "server-only";
// Stopping payments: cancel an open authorization, or close the charge permission so no further
// charge is possible.
import { amazonPay } from "@/lib/amazon-pay/connection";
import { syncCharge, syncChargePermission } from "@/lib/reconciliation/sync";
import type { LedgerOutcome } from "./action-ledger";
import { audited, withOrder } from "./order-action";

export function cancelAuthorization(
  orderNumber: string,
  key: string,
  reason: string,
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "cancel", async (order) => {
    const open = order.charges.filter(
      (c) => c.state === "Authorized" || c.state === "AuthorizationInitiated",
    );
    if (open.length === 0) return { ok: false, error: "There is no open authorization to cancel." };
    const { client } = amazonPay();
    for (const charge of open) {
      const { data } = await audited(order, () =>
        client.charges.cancel(charge.id, { cancellationReason: reason.slice(0, 255) }),
      );
      await syncCharge(data.chargeId, "merchant", data);
    }
    return {
      ok: true,
      message: open.length === 1 ? "Authorization canceled." : `${open.length} authorizations canceled.`,
    };
  });
}

export function closeChargePermission(
  orderNumber: string,
  key: string,
  reason: string,
  cancelPendingCharges: boolean,
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "close", async (order) => {
    if (!order.chargePermissionId)
      return { ok: false, error: "This order has no Amazon Pay charge permission." };
    if (order.chargePermissionState === "Closed")
      return { ok: false, error: "The charge permission is already closed." };
    const { client } = amazonPay();
    await audited(order, () =>
      client.chargePermissions.close(order.chargePermissionId!, {
        closureReason: reason.slice(0, 255),
        cancelPendingCharges,
      }),
    );
    await syncChargePermission(order.chargePermissionId, "merchant");
    for (const charge of order.charges.filter(
      (c) => c.state === "Authorized" || c.state === "AuthorizationInitiated",
    ))
      await syncCharge(charge.id, "merchant");
    return { ok: true, message: "Charge permission closed; no further charges are possible." };
  });
}
