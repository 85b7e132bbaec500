// The review page's data against the emulator and a real database: who may review a Checkout
// Session, and where a session that was already used sends the buyer.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCart } from "@/lib/cart/repository";
import { completeCheckoutAction } from "@/lib/checkout/action";
import { loadReview } from "@/lib/checkout/review";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { checkOutAtAmazon } from "@/tests/helpers/amazon-buyer";
import { buyerWithCart, paidAtAmazon, reviewedCheckout } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { browseAs } from "@/tests/helpers/next-request";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
vi.mock("next/cache", () => ({ refresh: () => {} }));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

describe("the review page", () => {
  it("binds a new session to the buyer's cart and prices the cart for the address Amazon shared", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);

    expect(review.cart.lines.map((line) => [line.slug, line.quantity])).toEqual([["harbor-ceramic-mug", 2]]);
    expect(await shop.prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId } })).toMatchObject({
      cartId: buyer.cartId,
      flow: "redirect",
      shipCountry: "US",
      shipState: "WA",
    });
    // A second visit shows the same review.
    expect(await loadReview(sessionId)).toEqual({ ok: true, view: review });
  });

  it("refuses another cart's session without asking Amazon", async () => {
    const { sessionId } = await reviewedCheckout(shop);
    browseAs((await buyerWithCart(shop.prisma)).cartToken);
    clearEmulatorLog(shop.emulator);

    expect(await loadReview(sessionId)).toEqual({ ok: false, notice: "session-foreign" });
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("sends the buyer of an order to it, and tells another cart nothing about it", async () => {
    const { buyer, sessionId, order } = await paidAtAmazon(shop);
    browseAs(buyer.cartToken);
    expect(await completeCheckoutAction(sessionId)).toMatchObject({ ok: true });
    // The completed order took its items out of the cart: the page says where the order is.
    expect(await loadReview(sessionId)).toEqual({
      ok: false,
      notice: "session-used",
      orderNumber: order.orderNumber,
    });
    browseAs((await buyerWithCart(shop.prisma)).cartToken);
    expect(await loadReview(sessionId)).toEqual({ ok: false, notice: "session-foreign" });
  });

  it("answers an empty cart, or none, with the cart's notice and binds nothing then", async () => {
    const { sessionId } = await checkOutAtAmazon(shop.emulator);
    browseAs(null);
    expect(await loadReview(sessionId)).toEqual({ ok: false, notice: "cart-empty" });
    browseAs("A".repeat(43));
    expect(await loadReview(sessionId)).toEqual({ ok: false, notice: "cart-empty" });
    expect(await shop.prisma.checkoutSessionBinding.count({ where: { id: sessionId } })).toBe(0);

    const empty = await createCart(shop.prisma);
    browseAs(empty.token);
    expect(await loadReview(sessionId)).toEqual({ ok: false, notice: "cart-empty" });
  });
});
