import "server-only";
// How every merchant action on an order runs: once per action key (the ledger), with the order
// loaded, its Amazon calls recorded in the order's event log, and Amazon's final refusal as the
// outcome (after reading a stale copy of the payment again). Every Amazon call carries an
// idempotency key derived from the action key, and every result goes through the state machine.
import { isAmazonPayError } from "@storefront/amazon-pay/errors";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import { CURRENCY_EXPONENTS, formatMoney, fromDecimal, MoneyError } from "@/lib/money";
import { orderAmount } from "@/lib/orders/order-money";
import type { OrderWithPaymentsAndDisputes } from "@/lib/orders/snapshot";
import { syncCharge, syncChargePermission, syncRefund } from "@/lib/reconciliation/sync";
import { syncDispute } from "@/lib/reconciliation/sync-dispute";
import { runOnce, type LedgerOutcome } from "./action-ledger";
import { merchantMessage } from "./reason-messages";

export const loadOrder = (orderNumber: string) =>
  db().order.findUnique({
    where: { orderNumber },
    include: {
      charges: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      disputes: { orderBy: { createdAt: "asc" } },
    },
  });

/** An amount of the order as the merchant reads it, in the shop's locale. */
export const formatOrderAmount = (order: { currency: string }, amountMinor: number): string =>
  formatMoney(orderAmount(order, amountMinor), currentMarket().locale);

/**
 * The amount a merchant typed ("12.50", "£12.50", JPY "1200") in minor units of the order's
 * currency; blank means everything that is left (null). Parsed before the action runs, so a typo
 * never uses up the form's action key.
 */
export async function parseOrderAmount(
  orderNumber: string,
  text: string | null,
): Promise<{ ok: true; amountMinor: number | null } | { ok: false; error: string }> {
  const order = await db().order.findUnique({ where: { orderNumber }, select: { currency: true } });
  if (!order) return { ok: false, error: "That order does not exist." };
  const typed = text?.trim().replace(/^[$£€¥￥]\s*/, "") ?? "";
  if (typed === "") return { ok: true, amountMinor: null };
  const { currency } = orderAmount(order, 0);
  try {
    const amount = fromDecimal(typed, currency);
    if (amount.amount <= 0) throw new MoneyError("not positive");
    return { ok: true, amountMinor: amount.amount };
  } catch {
    const example = CURRENCY_EXPONENTS[currency] === 0 ? "1200" : "12.50";
    return { ok: false, error: `Enter an amount such as ${example}.` };
  }
}

/** Refusals that mean our copy of the payment is out of date: read it again from Amazon. */
const STALE_STATE_CODES = [
  "InvalidChargeStatus",
  "InvalidChargePermissionStatus",
  "ChargePermissionNotModifiable",
  "ResourceNotFound",
  "InvalidDisputeStatus",
];

export async function withOrder(
  orderNumber: string,
  key: string,
  kind: string,
  run: (order: OrderWithPaymentsAndDisputes) => Promise<LedgerOutcome>,
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

export const audited = <T>(order: { id: string }, run: () => Promise<T>) =>
  withAmazonPayAudit(db(), { orderId: order.id, source: "merchant" }, run);

/** Reads every object of the order from Amazon now (the merchant's "Refresh from Amazon Pay"). */
export async function refreshFromAmazon(orderNumber: string): Promise<LedgerOutcome> {
  const order = await loadOrder(orderNumber);
  if (!order) return { ok: false, error: "That order does not exist." };
  try {
    for (const charge of order.charges) await syncCharge(charge.id, "merchant");
    for (const refund of order.refunds) await syncRefund(refund.id, "merchant");
    if (order.chargePermissionId) await syncChargePermission(order.chargePermissionId, "merchant");
    for (const dispute of order.disputes) await syncDispute(dispute.id, "merchant");
    return { ok: true, message: "Refreshed from Amazon Pay." };
  } catch (error) {
    return { ok: false, error: merchantMessage(error) };
  }
}
