// Finalize Checkout Session, shared by Buy Now and the mobile app: read the session for the
// address Amazon shared, price the items from the database for it, freeze the order and Finalize
// with the same amounts and address. Against the emulator and a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { startBuyNow } from "@/lib/checkout/buy-now";
import { finalizeCheckout } from "@/lib/checkout/finalize";
import { completionIdempotencyKey } from "@/lib/orders/completion-claim";
import { openBuyNowDialog, payNowInDialog, showCartInDialog } from "@/tests/helpers/amazon-buyer";
import {
  clearEmulatorLog,
  emulatorApiCalls,
  injectFault,
  recordedAmazonCalls,
} from "@/tests/helpers/amazon-calls";
import { buyNowReadyToPay } from "@/tests/helpers/buy-now-journey";
import { buyerWithCart } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => shop.emulator.emulator.faults.clear());
afterAll(() => shop.close());

const MUG = "harbor-ceramic-mug";
const mug = () => shop.prisma.product.findFirstOrThrow({ where: { slug: MUG } });
const cents = (price: { amount: string }) => Math.round(Number(price.amount) * 100);

/** What onCompleteCheckout finalizes: two mugs, standard shipping. */
async function finalizeTwoMugs(sessionId: string, cartId: string) {
  return finalizeCheckout({
    sessionId,
    cartId,
    flow: "buy-now",
    items: [{ productId: (await mug()).id, quantity: 2 }],
    shippingMethod: "standard",
  });
}

