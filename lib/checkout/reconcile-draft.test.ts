// The reconciler finishing redirect checkouts nobody finished: the buyer who paid but never came
// back, Amazon refusing "not yet" while the buyer is still on its page, a completion someone else
// is running, and one whose runner died. Against the emulator and a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { completeCheckout } from "@/lib/checkout/complete";
import { placeOrder } from "@/lib/checkout/place-order";
import { reconcileDraftOrder } from "@/lib/checkout/reconcile-draft";
import { completionIdempotencyKey, takeCompletionClaim } from "@/lib/orders/completion-claim";
import {
  clearEmulatorLog,
  emulatorApiCalls,
  injectFault,
  recordedAmazonCalls,
} from "@/tests/helpers/amazon-calls";
import { followAmazonPayRedirect } from "@/tests/helpers/amazon-buyer";
import { paidAtAmazon, reviewedCheckout } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => {
  shop.emulator.emulator.faults.clear();
  shop.emulator.emulator.updateConfig({ idempotencySavesClientErrors: true });
});
afterAll(() => shop.close());

const orderOf = (sessionId: string) =>
  shop.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
/** A moment after the grace period (RECONCILER_DRAFT_GRACE_SECONDS, 60 s by default). */
const afterGrace = () => new Date(Date.now() + 61_000);
const completeCalls = (sessionId: string) =>
  emulatorApiCalls(shop.emulator).filter((call) =>
    call.startsWith(`POST /v2/checkoutSessions/${sessionId}/complete`),
  );

describe("a buyer who paid but never came back", () => {
  it("is completed by the reconciler after the grace period, with the buyer's own key; their later return finds the order", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    clearEmulatorLog(shop.emulator);

    const result = await reconcileDraftOrder(await orderOf(sessionId), "reconciler", afterGrace());

    expect(result).toEqual({ kind: "placed", orderNumber: draft.orderNumber });
    const order = await orderOf(sessionId);
    expect(order).toMatchObject({
      status: "Paid",
      chargeId: expect.any(String),
      chargePermissionId: expect.any(String),
    });
    expect(completeCalls(sessionId)).toEqual([`POST /v2/checkoutSessions/${sessionId}/complete 200`]);
    expect((await recordedAmazonCalls(shop.prisma, draft.id)).at(-1)).toMatchObject({
      operation: "completeCheckoutSession",
      idempotencyKey: idempotencyKeyFor("complete", sessionId),
    });
    expect(await completeCheckout(sessionId, buyer.cartId, "return")).toEqual(result);
    expect(completeCalls(sessionId)).toHaveLength(1);
  });

  it("is left alone during the grace period", async () => {
    const { sessionId } = await paidAtAmazon(shop);
    clearEmulatorLog(shop.emulator);

    const result = await reconcileDraftOrder(await orderOf(sessionId), "reconciler", new Date());

    expect(result.kind).toBe("unconfirmed");
    expect(completeCalls(sessionId)).toEqual([]);
    expect((await orderOf(sessionId)).status).toBe("Draft");
  });
});

describe.each([true, false])(
  "Amazon refuses while the buyer is still on its page (refusals kept under their key: %s)",
  (saved) => {
    it("means not yet: the order stays a Draft, and the buyer's own Complete later succeeds with a fresh key", async () => {
      shop.emulator.emulator.updateConfig({ idempotencySavesClientErrors: saved });
      const { buyer, sessionId, review } = await reviewedCheckout(shop);
      const placed = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });
      if (!placed.ok) throw new Error(placed.error);
      clearEmulatorLog(shop.emulator);

      // The buyer is still on Amazon's page when the grace period ends.
      const early = await reconcileDraftOrder(await orderOf(sessionId), "reconciler", afterGrace());

      expect(early.kind).toBe("unconfirmed");
      const waiting = await orderOf(sessionId);
      expect(waiting).toMatchObject({ status: "Draft", failureReason: null, completionGeneration: 1 });
      expect(waiting.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());

      await followAmazonPayRedirect(placed.redirectUrl);
      expect(await completeCheckout(sessionId, buyer.cartId, "return")).toMatchObject({ kind: "placed" });

      expect((await orderOf(sessionId)).status).toBe("Paid");
      const completes = (await recordedAmazonCalls(shop.prisma, waiting.id)).filter(
        (call) => call.operation === "completeCheckoutSession",
      );
      expect(completes).toEqual([
        expect.objectContaining({
          status: 422,
          reasonCode: "InvalidCheckoutSessionStatus",
          idempotencyKey: completionIdempotencyKey("complete", sessionId, 0),
        }),
        expect.objectContaining({
          status: 200,
          idempotencyKey: completionIdempotencyKey("complete", sessionId, 1),
        }),
      ]);
    });
  },
);

describe("one Complete at a time", () => {
  it("leaves alone a completion the buyer started seconds ago: it waits for its outcome and calls nothing", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    injectFault(shop.emulator, { fault: "delay", delayMs: 1_500, operation: "completeCheckoutSession" });
    clearEmulatorLog(shop.emulator);

    const buyerReturn = completeCheckout(sessionId, buyer.cartId, "return");
    await vi.waitFor(async () => expect((await orderOf(sessionId)).completionClaimedBy).toMatch(/^return:/));
    const reconciled = await reconcileDraftOrder(await orderOf(sessionId), "reconciler", afterGrace());

    expect(reconciled).toEqual({ kind: "placed", orderNumber: draft.orderNumber });
    expect(await buyerReturn).toEqual(reconciled);
    expect(completeCalls(sessionId)).toEqual([`POST /v2/checkoutSessions/${sessionId}/complete 200`]);
  });

  it("takes over, with the same key, from a completion whose server died", async () => {
    const { sessionId, order: draft } = await paidAtAmazon(shop);
    await takeCompletionClaim(shop.prisma, draft.id, "return:died", { ttlMs: 500 });
    clearEmulatorLog(shop.emulator);

    const result = await reconcileDraftOrder(await orderOf(sessionId), "reconciler", afterGrace());

    expect(result).toEqual({ kind: "placed", orderNumber: draft.orderNumber });
    expect(completeCalls(sessionId)).toEqual([`POST /v2/checkoutSessions/${sessionId}/complete 200`]);
    expect((await orderOf(sessionId)).completionClaimedBy).toBeNull();
  });
});
