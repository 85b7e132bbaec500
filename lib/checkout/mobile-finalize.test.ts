// Finalize for a mobile app (POST /api/checkout/finalize): the app sends the Checkout Session id
// Amazon's SDK gave it and the items; the shop prices them from its database, Finalizes, and
// answers with the order. What the route answers, request by request, against the emulator.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { finalizeForMobile } from "@/lib/checkout/mobile-finalize";
import { mobileSessionReadyToPay } from "@/tests/helpers/buy-now-journey";
import { buyerWithCart, reviewedCheckout, TWO_MUGS } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

const TWO_TOTES = [{ slug: "sailcloth-tote", quantity: 2 }];

describe("Finalize for a mobile app", () => {
  it("prices the items from the database, finalizes and answers 200 with the order; a retry answers the same", async () => {
    const { sessionId, totalMinor } = await mobileSessionReadyToPay(shop, TWO_TOTES);
    const request = { checkoutSessionId: sessionId, items: TWO_TOTES };

    const answer = await finalizeForMobile(request, null);

    expect(answer).toEqual({
      status: 200,
      body: {
        orderNumber: expect.stringMatching(/^HP-/),
        status: "Paid",
        total: { amountMinor: totalMinor, currency: "USD" },
      },
    });
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true },
    });
    expect(order).toMatchObject({ flow: "mobile", status: "Paid", totalMinor });
    expect(order.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(await finalizeForMobile(request, null)).toEqual(answer);
    expect(await shop.prisma.order.count({ where: { checkoutSessionId: sessionId } })).toBe(1);
  });

  it("a later request for other items is refused (409), not told that its items were paid for", async () => {
    const { sessionId } = await mobileSessionReadyToPay(shop, TWO_TOTES);
    const paid = await finalizeForMobile({ checkoutSessionId: sessionId, items: TWO_TOTES }, null);

    const other = await finalizeForMobile(
      { checkoutSessionId: sessionId, items: [{ slug: "sailcloth-tote", quantity: 3 }] },
      null,
    );

    expect(paid.status).toBe(200);
    expect(other).toEqual({
      status: 409,
      body: {
        code: "order-claimed",
        error: "This checkout was already used for other items. Start a new checkout to buy these.",
      },
    });
  });

  it("with the app's x-cart-token, the order belongs to that cart", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId } = await mobileSessionReadyToPay(shop, TWO_TOTES);

    const answer = await finalizeForMobile(
      { checkoutSessionId: sessionId, items: TWO_TOTES },
      buyer.cartToken,
    );

    expect(answer.status).toBe(200);
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order.cartId).toBe(buyer.cartId);
  });

  it("a declined card answers 402 with the documented message", async () => {
    const { sessionId } = await mobileSessionReadyToPay(shop, TWO_TOTES, { paymentMethodId: "visa-3434" });

    const answer = await finalizeForMobile({ checkoutSessionId: sessionId, items: TWO_TOTES }, null);

    expect(answer).toEqual({
      status: 402,
      body: {
        orderNumber: expect.stringMatching(/^HP-/),
        status: "Failed",
        error: "Your payment was not successful. Please try another payment method.",
      },
    });
  });

  it("refuses a request that is not valid with 400 and says why: amounts are never taken from the app", async () => {
    const answer = await finalizeForMobile(
      { checkoutSessionId: "a-session", items: [{ slug: "sailcloth-tote", quantity: 1 }], amount: "0.01" },
      null,
    );

    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([expect.stringContaining("amount")]);
  });

  it("refuses unknown products (422), an unknown cart token (401) and a session Amazon does not know (404)", async () => {
    const unknownProduct = await finalizeForMobile(
      { checkoutSessionId: "a-session", items: [{ slug: "no-such-tote", quantity: 1 }] },
      null,
    );
    const unknownToken = await finalizeForMobile(
      { checkoutSessionId: "a-session", items: TWO_TOTES },
      "x".repeat(43),
    );
    const carts = await shop.prisma.cart.count();
    const unknownSession = await finalizeForMobile(
      { checkoutSessionId: "unknown-to-amazon", items: TWO_TOTES },
      null,
    );

    expect(unknownProduct).toEqual({
      status: 422,
      body: { error: "Unknown or unavailable products: no-such-tote" },
    });
    expect(unknownToken.status).toBe(401);
    expect(unknownSession).toMatchObject({ status: 404, body: { code: "session-unknown" } });
    // Nothing is left behind for an id Amazon does not know: no cart, no binding.
    expect(await shop.prisma.cart.count()).toBe(carts);
    expect(await shop.prisma.checkoutSessionBinding.count({ where: { id: "unknown-to-amazon" } })).toBe(0);
  });

  it("refuses the Checkout Session of a web checkout (409)", async () => {
    const { sessionId } = await reviewedCheckout(shop, { items: TWO_MUGS });

    const answer = await finalizeForMobile({ checkoutSessionId: sessionId, items: TWO_MUGS }, null);

    expect(answer).toEqual({
      status: 409,
      body: { error: "This checkout session belongs to a web checkout." },
    });
  });
});
