import "server-only";
// Capturing: the authorized charge first (one capture per charge), then further charges on the
// charge permission for the rest; full, partial or several times.
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { chargeFactFromApi } from "@/lib/orders/payment-facts-from-api";
import type { OrderWithPayments } from "@/lib/orders/snapshot";
import { syncCharge } from "@/lib/reconciliation/sync";
import type { LedgerOutcome } from "./action-ledger";
import { orderAmount } from "@/lib/orders/order-money";
import { audited, formatOrderAmount, loadOrder, withOrder } from "./order-action";
import { capturableMinor } from "./payment-amounts";

/** Amazon allows up to 25 charges per one-time charge permission. */
const MAX_CHARGES_PER_PERMISSION = 25;

/** Captures this amount now, within an action already running (shipping captures first). */
export async function captureAmount(
  order: OrderWithPayments,
  amountMinor: number,
  key: string,
): Promise<LedgerOutcome> {
  const { client } = amazonPay();
  const authorized = order.charges.find((c) => c.state === "Authorized");
  if (authorized) {
    const amount = Math.min(amountMinor, authorized.amountMinor);
    const { data } = await audited(order, () =>
      client.charges.capture(
        authorized.id,
        { captureAmount: priceFromMoney(orderAmount(order, amount)) },
        { idempotencyKey: idempotencyKeyFor("capture", `${key}:${authorized.id}`) },
      ),
    );
    await syncCharge(data.chargeId, "merchant", data);
    const rest = amountMinor - amount;
    if (rest > 0) return captureAmount((await loadOrder(order.orderNumber))!, rest, `${key}:rest`);
    return {
      ok: true,
      message:
        data.statusDetails.state === "Captured"
          ? `Captured ${formatOrderAmount(order, amount)}.`
          : `Capture of ${formatOrderAmount(order, amount)} is ${data.statusDetails.state}.`,
    };
  }
  if (order.charges.some((c) => c.state === "AuthorizationInitiated"))
    return {
      ok: false,
      error: "The authorization is still pending at Amazon Pay; capture once it is authorized.",
    };
  if (!order.chargePermissionId)
    return { ok: false, error: "This order has no Amazon Pay charge permission." };
  if (order.charges.length >= MAX_CHARGES_PER_PERMISSION)
    return { ok: false, error: `Amazon Pay allows at most ${MAX_CHARGES_PER_PERMISSION} charges per order.` };
  const { data } = await audited(order, () =>
    client.charges.create(
      {
        chargePermissionId: order.chargePermissionId!,
        chargeAmount: priceFromMoney(orderAmount(order, amountMinor)),
        captureNow: true,
        canHandlePendingAuthorization: false,
      },
      { idempotencyKey: idempotencyKeyFor("charge", key) },
    ),
  );
  const fact = chargeFactFromApi(data);
  if (fact)
    await applyEventToOrder(db(), order.id, { type: "charge.observed", source: "merchant", charge: fact });
  return {
    ok: true,
    message:
      data.statusDetails.state === "Captured"
        ? `Charged and captured ${formatOrderAmount(order, amountMinor)}.`
        : `New charge of ${formatOrderAmount(order, amountMinor)} is ${data.statusDetails.state}.`,
  };
}

export function capturePayment(
  orderNumber: string,
  key: string,
  amountMinor: number | null,
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "capture", async (order) => {
    const open = capturableMinor(order);
    const amount = amountMinor ?? open;
    if (open <= 0) return { ok: false, error: "Nothing is left to capture on this order." };
    if (amount < 1 || amount > open)
      return {
        ok: false,
        error: `You can capture between ${formatOrderAmount(order, 1)} and ${formatOrderAmount(order, open)}.`,
      };
    return captureAmount(order, amount, key);
  });
}
