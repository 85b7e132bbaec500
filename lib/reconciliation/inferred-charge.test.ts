// After an AuthorizeWithCapture 200 the shop records the charge as Captured by inference; the
// reconciler reads it back, confirms it, or corrects the order when Amazon says otherwise.
// Against the emulator (its copy of the charge changed by hand) and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reconcileOnce } from "@/lib/reconciliation/reconciler";
import { inferredCapture } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

const inAMinute = () => new Date(Date.now() + 60_000);
const reread = (orderId: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { charges: true } });

describe("a charge inferred from Complete's answer", () => {
  it("is recorded as inferred, and scheduled for a read even though Captured is final", async () => {
    const { order, charge } = await inferredCapture(shop);
    expect(order.status).toBe("Paid");
    expect(charge).toMatchObject({ state: "Captured", inferred: true, nextPollAt: expect.any(Date) });
  });

  it("is confirmed by the reconciler's read: still Paid, no longer inferred, no longer polled", async () => {
    const { order } = await inferredCapture(shop);

    await reconcileOnce({ now: inAMinute() });

    expect(await reread(order.id)).toMatchObject({
      status: "Paid",
      charges: [expect.objectContaining({ state: "Captured", inferred: false, nextPollAt: null })],
    });
  });

  it("is corrected when Amazon says the charge was declined: the order fails", async () => {
    const { order, charge } = await inferredCapture(shop);
    shop.emulator.emulator.store.charges.get(charge.id)!.status = {
      state: "Declined",
      reasonCode: "HardDeclined",
    };

    await reconcileOnce({ now: inAMinute() });

    expect(await reread(order.id)).toMatchObject({
      status: "Failed",
      capturedMinor: 0,
      charges: [expect.objectContaining({ state: "Declined", reasonCode: "HardDeclined", inferred: false })],
    });
  });

  it("is corrected when Amazon says the authorization is still pending: the order waits, and is polled again", async () => {
    const { order, charge } = await inferredCapture(shop);
    const record = shop.emulator.emulator.store.charges.get(charge.id)!;
    record.status = { state: "AuthorizationInitiated", reasonCode: null };
    record.captureAmount = null;

    await reconcileOnce({ now: inAMinute() });

    const after = await reread(order.id);
    expect(after).toMatchObject({ status: "PaymentPending", capturedMinor: 0 });
    expect(after.charges[0]).toMatchObject({ state: "AuthorizationInitiated", inferred: false });
    expect(after.charges[0]!.nextPollAt).toBeInstanceOf(Date);
  });
});
