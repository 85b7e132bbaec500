// Another buyer's order, cart and checkout session can be neither read nor used: not through
// the pages, the status API, the checkout and Buy Now actions, nor Finalize for mobile apps.
import { actionId, callAction, callFormAction } from "./support/actions";
import { addToCart, checkoutToReview, orderBySession, placeOrderAndConfirm } from "./support/checkout";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

const SHOP = shopUrl();
const CHECKOUT = "lib/checkout/action.ts";
const BUY_NOW = "lib/checkout/buy-now-action.ts";

test("someone else's order, cart and checkout session stay theirs", async ({ page, browser, playwright }) => {
  // The owner: one placed order, and a second checkout waiting on the review page.
  await addToCart(page, "harbor-ceramic-mug");
  const placedSession = await checkoutToReview(page);
  const orderNumber = await placeOrderAndConfirm(page);
  await addToCart(page, "sailcloth-tote");
  const openSession = await checkoutToReview(page);

  // The stranger: a browser with a cart of its own, and a client with no cookies at all.
  const strangerContext = await browser.newContext({ baseURL: SHOP });
  const strangerPage = await strangerContext.newPage();
  await addToCart(strangerPage, "pine-needle-candle");
  const stranger = strangerContext.request;
  const strangerToken = (await strangerContext.cookies()).find((cookie) => cookie.name === "cart")!.value;
  const anonymous = await playwright.request.newContext({ baseURL: SHOP });
  await quietDatabase();

  await expectNoDatabaseChange(async () => {
    for (const client of [stranger, anonymous]) {
      const orderPage = await client.get(`/orders/${orderNumber}`);
      expect(orderPage.status()).toBe(404);
      expect(await orderPage.text()).not.toContain("410 Terry Ave N");
      const status = await client.get(`/api/orders/${orderNumber}/status`);
      expect(status.status()).toBe(404);
      expect(await status.json()).toEqual({ error: "Order not found." });
    }

    // The stranger's own cart shows only the stranger's item.
    await strangerPage.goto("/cart");
    await expect(strangerPage.getByRole("link", { name: "Pine Needle Candle" })).toBeVisible();
    await expect(strangerPage.getByRole("link", { name: "Sailcloth Tote" })).toHaveCount(0);

    for (const sessionId of [openSession, placedSession]) {
      const review = await stranger.get(`/checkout/review?amazonCheckoutSessionId=${sessionId}`, {
        maxRedirects: 0,
      });
      expect(review.status()).toBe(307);
      expect(review.headers().location).toMatch(/^\/cart\?checkout=session-(foreign|unknown)$/);

      const completed = await callAction(
        stranger,
        SHOP,
        "/checkout/result",
        actionId(CHECKOUT, "completeCheckoutAction"),
        [sessionId],
      );
      expect(completed.result).toMatchObject({
        ok: false,
        redirectTo: expect.stringMatching(/^\/cart\?checkout=session-(foreign|unknown)$/),
      });
      expect(completed.body).not.toContain(orderNumber);

      const placed = await callFormAction(
        stranger,
        SHOP,
        "/checkout/review",
        actionId(CHECKOUT, "placeOrderAction"),
        { sessionId, fingerprint: "A".repeat(32) },
        { withState: true },
      );
      if (placed.redirect) expect(placed.redirect).toMatch(/^\/cart\?checkout=/);
      else expect(placed.result).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
      expect(placed.body).not.toContain(orderNumber);

      const shipping = await callFormAction(
        stranger,
        SHOP,
        "/checkout/review",
        actionId(CHECKOUT, "chooseShippingMethodFormAction"),
        { sessionId, shippingMethod: "express" },
      );
      expect(shipping.redirect).toBe("/cart?checkout=session-foreign");

      const buyNowCalls: [string, unknown][] = [
        ["buyNowInitAction", { sessionId, slug: "harbor-ceramic-mug", quantity: 1, shippingAddress: null }],
        ["buyNowAddressAction", { sessionId, shippingAddress: { countryCode: "US", stateOrRegion: "WA" } }],
        ["buyNowDeliveryAction", { sessionId, deliveryOptionId: "express", shippingAddress: null }],
        ["buyNowCompleteAction", { sessionId }],
      ];
      for (const [name, argument] of buyNowCalls) {
        const answer = await callAction(
          stranger,
          SHOP,
          "/products/harbor-ceramic-mug",
          actionId(BUY_NOW, name),
          [argument],
        );
        expect(answer.result, name).toMatchObject({ ok: false, code: expect.stringMatching(/^Invalid/) });
      }

      // Finalize for mobile apps: a web checkout is never finalized there, with or without a cart token.
      for (const headers of [{ "x-cart-token": strangerToken }, {} as Record<string, string>]) {
        const finalize = await stranger.post("/api/checkout/finalize", {
          headers,
          data: { checkoutSessionId: sessionId, items: [{ slug: "harbor-ceramic-mug", quantity: 1 }] },
        });
        expect(finalize.status()).toBe(409);
        expect(await finalize.json()).toMatchObject({ error: expect.stringMatching(/belongs to/) });
      }
    }
  });

  // The owner is not disturbed: the open checkout still completes.
  await placeOrderAndConfirm(page);
  expect((await orderBySession(openSession)).status).toBe("Paid");
  await strangerContext.close();
  await anonymous.dispose();
});