describe("Finalize", () => {
  it("prices the items for the address Amazon shared, freezes the order and finalizes with those amounts", async () => {
    const { buyer, sessionId, cartDetails } = await buyNowReadyToPay(shop);
    clearEmulatorLog(shop.emulator);

    const result = await finalizeTwoMugs(sessionId, buyer.cartId);

    expect(result).toEqual({ kind: "placed", orderNumber: expect.stringMatching(/^HP-/) });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({
      status: "Paid",
      flow: "buy-now",
      subtotalMinor: cents(cartDetails.totalBaseAmount),
      shippingMinor: cents(cartDetails.totalShippingAmount),
      taxMinor: cents(cartDetails.totalTaxAmount),
      totalMinor: cents(cartDetails.totalOrderAmount),
      capturedMinor: cents(cartDetails.totalOrderAmount),
      shipLine1: "410 Terry Ave N",
      shipState: "WA",
    });
    expect(emulatorApiCalls(shop.emulator)).toEqual([
      `GET /v2/checkoutSessions/${sessionId} 200`,
      `POST /v2/checkoutSessions/${sessionId}/finalize 200`,
    ]);
    expect((await recordedAmazonCalls(shop.prisma, order.id)).at(-1)).toMatchObject({
      operation: "finalizeCheckoutSession",
      idempotencyKey: idempotencyKeyFor("finalize", sessionId),
    });
  });

  it("answers a repeated call from the recorded order, without asking Amazon again", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    const first = await finalizeTwoMugs(sessionId, buyer.cartId);
    clearEmulatorLog(shop.emulator);

    expect(await finalizeTwoMugs(sessionId, buyer.cartId)).toEqual(first);
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("a lost answer is retried with the same key, and Amazon replays its saved answer: one charge", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    injectFault(shop.emulator, { fault: "dropAfterProcessing", operation: "finalizeCheckoutSession" });
    clearEmulatorLog(shop.emulator);

    const result = await finalizeTwoMugs(sessionId, buyer.cartId);

    expect(result.kind).toBe("placed");
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("/finalize"))).toEqual([
      `POST /v2/checkoutSessions/${sessionId}/finalize 0`,
      `POST /v2/checkoutSessions/${sessionId}/finalize 200`,
    ]);
    const { chargePermissionId } = shop.emulator.emulator.store.checkoutSessions.get(sessionId)!;
    const charges = [...shop.emulator.emulator.store.charges.values()].filter(
      (charge) => charge.chargePermissionId === chargePermissionId,
    );
    expect(charges).toHaveLength(1);
  });

  it("Finalize before the buyer pressed Pay now: the order waits, and the next attempt uses a new key", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId, shippingAddress } = await openBuyNowDialog(shop.emulator);
    const quote = await startBuyNow({
      sessionId,
      cartId: buyer.cartId,
      slug: MUG,
      quantity: 2,
      address: shippingAddress,
    });
    if (!quote.ok) throw new Error(quote.message);
    await showCartInDialog(shop.emulator, sessionId, quote.cartDetails);

    const early = await finalizeTwoMugs(sessionId, buyer.cartId);
    await payNowInDialog(shop.emulator, sessionId);
    const later = await finalizeTwoMugs(sessionId, buyer.cartId);

    expect(early).toEqual({ kind: "unconfirmed", orderNumber: expect.stringMatching(/^HP-/) });
    expect(later).toEqual({
      kind: "placed",
      orderNumber: early.kind === "unconfirmed" ? early.orderNumber : "",
    });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({ status: "Paid", completionGeneration: 1 });
    const finalizes = (await recordedAmazonCalls(shop.prisma, order.id)).filter(
      (call) => call.operation === "finalizeCheckoutSession",
    );
    expect(finalizes).toEqual([
      expect.objectContaining({
        reasonCode: "InvalidCheckoutSessionStatus",
        idempotencyKey: idempotencyKeyFor("finalize", sessionId),
      }),
      expect.objectContaining({
        status: 200,
        idempotencyKey: completionIdempotencyKey("finalize", sessionId, 1),
      }),
    ]);
  });

  it("a retry after Amazon closed the session records what the session says instead of refusing", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    injectFault(shop.emulator, {
      fault: "status",
      status: 503,
      count: 2,
      operation: "finalizeCheckoutSession",
    });
    expect(await finalizeTwoMugs(sessionId, buyer.cartId)).toMatchObject({ kind: "unconfirmed" });
    const canceled = await fetch(`${shop.emulator.url}/checkout/buy-now/sessions/${sessionId}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(canceled.ok).toBe(true);

    expect(await finalizeTwoMugs(sessionId, buyer.cartId)).toMatchObject({ kind: "failed" });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({ status: "Failed", failureReason: "BuyerCanceled" });
  });

  it("refuses an address the shop cannot ship to before any order exists", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId, shippingAddress } = await openBuyNowDialog(shop.emulator, { addressId: "ava-po-box" });
    // A handler that priced it anyway (as a tampered page could) gets no further at Finalize.
    const quote = await startBuyNow({
      sessionId,
      cartId: buyer.cartId,
      slug: MUG,
      quantity: 2,
      address: { ...shippingAddress, addressLine1: "410 Terry Ave N" },
    });
    if (!quote.ok) throw new Error(quote.message);
    await showCartInDialog(shop.emulator, sessionId, quote.cartDetails);

    const result = await finalizeTwoMugs(sessionId, buyer.cartId);

    expect(result).toEqual({
      kind: "refused",
      code: "unshippable",
      message: "We cannot ship to PO boxes. Please choose a street address.",
    });
    expect(await shop.prisma.order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
  });

  it("a price that changed after the dialog showed it: Amazon refuses the amount, the order fails, nothing is charged", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    await shop.prisma.productPrice.updateMany({
      where: { product: { slug: MUG }, currency: "USD" },
      data: { amountMinor: { increment: 100 } },
    });
    try {
      const result = await finalizeTwoMugs(sessionId, buyer.cartId);

      expect(result).toEqual({ kind: "failed", orderNumber: expect.stringMatching(/^HP-/) });
      const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
      expect(order).toMatchObject({ status: "Failed", failureReason: "AmountMismatch", chargeId: null });
    } finally {
      await shop.prisma.productPrice.updateMany({
        where: { product: { slug: MUG }, currency: "USD" },
        data: { amountMinor: { decrement: 100 } },
      });
    }
  });

  it("refuses a session Amazon does not know, and a session another cart's order holds", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    await finalizeTwoMugs(sessionId, buyer.cartId);
    const someoneElse = await buyerWithCart(shop.prisma, []);

    expect(await finalizeTwoMugs("unknown-to-amazon", someoneElse.cartId)).toMatchObject({
      kind: "refused",
      code: "session-unknown",
    });
    expect(await finalizeTwoMugs(sessionId, someoneElse.cartId)).toEqual({ kind: "not-found" });
  });
});
