// Two Finalize requests for one Checkout Session, racing: the second arrives while the first is
// still waiting for Amazon. Whatever they ask for, the order must end up with exactly the lines
// and total Amazon charged; an order that differs from its charge (PartiallyPaid, or Paid for
// items nobody paid for) could be shipped. Against the emulator and a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { completeBuyNow } from "@/lib/checkout/buy-now";
import { finalizeForMobile } from "@/lib/checkout/mobile-finalize";
import { clearEmulatorLog, emulatorApiCalls, injectFault } from "@/tests/helpers/amazon-calls";
import { buyNowReadyToPay, mobileSessionReadyToPay } from "@/tests/helpers/buy-now-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => shop.emulator.emulator.faults.clear());
afterAll(() => shop.close());

const TWO_TOTES = [{ slug: "sailcloth-tote", quantity: 2 }];
const THREE_TOTES = [{ slug: "sailcloth-tote", quantity: 3 }];

/** Amazon's first Finalize call waits this long before it is processed: the second request comes then. */
const SLOW_FINALIZE_MS = 1000;

/**
 * Resolves once the first request has written its order. Its Finalize call follows at once and
 * waits at Amazon for SLOW_FINALIZE_MS: the second request starts within that window.
 */
async function orderWritten(sessionId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(await shop.prisma.order.count({ where: { checkoutSessionId: sessionId } })).toBe(1);
    },
    { timeout: 10_000, interval: 5 },
  );
}

/** What Amazon charged for the session: the captured charges of its charge permission. */
function chargedAtAmazon(sessionId: string): number[] {
  const store = shop.emulator.emulator.store;
  const { chargePermissionId } = store.checkoutSessions.get(sessionId)!;
  return [...store.charges.values()]
    .filter((charge) => chargePermissionId && charge.chargePermissionId === chargePermissionId)
    .map((charge) => charge.captureAmount?.amount ?? 0);
}

async function theOrder(sessionId: string) {
  const orders = await shop.prisma.order.findMany({
    where: { checkoutSessionId: sessionId },
    include: { lines: true },
  });
  expect(orders).toHaveLength(1);
  return orders[0]!;
}

describe("two Finalize requests for one session", () => {
  it("mobile: a second request with other quantities cannot re-price the order the first is finalizing", async () => {
    const { sessionId, totalMinor } = await mobileSessionReadyToPay(shop, TWO_TOTES);
    injectFault(shop.emulator, {
      fault: "delay",
      delayMs: SLOW_FINALIZE_MS,
      operation: "finalizeCheckoutSession",
    });

    const first = finalizeForMobile({ checkoutSessionId: sessionId, items: TWO_TOTES }, null);
    await orderWritten(sessionId);
    const second = await finalizeForMobile({ checkoutSessionId: sessionId, items: THREE_TOTES }, null);

    expect(await first).toMatchObject({
      status: 200,
      body: { status: "Paid", total: { amountMinor: totalMinor, currency: "USD" } },
    });
    expect(second).toMatchObject({ status: 409, body: { code: "order-claimed" } });
    const order = await theOrder(sessionId);
    expect(order).toMatchObject({ status: "Paid", totalMinor, capturedMinor: totalMinor });
    expect(order.lines.map((line) => line.quantity)).toEqual([2]);
    expect(chargedAtAmazon(sessionId)).toEqual([totalMinor]);
  });

  it("mobile: when the request Amazon refuses comes first, the other cannot re-price it into a charge", async () => {
    const { sessionId } = await mobileSessionReadyToPay(shop, TWO_TOTES);
    injectFault(shop.emulator, {
      fault: "delay",
      delayMs: SLOW_FINALIZE_MS,
      operation: "finalizeCheckoutSession",
    });

    const first = finalizeForMobile({ checkoutSessionId: sessionId, items: THREE_TOTES }, null);
    await orderWritten(sessionId);
    const second = await finalizeForMobile({ checkoutSessionId: sessionId, items: TWO_TOTES }, null);

    expect(await first).toMatchObject({ status: 402, body: { status: "Failed" } });
    expect(second.status).toBe(409);
    const order = await theOrder(sessionId);
    expect(order).toMatchObject({ status: "Failed", capturedMinor: 0, chargeId: null });
    expect(order.lines.map((line) => line.quantity)).toEqual([3]);
    expect(chargedAtAmazon(sessionId)).toEqual([]);
  });

  it("mobile: two requests without a cart token, racing with the same items, answer the one order", async () => {
    const { sessionId, totalMinor } = await mobileSessionReadyToPay(shop, TWO_TOTES);
    clearEmulatorLog(shop.emulator);
    const request = { checkoutSessionId: sessionId, items: TWO_TOTES };

    const [first, second] = await Promise.all([
      finalizeForMobile(request, null),
      finalizeForMobile(request, null),
    ]);

    expect(first).toMatchObject({
      status: 200,
      body: { status: "Paid", total: { amountMinor: totalMinor } },
    });
    expect(second).toEqual(first);
    const order = await theOrder(sessionId);
    expect(await shop.prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId } })).toMatchObject({
      cartId: order.cartId,
    });
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("/finalize"))).toHaveLength(1);
  });

  it("Buy Now: a price changed between two onCompleteCheckout calls does not change the order being finalized", async () => {
    const { buyer, sessionId, cartDetails } = await buyNowReadyToPay(shop);
    const totalMinor = Math.round(Number(cartDetails.totalOrderAmount.amount) * 100);
    injectFault(shop.emulator, {
      fault: "delay",
      delayMs: SLOW_FINALIZE_MS,
      operation: "finalizeCheckoutSession",
    });
    const mug = { slug: "harbor-ceramic-mug" };

    clearEmulatorLog(shop.emulator);

    const first = completeBuyNow({ sessionId, cartId: buyer.cartId });
    await orderWritten(sessionId);
    await shop.prisma.productPrice.updateMany({
      where: { product: mug, currency: "USD" },
      data: { amountMinor: { increment: 100 } },
    });
    try {
      const second = await completeBuyNow({ sessionId, cartId: buyer.cartId });

      expect(await first).toEqual({ kind: "placed", orderNumber: expect.stringMatching(/^HP-/) });
      expect(second).toEqual(await first);
      const order = await theOrder(sessionId);
      expect(order).toMatchObject({ status: "Paid", totalMinor, capturedMinor: totalMinor });
      expect(order.lines.map((line) => [line.quantity, line.lineTotalMinor])).toEqual([
        [2, Math.round(Number(cartDetails.totalBaseAmount.amount) * 100)],
      ]);
      expect(chargedAtAmazon(sessionId)).toEqual([totalMinor]);
      // The second waited for the first's claim instead of calling Amazon itself.
      expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("/finalize"))).toEqual([
        `POST /v2/checkoutSessions/${sessionId}/finalize 200`,
      ]);
    } finally {
      await shop.prisma.productPrice.updateMany({
        where: { product: mug, currency: "USD" },
        data: { amountMinor: { decrement: 100 } },
      });
    }
  });
});
