// "Place order" sends the buyer to amazonPayRedirectUrl only when it is on Amazon Pay's own pages
// (here, the emulator): whatever else Amazon's answer could name, the shop is no open redirect.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { CHECKOUT_NOTICES } from "@/lib/checkout/messages";
import { placeOrder } from "@/lib/checkout/place-order";
import { reviewedCheckout } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => shop.close());

/** Amazon's Update answer, with amazonPayRedirectUrl replaced. */
function redirectAmazonPayTo(url: string): void {
  const sessions = amazonPay().client.checkoutSessions;
  const update = sessions.update.bind(sessions);
  vi.spyOn(sessions, "update").mockImplementation(async (...args: Parameters<typeof update>) => {
    const answer = await update(...args);
    const details = answer.data.webCheckoutDetails;
    const webCheckoutDetails = details ? { ...details, amazonPayRedirectUrl: url } : details;
    return { ...answer, data: { ...answer.data, webCheckoutDetails } };
  });
}

describe("amazonPayRedirectUrl", () => {
  it("is followed onto the emulator's page", async () => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });
    expect(result).toMatchObject({
      ok: true,
      redirectUrl: expect.stringMatching(new RegExp(`^${shop.emulator.url}/`)),
    });
  });

  it.each([
    "https://evil.example/checkout/processing",
    "https://apay-us.amazon.com/checkout/processing", // Amazon's host, but this shop runs on the emulator
    "javascript:alert(document.cookie)",
    "//evil.example/",
  ])("is refused when it points at %s: the buyer stays, the order is not marked as sent", async (url) => {
    const { buyer, sessionId, review } = await reviewedCheckout(shop);
    redirectAmazonPayTo(`${url}?amazonCheckoutSessionId=${sessionId}`);
    vi.spyOn(console, "error").mockImplementation(() => {});

    const result = await placeOrder({ sessionId, cartId: buyer.cartId, fingerprint: review.fingerprint });

    expect(result).toEqual({ ok: false, error: CHECKOUT_NOTICES["amazon-unavailable"] });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({ status: "Draft", redirectedAt: null });
  });
});
