// The buyer who comes back to the result page in another browser (no cart cookie, or another
// cart's): the checkout still completes, by its session id alone, and that browser is told
// nothing about the order. Against the emulator and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeCheckoutAction } from "@/lib/checkout/action";
import { confirmCheckoutAction } from "@/lib/checkout/complete-action";
import { resultPageView } from "@/lib/checkout/complete-page";
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
afterAll(() => shop.close());

const orderOf = (sessionId: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });

describe("the result page in a browser that does not own the order", () => {
  it("shows the order to the browser whose cart placed it, and a neutral page to any other", async () => {
    const { buyer, sessionId } = await paidAtAmazon(shop);
    const stranger = await buyerWithCart(shop.prisma);

    browseAs(buyer.cartToken);
    expect(await resultPageView(sessionId)).toBe("buyer");
    browseAs(null);
    expect(await resultPageView(sessionId)).toBe("neutral");
    browseAs(stranger.cartToken);
    expect(await resultPageView(sessionId)).toBe("neutral");
    // A session with no order: the buyer's path, which explains it with the usual notice.
    expect(await resultPageView("no-such-session")).toBe("buyer");
  });

  it("completes the checkout without the cart cookie, and answers nothing about the order", async () => {
    const { sessionId, order: draft } = await paidAtAmazon(shop);
    browseAs(null);

    const answer = await confirmCheckoutAction(sessionId);

    expect(answer).toEqual({ ok: true, data: undefined });
    expect(JSON.stringify(answer)).not.toContain(draft.orderNumber);
    expect(await orderOf(sessionId)).toMatchObject({
      status: "Paid",
      chargeId: expect.any(String),
      completionStartedAt: expect.any(Date),
    });
  });

  it("completes it with another cart's cookie too, which still cannot see the order", async () => {
    const { buyer, sessionId, order: draft } = await paidAtAmazon(shop);
    const stranger = await buyerWithCart(shop.prisma);
    browseAs(stranger.cartToken);

    expect(await confirmCheckoutAction(sessionId)).toEqual({ ok: true, data: undefined });
    expect((await orderOf(sessionId)).status).toBe("Paid");
    // The buyer's own browser then goes straight to the order.
    browseAs(buyer.cartToken);
    expect(await completeCheckoutAction(sessionId)).toMatchObject({
      ok: true,
      redirectTo: `/orders/${draft.orderNumber}`,
    });
  });

  it("refuses what is not a checkout session id", async () => {
    browseAs(null);
    for (const value of ["", "../etc", 42, null, { id: "x" }])
      expect(await confirmCheckoutAction(value)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
