// Adopting a Checkout Session's own outcome: when Complete or Finalize did not come back with a
// completed session (a crash after Amazon answered, a refusal, a reload), the session says what
// happened, and the order follows it. Against the emulator and a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { adoptSession, adoptSessionOutcome } from "@/lib/checkout/adopt";
import { money } from "@/lib/money";
import { clearEmulatorLog, emulatorApiCalls, injectFault } from "@/tests/helpers/amazon-calls";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createDraftOrder } from "@/tests/helpers/orders";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => shop.emulator.emulator.faults.clear());
afterAll(() => shop.close());

const orderOf = (id: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { id }, include: { charges: true } });

describe("Adopting the session's outcome", () => {
  it("a session Amazon completed before the server could record it: reads the real charge, the order is Paid", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    // Complete reached Amazon, then the server died before writing the order.
    await amazonPay().client.checkoutSessions.complete(
      sessionId,
      { chargeAmount: priceFromMoney(money(draft.totalMinor, "USD")) },
      { idempotencyKey: idempotencyKeyFor("complete", sessionId) },
    );
    clearEmulatorLog(shop.emulator);

    const result = await adoptSessionOutcome(draft, "reconciler");

    expect(result).toEqual({ kind: "placed", orderNumber: draft.orderNumber });
    const order = await orderOf(draft.id);
    expect(order).toMatchObject({ status: "Paid", capturedMinor: draft.totalMinor });
    expect(order.charges).toEqual([expect.objectContaining({ id: order.chargeId, state: "Captured" })]);
    // It asked, it did not complete again: the session, then the charge it names.
    expect(emulatorApiCalls(shop.emulator)).toEqual([
      `GET /v2/checkoutSessions/${sessionId} 200`,
      `GET /v2/charges/${order.chargeId} 200`,
    ]);
    expect(await shop.prisma.cartLine.count({ where: { cartId: buyer.cartId } })).toBe(0);
  });

  it("a declined payment: the session is Canceled and the order fails with Amazon's reason", async () => {
    const { order: draft } = await paidAtAmazon(shop, { choice: { paymentMethodId: "visa-3434" } });

    const result = await adoptSessionOutcome(draft, "return", "CheckoutSessionCanceled");

    expect(result).toEqual({ kind: "failed", orderNumber: draft.orderNumber });
    expect(await orderOf(draft.id)).toMatchObject({ status: "Failed", failureReason: "Declined" });
  });

  it("a buyer who canceled on Amazon's page: the order fails as BuyerCanceled", async () => {
    const { order: draft } = await paidAtAmazon(shop, { choice: { paymentMethodId: "mastercard-3064" } });

    expect(await adoptSessionOutcome(draft, "return")).toEqual({
      kind: "failed",
      orderNumber: draft.orderNumber,
    });
    expect(await orderOf(draft.id)).toMatchObject({ status: "Failed", failureReason: "BuyerCanceled" });
  });

  it("a session still Open that Amazon refused to complete: the order fails with the refusal", async () => {
    const { order: draft } = await paidAtAmazon(shop);

    const result = await adoptSessionOutcome(draft, "return", "AmountMismatch");

    expect(result).toEqual({ kind: "failed", orderNumber: draft.orderNumber });
    expect(await orderOf(draft.id)).toMatchObject({ status: "Failed", failureReason: "AmountMismatch" });
  });

  it("a session still Open that Amazon refused as not yet: the order stays a Draft, to be asked again", async () => {
    const { order: draft } = await paidAtAmazon(shop);

    const adoption = await adoptSession(draft, "reconciler", "InvalidCheckoutSessionStatus");

    expect(adoption).toEqual({
      result: { kind: "unconfirmed", orderNumber: draft.orderNumber },
      notYet: true,
    });
    const order = await orderOf(draft.id);
    expect(order).toMatchObject({ status: "Draft", failureReason: null, checkAttempts: 1 });
    expect(order.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("a session Amazon does not know: the order fails as ResourceNotFound", async () => {
    const draft = await createDraftOrder(shop.prisma, { checkoutSessionId: "unknown-to-amazon" });

    expect(await adoptSessionOutcome(draft, "reconciler")).toEqual({
      kind: "failed",
      orderNumber: draft.orderNumber,
    });
    expect(await orderOf(draft.id)).toMatchObject({ status: "Failed", failureReason: "ResourceNotFound" });
  });

  it("when Amazon does not answer, nothing is guessed: the order waits for the next look", async () => {
    const { order: draft } = await paidAtAmazon(shop);
    injectFault(shop.emulator, { fault: "status", status: 503, operation: "getCheckoutSession", count: 2 });

    const result = await adoptSessionOutcome(draft, "reconciler");

    expect(result).toEqual({ kind: "unconfirmed", orderNumber: draft.orderNumber });
    const order = await orderOf(draft.id);
    expect(order.status).toBe("Draft");
    expect(order.nextCheckAt!.getTime()).toBeGreaterThan(Date.now());
  });
});
