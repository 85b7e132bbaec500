// "Place order" on the review page, against the emulator and a real database: the order is
// written with its amounts frozen, the Checkout Session gets the amount and the result URL, and
// the buyer is sent to amazonPayRedirectUrl. The browser only sends the session id and the
// fingerprint of what it showed.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { addToCart } from "@/lib/cart/repository";
import { CHECKOUT_NOTICES } from "@/lib/checkout/messages";
import { placeOrder } from "@/lib/checkout/place-order";
import {
  clearEmulatorLog,
  emulatorApiCalls,
  injectFault,
  recordedAmazonCalls,
} from "@/tests/helpers/amazon-calls";
import { checkOutAtAmazon, chooseAtAmazon } from "@/tests/helpers/amazon-buyer";
import { buyerWithCart, reviewedCheckout } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { SHOP_URL, startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => shop.emulator.emulator.faults.clear());
afterAll(() => shop.close());

const ordersOf = (sessionId: string) =>
  shop.prisma.order.findMany({ where: { checkoutSessionId: sessionId } });

describe("Place order", () => {
  it("freezes the amount, updates the Checkout Session and returns amazonPayRedirectUrl", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    clearEmulatorLog(shop.emulator);

    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });

    expect(result).toEqual({
      ok: true,
      redirectUrl: `${shop.emulator.url}/checkout/processing?amazonCheckoutSessionId=${sessionId}`,
      orderNumber: expect.stringMatching(/^HP-/),
    });
    // The order holds what the buyer reviewed, priced on the server for the address Amazon shared.
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true },
    });
    const { quote } = review.cart;
    expect(order).toMatchObject({
      orderNumber: result.ok ? result.orderNumber : "",
      cartId: buyer.cartId,
      flow: "redirect",
      status: "Draft",
      paymentIntent: "AuthorizeWithCapture",
      currency: "USD",
      subtotalMinor: quote.subtotal.amount,
      shippingMinor: quote.shipping.amount,
      taxMinor: quote.tax.amount,
      totalMinor: quote.total.amount,
      buyerName: "Ava Johnson",
      shipState: "WA",
      paymentDescriptor: "Visa ****1111",
    });
    expect(order.redirectedAt).toBeInstanceOf(Date);
    const [line] = review.cart.lines;
    expect(order.lines).toEqual([
      expect.objectContaining({
        productId: line!.productId,
        unitPriceMinor: line!.unitPrice.amount,
        quantity: 2,
        lineTotalMinor: line!.lineTotal.amount,
      }),
    ]);
    // Amazon got exactly one Update Checkout Session with that amount and the result URL.
    expect(emulatorApiCalls(shop.emulator)).toEqual([`PATCH /v2/checkoutSessions/${sessionId} 200`]);
    const { data: session } = await amazonPay().client.checkoutSessions.get(sessionId);
    expect(session).toMatchObject({
      paymentDetails: { paymentIntent: "AuthorizeWithCapture", chargeAmount: priceFromMoney(quote.total) },
      webCheckoutDetails: { checkoutResultReturnUrl: `${SHOP_URL}/checkout/result` },
      merchantMetadata: { merchantReferenceId: order.orderNumber },
    });
    // …and the call is in the order's payment log (Update takes no idempotency key).
    expect(await recordedAmazonCalls(shop.prisma, order.id)).toEqual([
      { operation: "updateCheckoutSession", status: 200, reasonCode: null, idempotencyKey: null },
    ]);
  });

  it("refuses a cart that changed since the review, before anything reaches Amazon", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    await addToCart(shop.prisma, buyer.cartId, "pine-needle-candle", 1);
    clearEmulatorLog(shop.emulator);

    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });

    expect(result).toEqual({ ok: false, error: CHECKOUT_NOTICES["cart-changed"] });
    expect(await ordersOf(sessionId)).toEqual([]);
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("refuses a Checkout Session that another cart reviewed", async () => {
    const { sessionId, review } = await reviewedCheckout(shop);
    const someoneElse = await buyerWithCart(shop.prisma);

    const result = await placeOrder({
      sessionId,
      cartId: someoneElse.cartId,
      fingerprint: review.fingerprint,
    });

    expect(result).toMatchObject({ ok: false, notice: "session-foreign" });
    expect(await ordersOf(sessionId)).toEqual([]);
  });

  it("knows the buyer's cart by its cookie token, as the Place order form sends it", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    const someoneElse = await buyerWithCart(shop.prisma);
    const input = { sessionId, fingerprint: review.fingerprint };

    expect(await placeOrder({ ...input, cartToken: someoneElse.cartToken })).toMatchObject({
      ok: false,
      notice: "session-foreign",
    });
    // A cookie whose cart is gone: the cart is empty, as for a browser without one.
    expect(await placeOrder({ ...input, cartToken: "A".repeat(43) })).toEqual({
      ok: false,
      error: CHECKOUT_NOTICES["cart-empty"],
    });
    expect(await ordersOf(sessionId)).toEqual([]);

    expect(await placeOrder({ ...input, cartToken: buyer.cartToken })).toMatchObject({ ok: true });
    expect(await ordersOf(sessionId)).toEqual([
      expect.objectContaining({ cartId: buyer.cartId, status: "Draft", redirectedAt: expect.any(Date) }),
    ]);
  });

  it("refuses a Checkout Session the review page never bound to this cart", async () => {
    const buyer = await buyerWithCart(shop.prisma);
    const { sessionId } = await checkOutAtAmazon(shop.emulator);

    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: "x".repeat(32) });

    expect(result).toMatchObject({ ok: false, notice: "session-foreign" });
  });

  it("sends a checkout to Amazon once: pressing Place order again is refused and the order stays frozen", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    const input = { sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint };
    const first = await placeOrder(input);
    const frozen = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });

    const again = await placeOrder(input);

    expect(first.ok).toBe(true);
    expect(again).toMatchObject({ ok: false, notice: "session-used" });
    expect(await ordersOf(sessionId)).toEqual([frozen]);
  });

  it("when Amazon does not answer, tells the buyer nothing was charged; pressing again succeeds", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    const input = { sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint };
    injectFault(shop.emulator, {
      fault: "status",
      status: 503,
      operation: "updateCheckoutSession",
      count: 2,
    });

    const unanswered = await placeOrder(input);

    expect(unanswered).toEqual({ ok: false, error: CHECKOUT_NOTICES["amazon-unavailable"] });
    const [draft] = await ordersOf(sessionId);
    expect(draft).toMatchObject({ status: "Draft", redirectedAt: null });
    const retried = await placeOrder(input);
    expect(retried).toMatchObject({ ok: true, orderNumber: draft!.orderNumber });
    // Two attempts answered 503 (the client retries once), then the buyer's second press.
    expect((await recordedAmazonCalls(shop.prisma, draft!.id)).map((call) => call.status)).toEqual([
      503, 503, 200,
    ]);
  });

  it("asks the buyer to review again when they changed the address on Amazon's page since the review", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    // In another tab the buyer picks their Texas address on Amazon's page.
    await chooseAtAmazon(shop.emulator, sessionId, { addressId: "ava-work" });

    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("shipping address changed") });
    // The next review prices for Texas: the binding now holds the new destination.
    const binding = await shop.prisma.checkoutSessionBinding.findUniqueOrThrow({ where: { id: sessionId } });
    expect(binding.shipState).toBe("TX");
  });
});
