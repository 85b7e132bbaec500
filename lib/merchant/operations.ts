import "server-only";
// What the merchant does after checkout: capture (full, partial, several
// times: one capture per charge, further charges on the charge permission for the rest),
// cancel an authorization, refund (full, partial, several times; asynchronous until Amazon
// settles it), close the charge permission, and ship (capturing first when the intent was
// Authorize or Confirm, then telling Amazon's Delivery Tracker). Every Amazon call carries an
// idempotency key derived from the action key, and every result goes through the state machine.
import { isAmazonPayError } from "@storefront/amazon-pay/errors";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { chargeFactFromApi } from "@/lib/orders/payment-facts-from-api";
import { db } from "@/lib/db";
import { money, formatMoney } from "@/lib/money";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { toSnapshot, type OrderWithPayments } from "@/lib/orders/snapshot";
import { syncCharge, syncChargePermission, syncRefund } from "@/lib/reconciliation/sync";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { runOnce, type LedgerOutcome } from "./action-ledger";
import { merchantMessage } from "./reason-messages";

/** Amazon allows up to 25 charges per one-time charge permission. */
export const MAX_CHARGES_PER_PERMISSION = 25;

const loadOrder = (orderNumber: string) =>
  db().order.findUnique({
    where: { orderNumber },
    include: { charges: { orderBy: { createdAt: "asc" } }, refunds: { orderBy: { createdAt: "asc" } } },
  });

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const usd = (amount: number) => money(amount, "USD");

export function capturedMinor(order: OrderWithPayments): number {
  return sum(order.charges.filter((c) => c.state === "Captured").map((c) => c.capturedMinor));
}

/** Captured minus refunds that are settled or still in progress. */
export function refundableMinor(order: OrderWithPayments): number {
  return (
    capturedMinor(order) - sum(order.refunds.filter((r) => r.state !== "Declined").map((r) => r.amountMinor))
  );
}

/** Order total minus what is captured or still being captured. */
export function capturableMinor(order: OrderWithPayments): number {
  const inFlight = sum(order.charges.filter((c) => c.state === "CaptureInitiated").map((c) => c.amountMinor));
  return Math.max(0, order.totalMinor - capturedMinor(order) - inFlight);
}

/** Refusals that mean our copy of the payment is out of date: read it again from Amazon. */
const STALE_STATE_CODES = [
  "InvalidChargeStatus",
  "InvalidChargePermissionStatus",
  "ChargePermissionNotModifiable",
  "ResourceNotFound",
];

async function withOrder(
  orderNumber: string,
  key: string,
  kind: string,
  run: (order: OrderWithPayments) => Promise<LedgerOutcome>,
): Promise<LedgerOutcome> {
  const order = await loadOrder(orderNumber);
  if (!order) return { ok: false, error: "That order does not exist." };
  try {
    return await runOnce(db(), key, order.id, kind, async () => {
      try {
        return await run(order);
      } catch (error) {
        // Amazon's final "no" is the action's outcome (kept in the ledger and shown); a
        // transient failure is not: the ledger lets the same form be sent again.
        if (!isAmazonPayError(error) || error.retryable) throw error;
        if (isAmazonPayError(error, ...STALE_STATE_CODES)) await refreshFromAmazon(orderNumber);
        return { ok: false, error: merchantMessage(error) };
      }
    });
  } catch (error) {
    return { ok: false, error: merchantMessage(error) };
  }
}

const audited = <T>(order: OrderWithPayments, run: () => Promise<T>) =>
  withAmazonPayAudit(db(), { orderId: order.id, source: "merchant" }, run);

async function captureAmount(
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
        { captureAmount: priceFromMoney(usd(amount)) },
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
          ? `Captured ${formatMoney(usd(amount))}.`
          : `Capture of ${formatMoney(usd(amount))} is ${data.statusDetails.state}.`,
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
        chargeAmount: priceFromMoney(usd(amountMinor)),
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
        ? `Charged and captured ${formatMoney(usd(amountMinor))}.`
        : `New charge of ${formatMoney(usd(amountMinor))} is ${data.statusDetails.state}.`,
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
      return { ok: false, error: `You can capture between $0.01 and ${formatMoney(usd(open))}.` };
    return captureAmount(order, amount, key);
  });
}

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

export function refundPayment(
  orderNumber: string,
  key: string,
  amountMinor: number | null,
): Promise<LedgerOutcome> {
  return withOrder(orderNumber, key, "refund", async (order) => {
    const available = refundableMinor(order);
    const amount = amountMinor ?? available;
    if (available <= 0) return { ok: false, error: "Nothing is left to refund on this order." };
    if (amount < 1 || amount > available)
      return { ok: false, error: `You can refund between $0.01 and ${formatMoney(usd(available))}.` };
    const { client } = amazonPay();
    let remaining = amount;
    let refunds = 0;
    for (const charge of order.charges.filter((c) => c.state === "Captured")) {
      const pending = sum(
        order.refunds
          .filter((r) => r.chargeId === charge.id && r.state !== "Declined")
          .map((r) => r.amountMinor),
      );
      const part = Math.min(remaining, charge.capturedMinor - pending);
      if (part <= 0) continue;
      const { data } = await audited(order, () =>
        client.refunds.create(
          { chargeId: charge.id, refundAmount: priceFromMoney(usd(part)) },
          { idempotencyKey: idempotencyKeyFor("refund", `${key}:${charge.id}`) },
        ),
      );
      await applyEventToOrder(db(), order.id, {
        type: "refund.observed",
        source: "merchant",
        refund: {
          refundId: data.refundId,
          chargeId: charge.id,
          state:
            data.statusDetails.state === "Refunded"
              ? "Refunded"
              : data.statusDetails.state === "Declined"
                ? "Declined"
                : "RefundInitiated",
          amountMinor: part,
          reasonCode: data.statusDetails.reasonCode ?? null,
        },
      });
      remaining -= part;
      refunds++;
      if (remaining === 0) break;
    }
    return {
      ok: true,
      message: `Refund of ${formatMoney(usd(amount))} requested${refunds > 1 ? ` in ${refunds} parts` : ""}; Amazon Pay confirms it shortly.`,
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

/** Reads every object of the order from Amazon now (the merchant's "Refresh from Amazon Pay"). */
export async function refreshFromAmazon(orderNumber: string): Promise<LedgerOutcome> {
  const order = await loadOrder(orderNumber);
  if (!order) return { ok: false, error: "That order does not exist." };
  try {
    for (const charge of order.charges) await syncCharge(charge.id, "merchant");
    for (const refund of order.refunds) await syncRefund(refund.id, "merchant");
    if (order.chargePermissionId) await syncChargePermission(order.chargePermissionId, "merchant");
    return { ok: true, message: "Refreshed from Amazon Pay." };
  } catch (error) {
    return { ok: false, error: merchantMessage(error) };
  }
}
