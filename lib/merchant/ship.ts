import "server-only";
// Shipping: captures first when the intent was Authorize or Confirm, then tells Amazon's Delivery
// Tracker (Amazon notifies the buyer) and marks the order shipped.
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { toSnapshot } from "@/lib/orders/snapshot";
import type { LedgerOutcome } from "./action-ledger";
import { captureAmount } from "./capture";
import { audited, loadOrder, withOrder } from "./order-action";
import { capturableMinor, capturedMinor } from "./payment-amounts";

export function shipOrder(
  orderNumber: string,
  key: string,
  carrierCode: string,
  trackingNumber: string,
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "ship", async (order) => {
    if (order.fulfillmentStatus === "Shipped")
      return { ok: false, error: "This order is already marked as shipped." };
    if (capturableMinor(order) > 0 && capturedMinor(order) === 0) {
      const captured = await captureAmount(order, capturableMinor(order), `${key}:capture`);
      if (!captured.ok) return captured;
    }
    const fresh = (await loadOrder(orderNumber))!;
    const snapshot = toSnapshot(fresh);
    if (!["Paid", "PartiallyPaid", "PartiallyRefunded"].includes(snapshot.status)) {
      return { ok: false, error: `The payment is ${snapshot.status}; ship once it is captured.` };
    }
    if (fresh.chargePermissionId) {
      const { client } = amazonPay();
      await audited(fresh, () =>
        client.deliveryTrackers.create(
          {
            chargePermissionId: fresh.chargePermissionId!,
            deliveryDetails: [{ trackingNumber, carrierCode }],
          },
          { idempotencyKey: idempotencyKeyFor("ship", key) },
        ),
      );
    }
    await applyEventToOrder(
      db(),
      fresh.id,
      { type: "order.shipped", source: "merchant" },
      { extra: { carrierCode, trackingNumber } },
    );
    return {
      ok: true,
      message: `Marked as shipped with ${carrierCode} ${trackingNumber}; Amazon will notify the buyer.`,
    };
  });
}
