// Completing a redirect checkout when the buyer returns to the result page: Complete Checkout
// Session with the amount frozen at Place order and an idempotency key derived from the session
// id, then one transition of the order state machine. Against the emulator and a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { completeCheckoutAction } from "@/lib/checkout/action";
import { applyCompletion } from "@/lib/checkout/apply-completion";
import { completeCheckout } from "@/lib/checkout/complete";
import { completionEvent } from "@/lib/checkout/completion-event";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import {
  clearEmulatorLog,
  emulatorApiCalls,
  injectFault,
  recordedAmazonCalls,
} from "@/tests/helpers/amazon-calls";
import { buyerWithCart, paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { browseAs } from "@/tests/helpers/next-request";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
vi.mock("next/cache", () => ({ refresh: () => {} }));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => shop.emulator.emulator.faults.clear());
afterAll(() => shop.close());

const orderOf = (sessionId: string) =>
  shop.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });

describe("Complete", () => {
  it("completes with the frozen amount and a key derived from the session id: the order is Paid", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    clearEmulatorLog(shop.emulator);

    const result = await completeCheckout(sessionId, buyer.cartId, "return");

    expect(result).toEqual({ kind: "placed", orderNumber: draft.orderNumber });
    const order = await orderOf(sessionId);
    expect(order).toMatchObject({
      status: "Paid",
      totalMinor: draft.totalMinor,
      capturedMinor: draft.totalMinor,
      chargePermissionId: expect.stringMatching(/\S/),
      chargeId: expect.stringMatching(/\S/),
    });
    expect(order.completionStartedAt).toBeInstanceOf(Date);
    // The write that recorded the completion ended the claim.
    expect(order).toMatchObject({ completionClaimedBy: null, completionClaimUntil: null });
    expect(order.charges).toEqual([
      expect.objectContaining({ id: order.chargeId, state: "Captured", capturedMinor: draft.totalMinor }),
    ]);
    // One Complete call, with the key every later attempt for this session will use.
    expect(emulatorApiCalls(shop.emulator)).toEqual([`POST /v2/checkoutSessions/${sessionId}/complete 200`]);
    const calls = await recordedAmazonCalls(shop.prisma, order.id);
    expect(calls.at(-1)).toEqual({
      operation: "completeCheckoutSession",
      status: 200,
      reasonCode: null,
      idempotencyKey: idempotencyKeyFor("complete", sessionId),
    });
    // Amazon captured exactly the frozen total.
    const { data: charge } = await amazonPay().client.charges.get(order.chargeId!);
    expect(charge.captureAmount?.amount).toBe((draft.totalMinor / 100).toFixed(2));
  });

  it("takes the ordered items out of the buyer's cart", async () => {
    const { buyer, sessionId } = await paidAtAmazon(shop);

    await completeCheckout(sessionId, buyer.cartId, "return");

    expect(await shop.prisma.cartLine.count({ where: { cartId: buyer.cartId } })).toBe(0);
    expect((await orderOf(sessionId)).cartClearedAt).toBeInstanceOf(Date);
  });

  it("takes the items out of the cart even when someone else recorded the completion first", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    const { data: session } = await amazonPay().client.checkoutSessions.complete(sessionId, {
      chargeAmount: { amount: (draft.totalMinor / 100).toFixed(2), currencyCode: draft.currency },
    });
    const event = completionEvent({
      session,
      httpStatus: 200,
      intent: "AuthorizeWithCapture",
      totalMinor: draft.totalMinor,
      source: "reconciler",
    });
    await applyEventToOrder(shop.prisma, draft.id, event!); // recorded, the cart left as it was
    expect(await shop.prisma.cartLine.count({ where: { cartId: buyer.cartId } })).toBeGreaterThan(0);

    const result = await applyCompletion(shop.prisma, draft, event!);

    expect(result.outcome.kind).toBe("unchanged");
    expect(await shop.prisma.cartLine.count({ where: { cartId: buyer.cartId } })).toBe(0);
  });

  it("a reload of the result page answers from the order, without asking Amazon again", async () => {
    const { buyer, sessionId } = await paidAtAmazon(shop);
    const first = await completeCheckout(sessionId, buyer.cartId, "return");
    clearEmulatorLog(shop.emulator);

    const reload = await completeCheckout(sessionId, buyer.cartId, "return");

    expect(reload).toEqual(first);
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("two requests completing at once (double click, second tab) make one Complete call", async () => {
    const { buyer, sessionId } = await paidAtAmazon(shop);
    clearEmulatorLog(shop.emulator);

    const [one, two] = await Promise.all([
      completeCheckout(sessionId, buyer.cartId, "return"),
      completeCheckout(sessionId, buyer.cartId, "return"),
    ]);

    expect(one).toEqual(two);
    expect(one.kind).toBe("placed");
    expect(emulatorApiCalls(shop.emulator)).toEqual([`POST /v2/checkoutSessions/${sessionId}/complete 200`]);
  });

  it("when Amazon does not answer, the order waits unconfirmed; the next attempt completes it with the same key", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    injectFault(shop.emulator, {
      fault: "status",
      status: 503,
      operation: "completeCheckoutSession",
      count: 2,
    });

    const unanswered = await completeCheckout(sessionId, buyer.cartId, "return");

    expect(unanswered).toEqual({ kind: "unconfirmed", orderNumber: draft.orderNumber });
    const waiting = await orderOf(sessionId);
    expect(waiting.status).toBe("Draft");
    expect(waiting.nextCheckAt).toBeInstanceOf(Date); // the reconciler looks again
    expect(await completeCheckout(sessionId, buyer.cartId, "return")).toEqual({
      kind: "placed",
      orderNumber: draft.orderNumber,
    });
    const completes = (await recordedAmazonCalls(shop.prisma, draft.id)).filter(
      (call) => call.operation === "completeCheckoutSession",
    );
    expect(completes.map((call) => call.status)).toEqual([503, 503, 200]);
    expect(new Set(completes.map((call) => call.idempotencyKey))).toEqual(
      new Set([idempotencyKeyFor("complete", sessionId)]),
    );
  });

  it("a declined payment fails the order and tells the buyer the documented message", async () => {
    const {
      buyer,
      sessionId,
      order: draft,
    } = await paidAtAmazon(shop, { choice: { paymentMethodId: "visa-3434" } });
    browseAs(buyer.cartToken);

    const answer = await completeCheckoutAction(sessionId);

    expect(answer).toEqual({
      ok: false,
      error: "Your payment was not successful. Please try another payment method.",
      redirectTo: "/cart?checkout=payment-failed",
    });
    const order = await orderOf(sessionId);
    expect(order).toMatchObject({
      orderNumber: draft.orderNumber,
      status: "Failed",
      failureReason: "Declined",
    });
    expect(order.charges).toEqual([]);
    // Amazon refused Complete; the session itself said why.
    expect(await recordedAmazonCalls(shop.prisma, order.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operation: "completeCheckoutSession",
          reasonCode: "CheckoutSessionCanceled",
        }),
        expect.objectContaining({ operation: "getCheckoutSession", status: 200 }),
      ]),
    );
  });

  it("the result page sends the buyer to their order once it is placed", async () => {
    const { buyer, sessionId, order } = await paidAtAmazon(shop);
    browseAs(buyer.cartToken);

    expect(await completeCheckoutAction(sessionId)).toEqual({
      ok: true,
      data: undefined,
      message: "Thank you! Your order is placed.",
      redirectTo: `/orders/${order.orderNumber}`,
    });
  });

  it("another cart cannot complete the checkout, and an unknown session is not found", async () => {
    const { sessionId } = await paidAtAmazon(shop);
    const someoneElse = await buyerWithCart(shop.prisma);

    expect(await completeCheckout(sessionId, someoneElse.cartId, "return")).toEqual({ kind: "not-found" });
    expect(await completeCheckout("no-such-session", someoneElse.cartId, "return")).toEqual({
      kind: "not-found",
    });
    expect((await orderOf(sessionId)).status).toBe("Draft");
  });
});
