// What the settlement tests do at Amazon and in the shop before reconciling: paid orders,
// settled refunds, a processed sandbox settlement report.
import { randomBytes } from "node:crypto";
import { SANDBOX_SETTLEMENT_REPORT } from "@storefront/amazon-pay/schemas/report";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { completeCheckout } from "@/lib/checkout/complete";
import { refreshFromAmazon } from "@/lib/merchant/order-action";
import { refundPayment } from "@/lib/merchant/refund";
import { paidAtAmazon } from "./checkout-journey";
import type { ShopHarness } from "./shop-harness";
import { settleLatestReport } from "@/lib/settlement/settle";

const DAY = 86_400_000;
const amazonTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A paid order (AuthorizeWithCapture: captured at checkout). */
export async function capturedOrder(shop: ShopHarness) {
  const { buyer, sessionId, order } = await paidAtAmazon(shop);
  await completeCheckout(sessionId, buyer.cartId, "return");
  return shop.prisma.order.findUniqueOrThrow({
    where: { id: order.id },
    include: { charges: true, refunds: true },
  });
}

export async function settledRefund(shop: ShopHarness, orderNumber: string, amountMinor: number) {
  await refundPayment(orderNumber, `refund-${randomBytes(8).toString("hex")}`, amountMinor);
  shop.emulator.emulator.advanceClock(1_000); // Amazon settles the refund
  await refreshFromAmazon(orderNumber);
}

/** Amazon's sandbox makes settlement reports on request: one for the last 29 days, processed. */
export async function settlementReportAtAmazon(shop: ShopHarness): Promise<string> {
  const emulator = shop.emulator.emulator;
  const now = emulator.now();
  const { data } = await amazonPay().client.reports.create(
    {
      reportType: SANDBOX_SETTLEMENT_REPORT,
      startTime: amazonTime(now - 29 * DAY),
      endTime: amazonTime(now + 60_000),
    },
    { idempotencyKey: randomBytes(12).toString("hex") },
  );
  emulator.advanceClock(emulator.config.reportProcessingMs);
  return data.reportId;
}

export async function settled() {
  const outcome = await settleLatestReport();
  if (outcome.kind !== "reconciled") throw new Error(`not reconciled: ${outcome.message}`);
  return outcome;
}
