// Settlement of a euro shop against the emulator's EU region: every amount of the report is read
// and compared in euros, and the totals are per currency; nothing assumes US dollars.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_BUYERS } from "@storefront/amazon-pay-emulator";
import { SANDBOX_SETTLEMENT_REPORT } from "@storefront/amazon-pay/schemas/report";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { completeCheckout } from "@/lib/checkout/complete";
import { refreshFromAmazon } from "@/lib/merchant/order-action";
import { refundPayment } from "@/lib/merchant/refund";
import { money } from "@/lib/money";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { settleLatestReport } from "./settle";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const LENA = TEST_BUYERS.find((buyer) => buyer.email === "buyer-de@sandbox.example")!.buyerId;
const DAY = 86_400_000;
const amazonTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase(), {
    environment: { AMAZON_PAY_REGION: "eu", SHOP_CURRENCY: "EUR" },
  });
});
afterAll(() => shop.close());

describe("Settlement of a euro shop", () => {
  it("matches a euro capture and refund, with euro totals that add up to the report's net", async () => {
    const { buyer, sessionId, order } = await paidAtAmazon(shop, {
      choice: { buyerId: LENA, addressId: "de-berlin" },
    });
    await completeCheckout(sessionId, buyer.cartId, "return");
    const charge = await shop.prisma.charge.findFirstOrThrow({ where: { orderId: order.id } });
    expect(charge).toMatchObject({ currency: "EUR", state: "Captured" });
    await refundPayment(order.orderNumber, `refund-${randomBytes(8).toString("hex")}`, 250);
    shop.emulator.emulator.advanceClock(1_000); // Amazon settles the refund
    await refreshFromAmazon(order.orderNumber);
    const now = shop.emulator.emulator.now();
    await amazonPay().client.reports.create(
      {
        reportType: SANDBOX_SETTLEMENT_REPORT,
        startTime: amazonTime(now - 29 * DAY),
        endTime: amazonTime(now + 60_000),
      },
      { idempotencyKey: randomBytes(12).toString("hex") },
    );
    shop.emulator.emulator.advanceClock(shop.emulator.emulator.config.reportProcessingMs);

    const outcome = await settleLatestReport();

    if (outcome.kind !== "reconciled") throw new Error(outcome.message);
    const { lines, mismatches, totals } = outcome.reconciliation;
    expect(mismatches).toEqual([]);
    expect(lines.map((line) => [line.kind, line.orderNumber, line.amount])).toEqual([
      ["capture", order.orderNumber, money(order.totalMinor, "EUR")],
      ["refund", order.orderNumber, money(-250, "EUR")],
    ]);
    expect(totals.map((t) => t.currency)).toEqual(["EUR"]);
    const [eur] = totals;
    expect(eur?.net).toEqual(money(order.totalMinor - 250 + eur!.fees.amount, "EUR"));
    expect(eur?.net).toEqual(eur?.reportedNet);
  });
});
