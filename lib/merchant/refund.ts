import "server-only";
// Refunding: full, partial or several times, spread over the captured charges; asynchronous
// until Amazon settles it (IPNs and the reconciler record the outcome).
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import type { LedgerOutcome } from "./action-ledger";
import { orderAmount } from "@/lib/orders/order-money";
import { audited, formatOrderAmount, withOrder } from "./order-action";
import { refundableMinor } from "./payment-amounts";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

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
      return {
        ok: false,
        error: `You can refund between ${formatOrderAmount(order, 1)} and ${formatOrderAmount(order, available)}.`,
      };
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
          { chargeId: charge.id, refundAmount: priceFromMoney(orderAmount(order, part)) },
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
      message: `Refund of ${formatOrderAmount(order, amount)} requested${refunds > 1 ? ` in ${refunds} parts` : ""}; Amazon Pay confirms it shortly.`,
    };
  });
}
