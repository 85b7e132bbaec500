// The merchant's list of disputes: waiting ones first, nearest deadline on top, with days left;
// then those under review, then any not matched to an order; ended disputes of known orders are
// not listed. Against a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createDraftOrder } from "@/tests/helpers/orders";
import { listOpenDisputes } from "./disputes-server";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;

async function dispute(
  id: string,
  over: { orderId?: string | null; state?: string; deadlineDays?: number; resolution?: string },
) {
  await shop.prisma.dispute.create({
    data: {
      id,
      orderId: over.orderId ?? null,
      chargeId: `${id}-charge`,
      disputeType: "Chargeback",
      state: over.state ?? "ActionRequired",
      reasonCode: null,
      filingReason: "Fraudulent",
      resolution: over.resolution ?? null,
      amountMinor: 1234,
      currency: "EUR",
      filedAt: new Date(NOW.getTime() - DAY),
      responseDeadline:
        over.deadlineDays === undefined ? null : new Date(NOW.getTime() + over.deadlineDays * DAY),
      amazonUpdatedAt: NOW,
    },
  });
}

describe("open disputes for the merchant", () => {
  it("lists the most urgent first, with whole days left rounded up, and unmatched ones last", async () => {
    const order = await createDraftOrder(shop.prisma);
    await dispute("D-later", { orderId: order.id, deadlineDays: 9.5 });
    await dispute("D-review", { orderId: order.id, state: "UnderReview", deadlineDays: 1 });
    await dispute("D-unmatched", { state: "Resolved", resolution: "BuyerWon", deadlineDays: -3 });
    await dispute("D-soon", { orderId: order.id, deadlineDays: 0.25 });
    await dispute("D-closed-window", { orderId: order.id, deadlineDays: -0.5 });
    await dispute("D-won", { orderId: order.id, state: "Resolved", resolution: "MerchantWon" });

    const listed = await listOpenDisputes(NOW);

    expect(listed.map((d) => [d.id, d.daysLeft, d.contestable, d.windowClosed])).toEqual([
      ["D-closed-window", 0, false, true],
      ["D-soon", 1, true, false],
      ["D-later", 10, true, false],
      ["D-review", null, false, false],
      ["D-unmatched", null, false, false],
    ]);
    expect(listed[1]).toMatchObject({
      orderNumber: order.orderNumber,
      amount: { amount: 1234, currency: "EUR" },
      reasonText: "The cardholder says they did not make this purchase.",
    });
    expect(listed.at(-1)).toMatchObject({
      orderNumber: null,
      outcomeText: expect.stringMatching(/^Lost: the/),
    });
  });
});
